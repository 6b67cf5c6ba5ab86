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

from django.db.models import Count

from . import ldcontext, ngsi
from .ldcontext import Context
from .models import AttributeInstance, Entity


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
