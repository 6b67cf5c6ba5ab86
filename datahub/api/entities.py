"""NGSI-LD entity endpoints: /entities, /entities/{id}, /entities/{id}/attrs[/{attrId}]."""

from __future__ import annotations

from django.views.decorators.http import require_http_methods

from .. import ngsi, selectors
from ..errors import BadRequestData, ResourceNotFound
from ..models import Entity
from ..services import entities as services
from . import params
from .http import GEO_JSON, ApiRequest, empty, ld_response, ngsi_view


def render_entity(entity: Entity, api: ApiRequest, opts: set[str], attrs: list[str] | None = None) -> dict:
    wanted = {api.ctx.expand(a) for a in attrs} if attrs else None
    return ngsi.compact_entity(
        entity.entity_id,
        entity.type,
        entity.data,
        api.ctx,
        key_values="keyValues" in opts,
        sys_attrs="sysAttrs" in opts,
        attrs=wanted,
        created_at=ngsi.format_time(entity.created_at),
        modified_at=ngsi.format_time(entity.modified_at),
    )


def to_feature(entity: Entity, api: ApiRequest, opts: set[str], attrs, geoproperty: str) -> dict:
    body = render_entity(entity, api, opts, attrs)
    geometry = None
    instances = entity.data.get(api.ctx.expand(geoproperty))
    if instances:
        geometry = instances[0].get("value")
    properties = {k: v for k, v in body.items() if k != "id"}
    return {"id": entity.entity_id, "type": "Feature", "geometry": geometry, "properties": properties}


def entities_answer(api: ApiRequest, entities, opts, attrs, headers=None, geoproperty=None):
    if api.accept == GEO_JSON:
        geoproperty = geoproperty or api.query.get("geoproperty") or "location"
        features = [to_feature(e, api, opts, attrs, geoproperty) for e in entities]
        return ld_response(api, {"type": "FeatureCollection", "features": features}, headers=headers)
    return ld_response(api, [render_entity(e, api, opts, attrs) for e in entities], headers=headers)


@require_http_methods(["GET", "POST"])
@ngsi_view(geo=True)
def entities(request, api: ApiRequest):
    if request.method == "POST":
        entity = services.entity_create(tenant=api.tenant, payload=api.body, ctx=api.ctx)
        return empty(201, {"Location": api.url("entities", entity.entity_id)})
    opts = params.options(api.query)
    query = params.entity_query(api.query)
    count, page = selectors.entities_query(tenant=api.tenant, ctx=api.ctx, **query)
    headers = {"NGSILD-Results-Count": str(count)} if params.count_requested(api.query) else {}
    return entities_answer(api, page, opts, query["attrs"], headers)


def _entity(api: ApiRequest, entity_id: str) -> Entity:
    ngsi.check_entity_id(entity_id)
    entity = Entity.objects.filter(tenant=api.tenant, entity_id=entity_id).first()
    if entity is None:
        raise ResourceNotFound(f"Entity {entity_id} does not exist")
    return entity


@require_http_methods(["GET", "DELETE", "PUT", "PATCH"])
@ngsi_view(geo=True)
def entity(request, api: ApiRequest, entity_id: str):
    ngsi.check_entity_id(entity_id)
    if request.method == "DELETE":
        services.entity_delete(tenant=api.tenant, entity_id=entity_id)
        return empty()
    if request.method == "PUT":
        services.entity_replace(tenant=api.tenant, entity_id=entity_id, payload=api.body, ctx=api.ctx)
        return empty()
    if request.method == "PATCH":
        services.entity_merge(tenant=api.tenant, entity_id=entity_id, payload=api.body, ctx=api.ctx)
        return empty()
    found = _entity(api, entity_id)
    opts = params.options(api.query)
    attrs = params.csv(api.query.get("attrs"))
    if attrs and not ({api.ctx.expand(a) for a in attrs} & found.data.keys()):
        raise ResourceNotFound(f"Entity {entity_id} has none of the attributes {', '.join(attrs)}")
    if api.accept == GEO_JSON:
        geoproperty = api.query.get("geoproperty") or "location"
        return ld_response(api, to_feature(found, api, opts, attrs, geoproperty))
    return ld_response(api, render_entity(found, api, opts, attrs))


def _update_answer(result: services.UpdateResult):
    if result.not_updated:
        from .http import plain_json

        return plain_json(result.as_json(), status=207)
    return empty()


@require_http_methods(["POST", "PATCH"])
@ngsi_view()
def entity_attrs(request, api: ApiRequest, entity_id: str):
    ngsi.check_entity_id(entity_id)
    if request.method == "POST":
        no_overwrite = "noOverwrite" in params.options(api.query)
        result = services.attrs_append(
            tenant=api.tenant, entity_id=entity_id, payload=api.body, ctx=api.ctx, no_overwrite=no_overwrite
        )
    else:
        result = services.attrs_update(tenant=api.tenant, entity_id=entity_id, payload=api.body, ctx=api.ctx)
    return _update_answer(result)


@require_http_methods(["PATCH", "PUT", "DELETE"])
@ngsi_view()
def entity_attr(request, api: ApiRequest, entity_id: str, attr: str):
    ngsi.check_entity_id(entity_id)
    ngsi.check_name(attr)
    kwargs = {"tenant": api.tenant, "entity_id": entity_id, "attribute": attr, "ctx": api.ctx}
    if request.method == "DELETE":
        delete_all = api.query.get("deleteAll") == "true"
        services.attr_delete(**kwargs, dataset_id=api.query.get("datasetId"), delete_all=delete_all)
    elif request.method == "PUT":
        services.attr_replace(**kwargs, payload=api.body)
    else:
        if not isinstance(api.body, dict):
            raise BadRequestData("The body must be a JSON object")
        services.attr_partial_update(**kwargs, payload=api.body)
    return empty()
