"""Batch operations: /entityOperations/{create,upsert,update,delete,merge,query}.

Each entity is processed atomically on its own (ETSI batch semantics): the answer lists what succeeded and,
with 207 Multi-Status, a ProblemDetails per entity that failed. Duplicate ids in one batch: the first wins,
later ones fail with BadRequestData.
"""

from __future__ import annotations

from django.views.decorators.http import require_POST

from .. import ngsi, selectors
from ..errors import BadRequestData, NgsiLdError
from ..services import bulk
from ..services import entities as services
from . import params
from .entities import entities_answer
from .http import ApiRequest, empty, ngsi_view, plain_json

MAX_BATCH = 1000


def _entities(api: ApiRequest) -> list:
    if not isinstance(api.body, list):
        raise BadRequestData("The body of a batch operation must be a JSON array")
    if len(api.body) > MAX_BATCH:
        raise BadRequestData(f"A batch holds at most {MAX_BATCH} entities")
    if not api.body:
        raise BadRequestData("The batch is empty")
    return api.body


def _run(items, operation):
    success, errors, seen = [], [], set()
    for item in items:
        entity_id = item.get("id") if isinstance(item, dict) else item
        try:
            if not isinstance(entity_id, str):
                raise BadRequestData("Entity id is missing")
            if entity_id in seen:
                raise BadRequestData(f"Entity {entity_id} appears more than once in the batch")
            seen.add(entity_id)
            outcome = operation(item)
        except NgsiLdError as error:
            errors.append({"entityId": entity_id if isinstance(entity_id, str) else "", "error": error.problem()})
            continue
        success.append((entity_id, outcome))
    return success, errors


def _multi_status(success, errors):
    return plain_json({"success": [entity_id for entity_id, _ in success], "errors": errors}, status=207)


def _bulk(api: ApiRequest, mode: str):
    success, errors = bulk.entities_write(tenant=api.tenant, payloads=_entities(api), ctx=api.ctx, mode=mode)
    return success, [{"entityId": entity_id, "error": error.problem()} for entity_id, error in errors]


@require_POST
@ngsi_view(batch=True)
def batch_create(request, api: ApiRequest):
    success, errors = _bulk(api, bulk.CREATE)
    if errors:
        return _multi_status(success, errors)
    return plain_json([entity_id for entity_id, _ in success], status=201)


@require_POST
@ngsi_view(batch=True)
def batch_upsert(request, api: ApiRequest):
    return upsert_answer(api)


def upsert_answer(api: ApiRequest):
    mode = bulk.UPDATE if "update" in params.options(api.query) else bulk.REPLACE
    success, errors = _bulk(api, mode)
    if errors:
        return _multi_status(success, errors)
    created = [entity_id for entity_id, was_created in success if was_created]
    return plain_json(created, status=201) if created else empty()


@require_POST
@ngsi_view(batch=True)
def batch_update(request, api: ApiRequest):
    no_overwrite = "noOverwrite" in params.options(api.query)

    def update(item):
        if not isinstance(item, dict):
            raise BadRequestData("An entity must be a JSON object")
        entity_id = ngsi.check_entity_id(item.get("id"))
        fragment = {k: v for k, v in item.items() if k not in ("id", "type", "@context")}
        result = services.attrs_append(
            tenant=api.tenant, entity_id=entity_id, payload=fragment, ctx=api.ctx, no_overwrite=no_overwrite
        )
        if result.not_updated:
            names = ", ".join(name for name, _ in result.not_updated)
            raise BadRequestData(f"Not updated (options=noOverwrite): {names}")

    success, errors = _run(_entities(api), update)
    return _multi_status(success, errors) if errors else empty()


@require_POST
@ngsi_view(batch=True)
def batch_merge(request, api: ApiRequest):
    def merge(item):
        if not isinstance(item, dict):
            raise BadRequestData("An entity must be a JSON object")
        entity_id = ngsi.check_entity_id(item.get("id"))
        services.entity_merge(tenant=api.tenant, entity_id=entity_id, payload=item, ctx=api.ctx)

    success, errors = _run(_entities(api), merge)
    return _multi_status(success, errors) if errors else empty()


@require_POST
@ngsi_view(batch=True)
def batch_delete(request, api: ApiRequest):
    def delete(entity_id):
        ngsi.check_entity_id(entity_id)
        services.entity_delete(tenant=api.tenant, entity_id=entity_id)

    success, errors = _run(_entities(api), delete)
    return _multi_status(success, errors) if errors else empty()


def query_from_body(body) -> dict:
    """Turn a ``Query`` body into GET-style parameters."""
    if not isinstance(body, dict) or body.get("type", "Query") != "Query":
        raise BadRequestData('The body must be a Query object: {"type": "Query", "entities": [...], ...}')
    out: dict[str, str] = {}
    selectors_ = body.get("entities") or []
    if not isinstance(selectors_, list):
        raise BadRequestData("entities must be an array of {type, id, idPattern}")
    types = [s["type"] for s in selectors_ if isinstance(s, dict) and isinstance(s.get("type"), str)]
    ids = [s["id"] for s in selectors_ if isinstance(s, dict) and isinstance(s.get("id"), str)]
    patterns = [s["idPattern"] for s in selectors_ if isinstance(s, dict) and isinstance(s.get("idPattern"), str)]
    if types:
        out["type"] = ",".join(types)
    if ids:
        out["id"] = ",".join(ids)
    if patterns:
        out["idPattern"] = "|".join(f"(?:{p})" for p in patterns)
    if body.get("attrs"):
        if not isinstance(body["attrs"], list):
            raise BadRequestData("attrs must be an array")
        out["attrs"] = ",".join(body["attrs"])
    if body.get("q"):
        out["q"] = body["q"]
    geo = body.get("geoQ")
    if geo:
        import json

        if not isinstance(geo, dict):
            raise BadRequestData("geoQ must be an object")
        out["georel"] = geo.get("georel") or ""
        out["geometry"] = geo.get("geometry") or ""
        coords = geo.get("coordinates")
        out["coordinates"] = coords if isinstance(coords, str) else json.dumps(coords)
        if geo.get("geoproperty"):
            out["geoproperty"] = geo["geoproperty"]
    return out


@require_POST
@ngsi_view(read_only_post=True, geo=True)
def batch_query(request, api: ApiRequest):
    merged = {**query_from_body(api.body), **api.query.dict()}
    opts = params.options(merged)
    query = params.entity_query(merged, require_filter=False)
    count, page = selectors.entities_query(tenant=api.tenant, ctx=api.ctx, **query)
    headers = {"NGSILD-Results-Count": str(count)} if params.count_requested(merged) else {}
    api.query = merged
    return entities_answer(api, page, opts, query["attrs"], headers)
