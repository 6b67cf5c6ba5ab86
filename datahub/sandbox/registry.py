"""The sandbox datasets in the hub's City Data Hub registries (``/datahub/datamodels`` and ``/datahub/datasets``).

Each catalogue dataset becomes a Data Manager data model, built from the Smart Data Models metadata and the
attributes the generated entities really carry (attribute type, value type, observedAt, unit code, enums),
and a dataset document with the catalogue's name, description, licence and update interval. A startup thus
sees the same datasets through the KETI interface as on the catalogue pages.
"""

from django.utils import translation

from datahub import ldcontext
from datahub.errors import ResourceNotFound
from datahub.services import registries

from .datasets import DATASETS, LICENCE, Dataset


def dataset_id(dataset: Dataset, city: str = "gwacheon") -> str:
    return f"sandbox-{city}-{dataset.slug}"


def datamodel_id(dataset: Dataset) -> str:
    return f"urn:datahub:datamodel:{dataset.entity_type}:{dataset.model['version']}"


def _value_type(value, spec: dict) -> str:
    if spec.get("format") == "date-time":
        return "Date"
    if isinstance(value, list):
        return "Array" + (_value_type(value[0], {}) if value else "String")
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int | float):
        return "Double"  # the models' "number"; integers are valid Doubles
    if isinstance(value, dict):
        return "Object"
    return "String"


def datamodel_document(dataset: Dataset, sample: dict) -> dict:
    """A City Data Hub data model for the dataset's entities, from one generated entity."""
    model = dataset.model
    attributes = []
    for name, attribute in sample.items():
        if name in ("id", "type"):
            continue
        spec = model["attributes"][name]
        instance = attribute[0] if isinstance(attribute, list) else attribute
        described = {"name": name, "attributeType": spec["ngsi"], "isRequired": name in model["required"]}
        if spec["ngsi"] == "Property":
            described["valueType"] = _value_type(instance["value"], spec)
        elif spec["ngsi"] == "GeoProperty":
            described["valueType"] = "GeoJson"
        if isinstance(attribute, list):
            described["hasObservedAt"] = True
        if "unitCode" in instance:
            described["hasUnitCode"] = True
        if spec["enum"] and spec["type"] == "string":
            described["valueEnum"] = spec["enum"]
        attributes.append(described)
    return {
        "id": datamodel_id(dataset),
        "type": dataset.entity_type,
        "name": str(dataset.title),
        "description": model["description"],
        "context": [ldcontext.SDM_CONTEXT_URL, ldcontext.CORE_CONTEXT_URL],
        "attributes": attributes,
    }


def dataset_document(dataset: Dataset, city: str = "gwacheon") -> dict:
    return {
        "id": dataset_id(dataset, city),
        "name": str(dataset.title),
        "description": str(dataset.description),
        "updateInterval": str(dataset.update_frequency),
        "category": str(dataset.domain),
        "providerOrganization": str(dataset.provider),
        "providerSystem": "스마트도시 오픈랩 샌드박스",
        "isProcessed": "원천데이터",
        "ownership": "과천시",
        "keyword": [dataset.entity_type, str(dataset.domain), "과천시", "샌드박스"],
        "license": str(LICENCE),
        "targetRegions": ["경기도 과천시"],
        "dataModelId": datamodel_id(dataset),
        "enabled": True,
    }


def register_datasets(*, tenant: str, samples: dict[str, dict], city: str = "gwacheon") -> int:
    """Create or update the data model and dataset of every catalogue dataset with a sample entity."""
    registered = 0
    with translation.override("ko"):
        for dataset in DATASETS:
            sample = samples.get(dataset.entity_type)
            if sample is None:
                continue
            model = datamodel_document(dataset, sample)
            document = dataset_document(dataset, city)
            try:
                registries.datamodel_get(tenant=tenant, model_id=model["id"])
            except ResourceNotFound:
                registries.datamodel_create(tenant=tenant, document=model)
            else:
                registries.datamodel_update(tenant=tenant, model_id=model["id"], document=model)
            try:
                registries.dataset_get(tenant=tenant, dataset_id=document["id"])
            except ResourceNotFound:
                registries.dataset_create(tenant=tenant, document=document)
            else:
                registries.dataset_update(tenant=tenant, dataset_id=document["id"], document=document)
            registered += 1
    return registered
