"""NGSI-LD API routes. Included under ``/ngsi-ld/v1/`` and, for City Data Hub clients, under ``/datahub/``."""

from django.urls import path

from . import batch, entities, subscriptions, temporal, types

urlpatterns = [
    path("entities", entities.entities, name="entities"),
    path("entities/<str:entity_id>", entities.entity, name="entity"),
    path("entities/<str:entity_id>/attrs", entities.entity_attrs, name="entity_attrs"),
    path("entities/<str:entity_id>/attrs/<str:attr>", entities.entity_attr, name="entity_attr"),
    path("entityOperations/create", batch.batch_create, name="batch_create"),
    path("entityOperations/upsert", batch.batch_upsert, name="batch_upsert"),
    path("entityOperations/update", batch.batch_update, name="batch_update"),
    path("entityOperations/merge", batch.batch_merge, name="batch_merge"),
    path("entityOperations/delete", batch.batch_delete, name="batch_delete"),
    path("entityOperations/query", batch.batch_query, name="batch_query"),
    path("temporal/entities", temporal.temporal_entities, name="temporal_entities"),
    path("temporal/entities/<str:entity_id>", temporal.temporal_entity, name="temporal_entity"),
    path("temporal/entities/<str:entity_id>/attrs", temporal.temporal_entity_attrs, name="temporal_entity_attrs"),
    path(
        "temporal/entities/<str:entity_id>/attrs/<str:attr>",
        temporal.temporal_entity_attr,
        name="temporal_entity_attr",
    ),
    path("temporal/entityOperations/query", temporal.temporal_query, name="temporal_query"),
    path("subscriptions", subscriptions.subscriptions, name="subscriptions"),
    path("subscriptions/<str:subscription_id>", subscriptions.subscription, name="subscription"),
    path(
        "subscriptions/<str:subscription_id>/deliveries",
        subscriptions.subscription_deliveries,
        name="subscription_deliveries",
    ),
    path("types", types.types, name="types"),
    path("types/<str:type_name>", types.type_detail, name="type"),
    path("attributes", types.attributes, name="attributes"),
    path("attributes/<str:attr>", types.attribute_detail, name="attribute"),
]
