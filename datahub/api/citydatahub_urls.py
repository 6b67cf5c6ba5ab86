"""Routes under ``/datahub/``: City Data Hub extras first, then every NGSI-LD broker path without prefix."""

from django.urls import include, path

from . import citydatahub
from .urls import ID, route

urlpatterns = [
    route("entitycount", citydatahub.entity_count, "entitycount"),
    route("entityOperations/upsert", citydatahub.ingest_upsert, "ingest_upsert"),
    route("datamodels", citydatahub.datamodels, "datamodels"),
    route("datamodels/" + ID % "model_id", citydatahub.datamodel, "datamodel"),
    route("datasets", citydatahub.datasets, "datasets"),
    route("datasets/" + ID % "dataset_id", citydatahub.dataset, "dataset"),
    path("", include("datahub.api.urls")),
]
