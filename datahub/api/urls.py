"""NGSI-LD API routes. Included under ``/ngsi-ld/v1/`` and, for City Data Hub clients, under ``/datahub/``.

A trailing slash is accepted on every path (some clients, e.g. ngsildclient, send ``/entities/``).
"""

from django.urls import re_path

from . import batch, entities, registrations, subscriptions, temporal, types

ID = r"(?P<%s>[^/]+)"


def route(pattern: str, view, name: str):
    return re_path(rf"^{pattern}/?$", view, name=name)


urlpatterns = [
    route("entities", entities.entities, "entities"),
    route(r"entities/" + ID % "entity_id", entities.entity, "entity"),
    route(r"entities/" + ID % "entity_id" + "/attrs", entities.entity_attrs, "entity_attrs"),
    route(r"entities/" + ID % "entity_id" + "/attrs/" + ID % "attr", entities.entity_attr, "entity_attr"),
    route("entityOperations/create", batch.batch_create, "batch_create"),
    route("entityOperations/upsert", batch.batch_upsert, "batch_upsert"),
    route("entityOperations/update", batch.batch_update, "batch_update"),
    route("entityOperations/merge", batch.batch_merge, "batch_merge"),
    route("entityOperations/delete", batch.batch_delete, "batch_delete"),
    route("entityOperations/query", batch.batch_query, "batch_query"),
    route("temporal/entities", temporal.temporal_entities, "temporal_entities"),
    route("temporal/entities/" + ID % "entity_id", temporal.temporal_entity, "temporal_entity"),
    route("temporal/entities/" + ID % "entity_id" + "/attrs", temporal.temporal_entity_attrs, "temporal_entity_attrs"),
    route(
        "temporal/entities/" + ID % "entity_id" + "/attrs/" + ID % "attr",
        temporal.temporal_entity_attr,
        "temporal_entity_attr",
    ),
    route("temporal/entityOperations/query", temporal.temporal_query, "temporal_query"),
    route("subscriptions", subscriptions.subscriptions, "subscriptions"),
    route("subscriptions/" + ID % "subscription_id", subscriptions.subscription, "subscription"),
    route(
        "subscriptions/" + ID % "subscription_id" + "/deliveries",
        subscriptions.subscription_deliveries,
        "subscription_deliveries",
    ),
    route("csourceRegistrations", registrations.csource_registrations, "csource_registrations"),
    route(
        "csourceRegistrations/" + ID % "registration_id",
        registrations.csource_registration,
        "csource_registration",
    ),
    route("types", types.types, "types"),
    route("types/" + ID % "type_name", types.type_detail, "type"),
    route("attributes", types.attributes, "attributes"),
    route("attributes/" + ID % "attr", types.attribute_detail, "attribute"),
]
