"""Temporal API: /temporal/entities[/{id}[/attrs[/{attrId}]]] and /temporal/entityOperations/query."""

from __future__ import annotations

from django.views.decorators.http import require_http_methods, require_POST

from .. import ngsi, selectors, temporal
from ..errors import BadRequestData, ResourceNotFound
from ..models import AttributeInstance, Entity
from ..services import entities as entity_services
from ..services.loading import temporal_entities_load
from . import params
from .batch import query_from_body
from .http import ApiRequest, empty, ld_response, ngsi_view

SIMPLIFIED = {"temporalValues", "simplified", "keyValues"}


def _answer(api: ApiRequest, entities, query_params, attrs):
    tq = temporal.TemporalQuery.from_params(query_params)
    opts = set(params.csv(query_params.get("options")) or []) | {query_params.get("format") or ""}
    data = temporal.history(
        tenant=api.tenant, entities=entities, ctx=api.ctx, attrs=attrs, tq=tq, simplified=bool(opts & SIMPLIFIED)
    )
    return data


def _load_one(api: ApiRequest, payload) -> None:
    if not isinstance(payload, dict):
        raise BadRequestData("A temporal entity must be a JSON object")
    body = {k: v for k, v in payload.items() if k != "@context"}
    temporal_entities_load(tenant=api.tenant, entities=[body], context=api.ctx, notify=True)


@require_http_methods(["GET", "POST"])
@ngsi_view()
def temporal_entities(request, api: ApiRequest):
    if request.method == "POST":
        if not isinstance(api.body, dict):
            raise BadRequestData("A temporal entity must be a JSON object")
        entity_id = ngsi.check_entity_id(api.body.get("id"))
        existed = Entity.objects.filter(tenant=api.tenant, entity_id=entity_id).exists()
        _load_one(api, api.body)
        if existed:
            return empty()
        return empty(201, {"Location": api.url("temporal/entities", entity_id)})
    query = params.entity_query(api.query)
    count, page = selectors.entities_query(tenant=api.tenant, ctx=api.ctx, **query)
    headers = {"NGSILD-Results-Count": str(count)} if params.count_requested(api.query) else {}
    return ld_response(api, _answer(api, page, api.query, query["attrs"]), headers=headers)


@require_POST
@ngsi_view(read_only_post=True)
def temporal_query(request, api: ApiRequest):
    body = api.body if isinstance(api.body, dict) else {}
    merged = {**query_from_body(api.body), **api.query.dict()}
    temporal_q = body.get("temporalQ") or {}
    if not isinstance(temporal_q, dict):
        raise BadRequestData("temporalQ must be an object")
    for key in ("timerel", "timeAt", "endTimeAt", "timeproperty", "lastN"):
        if key in temporal_q and key not in merged:
            merged[key] = str(temporal_q[key])
    query = params.entity_query(merged, require_filter=False)
    count, page = selectors.entities_query(tenant=api.tenant, ctx=api.ctx, **query)
    headers = {"NGSILD-Results-Count": str(count)} if params.count_requested(merged) else {}
    return ld_response(api, _answer(api, page, merged, query["attrs"]), headers=headers)


@require_http_methods(["GET", "DELETE"])
@ngsi_view()
def temporal_entity(request, api: ApiRequest, entity_id: str):
    ngsi.check_entity_id(entity_id)
    entity = Entity.objects.filter(tenant=api.tenant, entity_id=entity_id).first()
    if entity is None:
        raise ResourceNotFound(f"Entity {entity_id} does not exist")
    if request.method == "DELETE":
        AttributeInstance.objects.filter(tenant=api.tenant, entity_id=entity_id).delete()
        entity_services.entity_delete(tenant=api.tenant, entity_id=entity_id)
        return empty()
    attrs = params.csv(api.query.get("attrs"))
    return ld_response(api, _answer(api, [entity], api.query, attrs)[0])


@require_POST
@ngsi_view()
def temporal_entity_attrs(request, api: ApiRequest, entity_id: str):
    ngsi.check_entity_id(entity_id)
    entity = Entity.objects.filter(tenant=api.tenant, entity_id=entity_id).first()
    if entity is None:
        raise ResourceNotFound(f"Entity {entity_id} does not exist")
    if not isinstance(api.body, dict):
        raise BadRequestData("The body must be a JSON object of attribute instances")
    body = {k: v for k, v in api.body.items() if k not in ("@context", "id", "type")}
    _load_one(api, {"id": entity_id, "type": api.ctx.compact(entity.type), **body})
    return empty()


@require_http_methods(["DELETE"])
@ngsi_view()
def temporal_entity_attr(request, api: ApiRequest, entity_id: str, attr: str):
    ngsi.check_entity_id(entity_id)
    deleted, _ = AttributeInstance.objects.filter(
        tenant=api.tenant, entity_id=entity_id, attribute=api.ctx.expand(attr)
    ).delete()
    if not deleted:
        raise ResourceNotFound(f"No history of {attr} for {entity_id}")
    return empty()
