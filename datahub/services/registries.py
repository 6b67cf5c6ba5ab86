"""City Data Hub registries (data models and datasets) and the Ingest Interface upsert.

Registries live per tenant like entities: the sandbox tenant's are read-only, an organization manages its own.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .. import datamodels, ngsi
from ..errors import AlreadyExists, BadRequestData, NgsiLdError, OperationNotSupported, ResourceNotFound
from ..ldcontext import Context
from ..models import DataModel, Dataset
from . import entities as entity_services

DATASET_FIELDS = {
    "id",
    "name",
    "description",
    "updateInterval",
    "category",
    "providerOrganization",
    "providerSystem",
    "isProcessed",
    "ownership",
    "keyword",
    "license",
    "providingApiUri",
    "restrictions",
    "datasetItems",
    "targetRegions",
    "sourceDatasetIds",
    "qualityCheckEnabled",
    "dataIdentifierType",
    "dataModelId",
    "enabled",
    "storageRetention",
}


@transaction.atomic
def datamodel_create(*, tenant: str, document) -> DataModel:
    datamodels.check_datamodel(document)
    if DataModel.objects.filter(tenant=tenant, model_id=document["id"]).exists():
        raise AlreadyExists(f"Data model {document['id']} already exists")
    return DataModel.objects.create(tenant=tenant, model_id=document["id"], type=document["type"], document=document)


def datamodel_get(*, tenant: str, model_id: str) -> DataModel:
    model = DataModel.objects.filter(tenant=tenant, model_id=model_id).first()
    if model is None:
        raise ResourceNotFound(f"Data model {model_id} does not exist")
    return model


@transaction.atomic
def datamodel_update(*, tenant: str, model_id: str, document) -> DataModel:
    model = datamodel_get(tenant=tenant, model_id=model_id)
    if not isinstance(document, dict):
        raise BadRequestData("A data model must be a JSON object")
    document = {**document, "id": model_id}
    datamodels.check_datamodel(document)
    model.type, model.document, model.modified_at = document["type"], document, timezone.now()
    model.save()
    return model


@transaction.atomic
def datamodel_delete(*, tenant: str, model_id: str) -> None:
    model = datamodel_get(tenant=tenant, model_id=model_id)
    if model.datasets.exists():
        raise OperationNotSupported(f"Data model {model_id} is used by datasets; delete them first")
    model.delete()


def _check_dataset(tenant: str, document) -> DataModel:
    if not isinstance(document, dict):
        raise BadRequestData("A dataset must be a JSON object")
    unknown = set(document) - DATASET_FIELDS - {"createdAt", "modifiedAt"}
    if unknown:
        raise BadRequestData(f"Unknown dataset members: {', '.join(sorted(unknown))}")
    for key in ("id", "name", "dataModelId"):
        if not isinstance(document.get(key), str) or not document[key].strip():
            raise BadRequestData(f"A dataset needs {key}")
    model = DataModel.objects.filter(tenant=tenant, model_id=document["dataModelId"]).first()
    if model is None:
        raise BadRequestData(f"Data model {document['dataModelId']} does not exist; register it at /datamodels first")
    return model


@transaction.atomic
def dataset_create(*, tenant: str, document) -> Dataset:
    model = _check_dataset(tenant, document)
    if Dataset.objects.filter(tenant=tenant, dataset_id=document["id"]).exists():
        raise AlreadyExists(f"Dataset {document['id']} already exists")
    return Dataset.objects.create(tenant=tenant, dataset_id=document["id"], data_model=model, document=document)


def dataset_get(*, tenant: str, dataset_id: str) -> Dataset:
    dataset = Dataset.objects.select_related("data_model").filter(tenant=tenant, dataset_id=dataset_id).first()
    if dataset is None:
        raise ResourceNotFound(f"Dataset {dataset_id} does not exist")
    return dataset


@transaction.atomic
def dataset_update(*, tenant: str, dataset_id: str, document) -> Dataset:
    dataset = dataset_get(tenant=tenant, dataset_id=dataset_id)
    document = {**(document if isinstance(document, dict) else {}), "id": dataset_id}
    dataset.data_model = _check_dataset(tenant, document)
    dataset.document, dataset.modified_at = document, timezone.now()
    dataset.save()
    return dataset


@transaction.atomic
def dataset_delete(*, tenant: str, dataset_id: str) -> None:
    dataset_get(tenant=tenant, dataset_id=dataset_id).delete()


def ingest_upsert(*, tenant: str, body, ctx: Context, replace: bool) -> dict:
    """The Ingest Interface: ``{"datasetId", "entities": [...]}`` → ``{"success": [ids], "errors": [{"entityId",
    "error"}]}``. Each entity is validated against the dataset's data model, then upserted on its own."""
    if not isinstance(body, dict) or not isinstance(body.get("entities"), list):
        raise BadRequestData('The body must be {"datasetId": "...", "entities": [...]}')
    if not isinstance(body.get("datasetId"), str):
        raise BadRequestData("datasetId is required")
    dataset = dataset_get(tenant=tenant, dataset_id=body["datasetId"])
    model = dataset.data_model.document
    success, errors, seen = [], [], set()
    for entity in body["entities"]:
        entity_id = entity.get("id") if isinstance(entity, dict) else None
        reasons = datamodels.entity_errors(entity, model)
        if entity_id in seen:
            reasons.insert(0, "appears more than once in this request")
        if not ngsi.is_uri(entity_id):
            reasons.insert(0, f"id {entity_id!r} is not a URI")
        if reasons:
            errors.append({"entityId": entity_id if isinstance(entity_id, str) else "", "error": "; ".join(reasons)})
            continue
        seen.add(entity_id)
        try:
            entity_services.entity_upsert(tenant=tenant, payload=entity, ctx=ctx, replace=replace)
        except NgsiLdError as error:
            errors.append({"entityId": entity_id, "error": datamodels.problem_text(error)})
            continue
        success.append(entity_id)
    return {"success": success, "errors": errors}
