"""Routes under ``/datahub/``: City Data Hub extras first, then every NGSI-LD broker path without prefix."""

from django.urls import include, path

from . import citydatahub

urlpatterns = [
    path("entitycount", citydatahub.entity_count, name="entitycount"),
    path("entityOperations/upsert", citydatahub.ingest_upsert, name="ingest_upsert"),
    path("datamodels", citydatahub.datamodels, name="datamodels"),
    path("datamodels/<str:model_id>", citydatahub.datamodel, name="datamodel"),
    path("datasets", citydatahub.datasets, name="datasets"),
    path("datasets/<str:dataset_id>", citydatahub.dataset, name="dataset"),
    path("", include("datahub.api.urls")),
]
