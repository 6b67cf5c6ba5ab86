"""Reads behind the dataset catalogue pages and downloads (sandbox data in the default tenant).

Downloads are generators, so a view can stream them: entities are read in chunks and each entity's history
is read by the (tenant, entity, attribute, observedAt) index, never the whole table at once.
"""

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.db.models import Max, Min

from datahub import ldcontext, ngsi, selectors
from datahub.models import AttributeInstance, Entity
from datahub.tenancy import DEFAULT_TENANT

from .datasets import DATASETS, Dataset
from .smartdatamodels import UNIT_SYMBOLS
from .timeline import KST, STEP

CHART_POINTS_DAYS = 7
CHUNK = 200


def _type_iri(dataset: Dataset) -> str:
    return ldcontext.sandbox().expand(dataset.entity_type)


def dataset_counts(*, tenant: str = DEFAULT_TENANT) -> dict[str, int]:
    """Entity count per dataset slug (0 when nothing is loaded)."""
    counts = {row["type"]: row["count"] for row in selectors.entity_type_counts(tenant=tenant)}
    return {dataset.slug: counts.get(dataset.entity_type, 0) for dataset in DATASETS}


def dataset_period(*, dataset: Dataset, tenant: str = DEFAULT_TENANT) -> dict:
    """First and last observation of the dataset, and how many attribute instances it holds."""
    history = AttributeInstance.objects.filter(tenant=tenant, entity_type=_type_iri(dataset)).exclude(observed_at=None)
    span = history.aggregate(first=Min("observed_at"), last=Max("observed_at"))
    return {"first": span["first"], "last": span["last"]}


def dataset_entities(*, dataset: Dataset, tenant: str = DEFAULT_TENANT, limit: int = 1000) -> list[dict]:
    return selectors.entity_page(tenant=tenant, entity_type=dataset.entity_type, limit=limit)["results"]


def _value(attribute):
    if isinstance(attribute, list):
        attribute = attribute[0]
    if not isinstance(attribute, dict):
        return attribute
    value = ngsi.simplified_value(attribute)
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    return value


def key_values(entity: dict) -> dict:
    return {name: _value(attribute) for name, attribute in entity.items() if name not in ("id", "type")}


def map_features(entities: list[dict]) -> dict:
    """GeoJSON of the entities' locations, with the name and the first chartable value for the popup."""
    features = []
    for entity in entities:
        location = _value(entity.get("location"))
        if not isinstance(location, dict) or location.get("type") != "Point":
            continue
        features.append(
            {
                "type": "Feature",
                "id": entity["id"],
                "geometry": location,
                "properties": {"id": entity["id"], "name": _value(entity.get("name")) or entity["id"]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def chart_series(
    *, entity_id: str, attribute: str, tenant: str = DEFAULT_TENANT, until: datetime | None = None
) -> dict:
    """The last :data:`CHART_POINTS_DAYS` days (up to ``until``, the dataset's last observation) of one
    attribute of one entity, ready for a line chart."""
    history = selectors.attribute_history(tenant=tenant, entity_id=entity_id, attribute=attribute)
    if history:
        last = until or ngsi.parse_time(history[-1]["observedAt"])
        cutoff = last - timedelta(days=CHART_POINTS_DAYS)
        history = [h for h in history if ngsi.parse_time(h["observedAt"]) > cutoff]
    if any(isinstance(h["value"], str | bool) for h in history):
        history = _every_step(history, until)
    unit = next((h["unitCode"] for h in history if "unitCode" in h), "")
    return {
        "attribute": attribute,
        "unit": unit,
        "unit_symbol": UNIT_SYMBOLS.get(unit, unit),
        "times": [h["observedAt"] for h in history],
        "labels": [f"{ngsi.parse_time(h['observedAt']).astimezone(KST):%m/%d %H:%M}" for h in history],
        "values": [_value({"type": "Property", "value": h["value"]}) for h in history],
    }


def _every_step(history: list[dict], until: datetime | None) -> list[dict]:
    """States are reported only when they change; spread them over the 15-minute grid so the chart's
    time axis stays even."""
    if not history:
        return history
    changes = [(ngsi.parse_time(h["observedAt"]), h) for h in history]
    moment, end = changes[0][0], max(until or changes[-1][0], changes[-1][0])
    out, i = [], 0
    while moment <= end:
        while i + 1 < len(changes) and changes[i + 1][0] <= moment:
            i += 1
        out.append({**changes[i][1], "observedAt": ngsi.format_time(moment)})
        moment += STEP
    return out


def _entities(dataset: Dataset, tenant: str) -> Iterator[dict]:
    ctx = ldcontext.sandbox()
    queryset = Entity.objects.filter(tenant=tenant, type=_type_iri(dataset)).order_by("entity_id")
    for entity in queryset.iterator(chunk_size=CHUNK):
        yield ngsi.compact_entity(entity.entity_id, entity.type, entity.data, ctx)


def ngsi_ld_lines(*, dataset: Dataset, tenant: str = DEFAULT_TENANT) -> Iterator[str]:
    """A JSON array of the dataset's entities (current state, normalized, with their @context)."""
    context = [ldcontext.SDM_CONTEXT_URL, ldcontext.CORE_CONTEXT_URL]
    yield "["
    for n, entity in enumerate(_entities(dataset, tenant)):
        yield ("," if n else "") + "\n" + json.dumps({**entity, "@context": context}, ensure_ascii=False)
    yield "\n]\n"


def geojson_lines(*, dataset: Dataset, tenant: str = DEFAULT_TENANT) -> Iterator[str]:
    """A GeoJSON FeatureCollection: one feature per entity, its current values as properties."""
    yield '{"type": "FeatureCollection", "features": ['
    n = 0
    for entity in _entities(dataset, tenant):
        values = key_values(entity)
        geometry = values.pop("location", None)
        feature = {
            "type": "Feature",
            "id": entity["id"],
            "geometry": geometry,
            "properties": {"id": entity["id"], **values},
        }
        yield ("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False)
        n += 1
    yield "\n]}\n"


CSV_HEADER = ("entity_id", "entity_type", "name", "attribute", "observed_at", "value", "unit_code")


def _csv_row(row) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    return buffer.getvalue()


def csv_lines(*, dataset: Dataset, tenant: str = DEFAULT_TENANT, attribute: str | None = None) -> Iterator[str]:
    """The dataset's history in long format, one row per observed value (UTF-8 with BOM for Excel)."""
    ctx = ldcontext.sandbox()
    yield "\ufeff" + _csv_row(CSV_HEADER)
    entities = Entity.objects.filter(tenant=tenant, type=_type_iri(dataset)).order_by("entity_id")
    for entity in entities.only("entity_id", "data").iterator(chunk_size=CHUNK):
        name = _value(ngsi.compact_entity(entity.entity_id, entity.type, entity.data, ctx).get("name")) or ""
        history = AttributeInstance.objects.filter(tenant=tenant, entity_id=entity.entity_id).exclude(observed_at=None)
        if attribute:
            history = history.filter(attribute=ctx.expand(attribute))
        rows = history.order_by("attribute", "observed_at").values_list("attribute", "observed_at", "instance")
        for attribute_iri, observed_at, instance in rows.iterator(chunk_size=2000):
            value = _value(instance)
            if isinstance(value, list | dict):
                value = json.dumps(value, ensure_ascii=False)
            yield _csv_row(
                (
                    entity.entity_id,
                    dataset.entity_type,
                    name,
                    ctx.compact(attribute_iri),
                    ngsi.format_time(observed_at),
                    value,
                    instance.get("unitCode", ""),
                )
            )
