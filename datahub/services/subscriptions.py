"""NGSI-LD subscriptions: create, update, delete (ETSI GS CIM 009 §5.8).

A subscription belongs to the tenant it was created in and to the organization of the API key that created it;
other organizations do not see it, even on the shared sandbox tenant.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import ngsi, query
from ..errors import AlreadyExists, BadRequestData, ResourceNotFound
from ..models import ApiKey, Subscription, SubscriptionStatus

ALLOWED_KEYS = {
    "id",
    "type",
    "subscriptionName",
    "name",
    "description",
    "entities",
    "watchedAttributes",
    "notificationTrigger",
    "timeInterval",
    "q",
    "geoQ",
    "csf",
    "isActive",
    "notification",
    "expiresAt",
    "throttling",
    "lang",
    "scopeQ",
    "@context",
}
READ_ONLY_KEYS = {"status", "createdAt", "modifiedAt"}


def _check(document: dict) -> dict:
    if document.get("type") != "Subscription":
        raise BadRequestData('A subscription must have "type": "Subscription"')
    unknown = set(document) - ALLOWED_KEYS - READ_ONLY_KEYS
    if unknown:
        raise BadRequestData(f"Unknown subscription members: {', '.join(sorted(unknown))}")
    entities = document.get("entities")
    watched = document.get("watchedAttributes")
    if entities is not None:
        if not isinstance(entities, list) or not entities:
            raise BadRequestData("entities must be a non-empty array of {type, id?, idPattern?}")
        for selector in entities:
            if not isinstance(selector, dict) or not isinstance(selector.get("type"), str):
                raise BadRequestData("every item of entities needs a type")
            if selector.get("id") is not None:
                ngsi.check_entity_id(selector["id"])
    if watched is not None:
        if not isinstance(watched, list) or not watched or not all(isinstance(w, str) for w in watched):
            raise BadRequestData("watchedAttributes must be a non-empty array of attribute names")
        for name in watched:
            ngsi.check_name(name)
    if not entities and not watched:
        raise BadRequestData("A subscription needs entities or watchedAttributes")
    if document.get("timeInterval") is not None:
        raise BadRequestData("Periodic subscriptions (timeInterval) are not supported; use watchedAttributes")
    if document.get("q") is not None:
        if not isinstance(document["q"], str):
            raise BadRequestData("q must be a string")
        query.parse_q(document["q"])
    geo = document.get("geoQ")
    if geo is not None:
        if not isinstance(geo, dict):
            raise BadRequestData("geoQ must be an object")
        coords = geo.get("coordinates")
        query.parse_geoquery(
            geo.get("georel"),
            geo.get("geometry"),
            coords if isinstance(coords, str) else json.dumps(coords),
            geo.get("geoproperty"),
        )
    notification = document.get("notification")
    if not isinstance(notification, dict):
        raise BadRequestData("A subscription needs a notification object with an endpoint")
    endpoint = notification.get("endpoint")
    if not isinstance(endpoint, dict) or not isinstance(endpoint.get("uri"), str):
        raise BadRequestData("notification.endpoint.uri is required")
    parts = urlsplit(endpoint["uri"])
    if parts.scheme not in ("http", "https", "mqtt", "mqtts") or not parts.hostname:
        raise BadRequestData("notification.endpoint.uri must be an http(s):// or mqtt(s):// URL")
    if parts.scheme.startswith("mqtt") and not parts.path.strip("/"):
        raise BadRequestData("An MQTT endpoint needs a topic: mqtt://host:1883/topic")
    if endpoint.get("accept") not in (None, "application/json", "application/ld+json"):
        raise BadRequestData("notification.endpoint.accept must be application/json or application/ld+json")
    if notification.get("format") not in (None, "normalized", "keyValues", "simplified", "concise"):
        raise BadRequestData("notification.format must be normalized or keyValues")
    attributes = notification.get("attributes")
    if attributes is not None and (not isinstance(attributes, list) or not all(isinstance(a, str) for a in attributes)):
        raise BadRequestData("notification.attributes must be an array of attribute names")
    throttling = document.get("throttling")
    if throttling is not None and (not isinstance(throttling, int) or isinstance(throttling, bool) or throttling < 0):
        raise BadRequestData("throttling must be a non-negative number of seconds")
    if document.get("isActive") is not None and not isinstance(document["isActive"], bool):
        raise BadRequestData("isActive must be true or false")
    if document.get("expiresAt") is not None:
        ngsi.parse_time(document["expiresAt"], "expiresAt")
    return document


def _apply(sub: Subscription, document: dict) -> None:
    sub.document = {k: v for k, v in document.items() if k not in READ_ONLY_KEYS and k != "@context"}
    sub.is_active = document.get("isActive", True)
    sub.throttling = document.get("throttling") or 0
    sub.expires_at = ngsi.parse_time(document["expiresAt"], "expiresAt") if document.get("expiresAt") else None
    now = timezone.now()
    if sub.expires_at and sub.expires_at <= now:
        sub.status = SubscriptionStatus.EXPIRED
    elif not sub.is_active:
        sub.status = SubscriptionStatus.PAUSED
    elif sub.status in (SubscriptionStatus.PAUSED, SubscriptionStatus.EXPIRED):
        sub.status = SubscriptionStatus.ACTIVE
    sub.modified_at = now


@transaction.atomic
def subscription_create(*, tenant: str, key: ApiKey, document, context) -> Subscription:
    if not isinstance(document, dict):
        raise BadRequestData("A subscription must be a JSON object")
    document = dict(document)
    document.setdefault("id", f"urn:ngsi-ld:Subscription:{uuid.uuid4()}")
    ngsi.check_entity_id(document["id"])
    _check(document)
    if Subscription.objects.filter(tenant=tenant, subscription_id=document["id"]).exists():
        raise AlreadyExists(f"Subscription {document['id']} already exists")
    sub = Subscription(tenant=tenant, subscription_id=document["id"], api_key=key, context=context)
    _apply(sub, document)
    try:
        with transaction.atomic():
            sub.save()
    except IntegrityError:
        raise AlreadyExists(f"Subscription {document['id']} already exists") from None
    return sub


def subscriptions_visible(*, tenant: str, key: ApiKey):
    return Subscription.objects.filter(tenant=tenant, api_key__organization_id=key.organization_id).order_by(
        "created_at", "pk"
    )


def subscription_get(*, tenant: str, key: ApiKey, subscription_id: str) -> Subscription:
    ngsi.check_entity_id(subscription_id)
    sub = subscriptions_visible(tenant=tenant, key=key).filter(subscription_id=subscription_id).first()
    if sub is None:
        raise ResourceNotFound(f"Subscription {subscription_id} does not exist")
    return sub


@transaction.atomic
def subscription_update(*, tenant: str, key: ApiKey, subscription_id: str, patch, context) -> Subscription:
    sub = subscription_get(tenant=tenant, key=key, subscription_id=subscription_id)
    if not isinstance(patch, dict) or not patch:
        raise BadRequestData("The body must be a JSON object with the members to change")
    if patch.get("id") not in (None, subscription_id):
        raise BadRequestData("The id of a subscription cannot change")
    document = {**sub.document, **{k: v for k, v in patch.items() if k != "@context"}}
    if isinstance(patch.get("notification"), dict):
        document["notification"] = {**sub.document.get("notification", {}), **patch["notification"]}
    _check(document)
    _apply(sub, document)
    if context is not None:
        sub.context = context
    sub.save()
    return sub


@transaction.atomic
def subscription_delete(*, tenant: str, key: ApiKey, subscription_id: str) -> None:
    subscription_get(tenant=tenant, key=key, subscription_id=subscription_id).delete()
