"""Reads of the data hub for pages and other apps (the NGSI-LD API has its own query module).

All functions take the tenant explicitly (``datahub.tenancy.DEFAULT_TENANT`` for the sandbox city data) and
work with *short* type and attribute names, expanded with ``context`` (default: Smart Data Models terms over
the NGSI-LD core context, the context the sandbox data is loaded with).

* ``entity_type_counts(*, tenant, context=None) -> list[dict]`` — ``[{"type": "ParkingSpot", "type_iri": …,
  "count": 120}, …]`` sorted by type.
* ``entity_page(*, tenant, entity_type, limit=50, offset=0, context=None) -> dict`` — ``{"count": n, "results":
  [compacted normalized entity, …]}`` ordered by id.
* ``attribute_history(*, tenant, entity_id, attribute, start=None, end=None, limit=None, context=None) ->
  list[dict]`` — instances ``{"observedAt", "value", "unitCode"?, "datasetId"?}`` with start <= observedAt < end,
  oldest first.
* ``entity_get(*, tenant, entity_id, context=None) -> dict | None`` — one compacted entity.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection
from django.db.models import BooleanField, Count, Q
from django.db.models.expressions import RawSQL

from . import ldcontext, ngsi
from .ldcontext import Context
from .models import AttributeInstance, Entity

SMALL_EXTENT = 0.01  # degrees (~1 km): geometries up to this size are found through the min_lat index


def _ctx(context: Context | None) -> Context:
    return context or ldcontext.sandbox()


def entity_type_counts(*, tenant: str, context: Context | None = None) -> list[dict]:
    ctx = _ctx(context)
    rows = Entity.objects.filter(tenant=tenant).values("type").annotate(count=Count("id")).order_by("type")
    return [{"type": ctx.compact(r["type"]), "type_iri": r["type"], "count": r["count"]} for r in rows]


def _compacted(entity: Entity, ctx: Context) -> dict:
    return ngsi.compact_entity(entity.entity_id, entity.type, entity.data, ctx)


def entity_page(
    *, tenant: str, entity_type: str, limit: int = 50, offset: int = 0, context: Context | None = None
) -> dict:
    ctx = _ctx(context)
    qs = Entity.objects.filter(tenant=tenant, type=ctx.expand(entity_type)).order_by("entity_id")
    return {"count": qs.count(), "results": [_compacted(e, ctx) for e in qs[offset : offset + limit]]}


def entity_get(*, tenant: str, entity_id: str, context: Context | None = None) -> dict | None:
    entity = Entity.objects.filter(tenant=tenant, entity_id=entity_id).first()
    return _compacted(entity, _ctx(context)) if entity else None


def attribute_history(
    *,
    tenant: str,
    entity_id: str,
    attribute: str,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int | None = None,
    context: Context | None = None,
) -> list[dict]:
    qs = AttributeInstance.objects.filter(
        tenant=tenant, entity_id=entity_id, attribute=_ctx(context).expand(attribute), observed_at__isnull=False
    )
    if start is not None:
        qs = qs.filter(observed_at__gte=start)
    if end is not None:
        qs = qs.filter(observed_at__lt=end)
    qs = qs.order_by("observed_at").values_list("instance", flat=True)
    if limit is not None:
        qs = qs[:limit]
    out = []
    for instance in qs:
        row = {"observedAt": instance.get("observedAt"), "value": ngsi.simplified_value(instance)}
        for key in ("unitCode", "datasetId"):
            if key in instance:
                row[key] = instance[key]
        out.append(row)
    return out


# -- NGSI-LD query (used by the API and the batch query operation) -------------------------------------------


def entities_query(
    *,
    tenant: str,
    ctx: Context,
    types: list[str] | None = None,
    ids: list[str] | None = None,
    id_pattern: str | None = None,
    attrs: list[str] | None = None,
    q=None,
    geo=None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, list[Entity]]:
    """Entities matching an NGSI-LD query, ordered by id: (total count, the page).

    Tenant, type, id and idPattern filter in SQL, as does the bounding box of a geo-query on ``location``;
    ``q``, ``attrs`` and the exact geometry test run on the candidates in Python.
    """
    from . import query as ngsi_query

    qs = Entity.objects.filter(tenant=tenant)
    if types:
        qs = qs.filter(type__in=[ctx.expand(t) for t in types])
    if ids:
        qs = qs.filter(entity_id__in=ids)
    if id_pattern:
        qs = qs.filter(entity_id__regex=id_pattern)
    wanted = {ctx.expand(a) for a in attrs} if attrs else None
    if q is not None and connection.vendor == "postgresql":
        path, exact = ngsi_query.sql_jsonpath(q, ctx)
        if path is not None:
            qs = qs.filter(RawSQL(f"{Entity._meta.db_table}.data @@ %s::jsonpath", [path], output_field=BooleanField()))
            if exact:
                q = None
    if wanted is not None:
        qs = qs.filter(data__has_any_keys=list(wanted))
    if geo is not None:
        box = geo.bbox() if geo.geoproperty == "location" else None
        if box:
            overlap = Q(max_lon__gte=box[0], min_lon__lte=box[2], max_lat__gte=box[1], min_lat__lte=box[3])
            small = Q(extent__lte=SMALL_EXTENT, min_lat__gte=box[1] - SMALL_EXTENT, min_lon__gte=box[0] - SMALL_EXTENT)
            qs = qs.filter(overlap & (small | Q(extent__gt=SMALL_EXTENT)))
    qs = qs.order_by("entity_id")
    if q is None and geo is None:
        return qs.count(), list(qs[offset : offset + limit]) if limit else []
    matched = []
    for entity in qs.iterator(chunk_size=2000):
        if q is not None and not ngsi_query.matches(q, entity.data, ctx, entity.entity_id):
            continue
        if geo is not None and not ngsi_query.geo_matches(geo, entity.data, ctx):
            continue
        matched.append(entity)
    return len(matched), matched[offset : offset + limit] if limit else []


def entity_types(*, tenant: str, ctx: Context) -> list[dict]:
    """Per type: count and attribute names with their NGSI-LD attribute types (for /types?details=true)."""
    out: dict[str, dict] = {}
    for type_iri, data in Entity.objects.filter(tenant=tenant).values_list("type", "data").iterator(chunk_size=2000):
        info = out.setdefault(type_iri, {"count": 0, "attributes": {}})
        info["count"] += 1
        for iri, instances in data.items():
            info["attributes"].setdefault(iri, set()).update(i.get("type", "Property") for i in instances)
    return [{"type": t, **info} for t, info in sorted(out.items(), key=lambda item: ctx.compact(item[0]))]


def entity_attributes(*, tenant: str) -> dict[str, dict]:
    """Per attribute IRI: entity count, entity types and attribute types."""
    out: dict[str, dict] = {}
    for type_iri, data in Entity.objects.filter(tenant=tenant).values_list("type", "data").iterator(chunk_size=2000):
        for iri, instances in data.items():
            info = out.setdefault(iri, {"count": 0, "types": set(), "attribute_types": set()})
            info["count"] += 1
            info["types"].add(type_iri)
            info["attribute_types"].update(i.get("type", "Property") for i in instances)
    return out
