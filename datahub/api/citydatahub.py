"""City Data Hub compatibility under ``/datahub/``: the KETI Data Service Broker paths without the
``/ngsi-ld/v1`` prefix (same views), ``/entitycount``, the Ingest Interface upsert body, and the Data Manager
registries ``/datamodels`` and ``/datasets``. Authentication, tenancy and errors work as on ``/ngsi-ld/v1/``.
"""

from __future__ import annotations

from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import ldcontext, selectors
from ..models import DataModel, Dataset
from ..services import registries
from . import batch, params
from .http import ApiRequest, empty, ngsi_view, plain_json


@require_GET
@ngsi_view()
def entity_count(request, api: ApiRequest):
    query = params.entity_query(api.query, require_filter=False)
    count, _ = selectors.entities_query(tenant=api.tenant, ctx=api.ctx, **{**query, "limit": 0, "offset": 0})
    return plain_json({"type": api.query.get("type"), "totalCount": count})


@require_POST
@ngsi_view(batch=True)
def ingest_upsert(request, api: ApiRequest):
    """``POST /datahub/entityOperations/upsert``: the Ingest Interface body, or a plain NGSI-LD batch array."""
    if isinstance(api.body, list):
        return batch.upsert_answer(api)
    replace = "update" not in params.options(api.query)
    ctx = api.ctx
    if not ctx.urls and isinstance(api.body, dict) and isinstance(api.body.get("datasetId"), str):
        model = Dataset.objects.filter(tenant=api.tenant, dataset_id=api.body["datasetId"]).first()
        if model and model.data_model.document.get("context"):
            ctx = ldcontext.resolve(model.data_model.document["context"])
    result = registries.ingest_upsert(tenant=api.tenant, body=api.body, ctx=ctx, replace=replace)
    return plain_json(result, status=207 if result["errors"] else 200)


def _document(obj) -> dict:
    from ..ngsi import format_time

    return {**obj.document, "createdAt": format_time(obj.created_at), "modifiedAt": format_time(obj.modified_at)}


@require_http_methods(["GET", "POST"])
@ngsi_view()
def datamodels(request, api: ApiRequest):
    if request.method == "POST":
        model = registries.datamodel_create(tenant=api.tenant, document=api.body)
        return empty(201, {"Location": api.url("datamodels", model.model_id)})
    qs = DataModel.objects.filter(tenant=api.tenant).order_by("model_id")
    if api.query.get("type"):
        qs = qs.filter(type=api.query["type"])
    return plain_json([_document(m) for m in qs])


@require_http_methods(["GET", "PUT", "DELETE"])
@ngsi_view()
def datamodel(request, api: ApiRequest, model_id: str):
    if request.method == "DELETE":
        registries.datamodel_delete(tenant=api.tenant, model_id=model_id)
        return empty()
    if request.method == "PUT":
        registries.datamodel_update(tenant=api.tenant, model_id=model_id, document=api.body)
        return empty()
    return plain_json(_document(registries.datamodel_get(tenant=api.tenant, model_id=model_id)))


@require_http_methods(["GET", "POST"])
@ngsi_view()
def datasets(request, api: ApiRequest):
    if request.method == "POST":
        dataset = registries.dataset_create(tenant=api.tenant, document=api.body)
        return empty(201, {"Location": api.url("datasets", dataset.dataset_id)})
    qs = Dataset.objects.filter(tenant=api.tenant).order_by("dataset_id")
    if api.query.get("dataModelId"):
        qs = qs.filter(data_model__model_id=api.query["dataModelId"])
    return plain_json([_document(d) for d in qs])


@require_http_methods(["GET", "PUT", "DELETE"])
@ngsi_view()
def dataset(request, api: ApiRequest, dataset_id: str):
    if request.method == "DELETE":
        registries.dataset_delete(tenant=api.tenant, dataset_id=dataset_id)
        return empty()
    if request.method == "PUT":
        registries.dataset_update(tenant=api.tenant, dataset_id=dataset_id, document=api.body)
        return empty()
    return plain_json(_document(registries.dataset_get(tenant=api.tenant, dataset_id=dataset_id)))
