"""Bulk loading of temporal entities (the sandbox city data)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import islice

from django.db import connection, transaction

from .. import ldcontext, ngsi
from ..errors import BadRequestData
from ..ldcontext import Context
from ..models import AttributeInstance, Entity

LOCATION = ldcontext.NGSI_LD + "location"


def _batches(iterable: Iterable, size: int):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _number(instance: dict) -> float | None:
    value = instance.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _history_rows(tenant: str, entity_id: str, type_iri: str, iri: str, instances: list[dict], now: datetime):
    for instance in instances:
        observed = instance.get("observedAt")
        yield (
            tenant,
            entity_id,
            type_iri,
            iri,
            instance.get("datasetId") or "",
            ngsi.parse_time(observed) if observed else None,
            now,
            _number(instance),
            json.dumps(instance, ensure_ascii=False, separators=(",", ":")),
        )


def history_insert(rows: list[tuple]) -> None:
    """Append history rows (see :func:`_history_rows` for the column order) in one round trip."""
    if not rows:
        return
    table = connection.ops.quote_name(AttributeInstance._meta.db_table)
    columns = "tenant, entity_id, entity_type, attribute, dataset_id, observed_at, modified_at, number, instance"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(rows) > 100:
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            adapt = connection.ops.adapt_datetimefield_value
            params = [(*row[:5], adapt(row[5]), adapt(row[6]), *row[7:]) for row in rows]
            marks = ", ".join(["%s"] * 9)
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", params)


def _latest(instances: list[dict]) -> list[dict]:
    """The current state of a temporal attribute: the latest instance of each datasetId."""
    latest: dict = {}
    for instance in instances:
        key = instance.get("datasetId")
        best = latest.get(key)
        if best is None or instance.get("observedAt", "") >= best.get("observedAt", ""):
            latest[key] = instance
    return sorted(latest.values(), key=lambda i: i.get("datasetId") is not None)


def _expand_temporal(payload: dict, ctx: Context, now: str) -> tuple[str, str, dict, dict]:
    if not isinstance(payload, dict):
        raise BadRequestData("An entity must be a JSON object")
    entity_id = ngsi.check_entity_id(payload.get("id"))
    skeleton = {k: v for k, v in payload.items() if k in ("id", "type")}
    _, type_iri, _ = ngsi.expand_entity(skeleton, ctx, now=None)
    current, history = {}, {}
    for name, value in payload.items():
        if name in ldcontext.ENTITY_KEYWORDS:
            continue
        ngsi.check_name(name)
        iri = ctx.expand(name)
        raw = value if isinstance(value, list) else [value]
        instances = [ngsi.expand_instance(name, item, ctx, now=None) for item in raw]
        history[iri] = instances
        current[iri] = [dict(i, createdAt=now, modifiedAt=now) for i in _latest(instances)]
    return entity_id, type_iri, current, history


@transaction.atomic
def temporal_entities_load(
    *,
    tenant: str,
    entities: Iterable[dict],
    batch_size: int = 1000,
    context: Context | None = None,
    notify: bool = False,
) -> int:
    """Upsert entities given in the NGSI-LD temporal representation and append all their instances to history.

    ``entities`` use short attribute names, expanded with ``context`` (default: Smart Data Models terms over the
    core context, :func:`datahub.ldcontext.sandbox`). Each attribute is one attribute object or a list of
    instances with ``observedAt``; the entity's current state keeps the latest instance of each attribute
    (per datasetId), attributes not given are kept. Returns the number of attribute instances written to
    history. All or nothing: a bad entity raises :class:`datahub.errors.BadRequestData` and nothing is written.
    ``notify`` (the temporal API sets it) also runs subscriptions on the written entities; bulk sandbox loads
    leave it off.
    """
    ctx = context or ldcontext.sandbox()
    moment = datetime.now(UTC)
    now = ngsi.format_time(moment)
    written = 0
    for chunk in _batches(entities, batch_size):
        parsed = {}
        for payload in chunk:
            entity_id, type_iri, current, history = _expand_temporal(payload, ctx, now)
            if entity_id in parsed:
                previous = parsed[entity_id]
                for iri, instances in history.items():
                    previous[3].setdefault(iri, []).extend(instances)
                    previous[2][iri] = [dict(i, createdAt=now, modifiedAt=now) for i in _latest(previous[3][iri])]
                continue
            parsed[entity_id] = (entity_id, type_iri, current, history)
        existing = {e.entity_id: e for e in Entity.objects.filter(tenant=tenant, entity_id__in=list(parsed))}
        to_create, to_update, rows = [], [], []
        for entity_id, type_iri, current, history in parsed.values():
            entity = existing.get(entity_id)
            if entity is None:
                entity = Entity(tenant=tenant, entity_id=entity_id, type=type_iri, data={}, created_at=moment)
                to_create.append(entity)
            else:
                to_update.append(entity)
            entity.type = type_iri
            entity.data = {**entity.data, **current}
            entity.modified_at = moment
            entity.set_bbox(ngsi.location_bbox(entity.data, LOCATION))
            for iri, instances in history.items():
                rows.extend(_history_rows(tenant, entity_id, type_iri, iri, instances, moment))
        Entity.objects.bulk_create(to_create, batch_size=batch_size)
        Entity.objects.bulk_update(
            to_update,
            ["type", "data", "modified_at", "min_lon", "min_lat", "max_lon", "max_lat", "extent"],
            batch_size=500,
        )
        history_insert(rows)
        written += len(rows)
        if notify:
            from ..subscriptions.matching import entity_changed

            written_now = {e.entity_id: (e, True) for e in to_create} | {e.entity_id: (e, False) for e in to_update}
            for entity_id, _type, _current, history in parsed.values():
                entity, created = written_now[entity_id]
                entity_changed(entity, list(history), created=created)
    return written
