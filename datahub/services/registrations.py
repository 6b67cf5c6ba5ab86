"""NGSI-LD context source registrations: create, read, update, delete (ETSI GS CIM 009 §5.9, data type
CSourceRegistration §5.2.9).

A registration belongs to the tenant it was created in; like subscriptions, it is visible only to the
organization of the API key that created it. Registrations are kept and answered as registered; queries are
not forwarded to the registered sources.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import ngsi
from ..errors import AlreadyExists, BadRequestData, ResourceNotFound
from ..models import ApiKey, ContextSourceRegistration

TYPE = "ContextSourceRegistration"
ALLOWED_KEYS = {
    "id",
    "type",
    "registrationName",
    "description",
    "information",
    "tenant",
    "observationInterval",
    "managementInterval",
    "location",
    "observationSpace",
    "operationSpace",
    "expiresAt",
    "endpoint",
    "contextSourceInfo",
    "scope",
    "mode",
    "operations",
    "refreshRate",
    "management",
    "@context",
}
READ_ONLY_KEYS = {"createdAt", "modifiedAt", "status"}
MODES = {"inclusive", "exclusive", "redirect", "auxiliary"}


def _check_names(value, member: str) -> None:
    if not isinstance(value, list) or not value or not all(isinstance(name, str) for name in value):
        raise BadRequestData(f"{member} must be a non-empty array of attribute names")
    for name in value:
        ngsi.check_name(name)


def _check_interval(value, member: str) -> None:
    if not isinstance(value, dict) or "startAt" not in value:
        raise BadRequestData(f"{member} must be an object with startAt (and optionally endAt)")
    start = ngsi.parse_time(value["startAt"], f"{member}.startAt")
    if value.get("endAt") is not None and ngsi.parse_time(value["endAt"], f"{member}.endAt") < start:
        raise BadRequestData(f"{member}.endAt is before {member}.startAt")


def _check(document: dict) -> dict:
    if document.get("type") != TYPE:
        raise BadRequestData(f'A registration must have "type": "{TYPE}"')
    unknown = set(document) - ALLOWED_KEYS - READ_ONLY_KEYS
    if unknown:
        raise BadRequestData(f"Unknown registration members: {', '.join(sorted(unknown))}")
    information = document.get("information")
    if not isinstance(information, list) or not information:
        raise BadRequestData("information must be a non-empty array of {entities?, propertyNames?, relationshipNames?}")
    for item in information:
        if not isinstance(item, dict) or not ({"entities", "propertyNames", "relationshipNames"} & set(item)):
            raise BadRequestData("every item of information needs entities, propertyNames or relationshipNames")
        if "entities" in item:
            entities = item["entities"]
            if not isinstance(entities, list) or not entities:
                raise BadRequestData("information.entities must be a non-empty array of {type, id?, idPattern?}")
            for selector in entities:
                types = selector.get("type") if isinstance(selector, dict) else None
                names = types if isinstance(types, list) else [types]
                if not names or not all(isinstance(name, str) and name for name in names):
                    raise BadRequestData("every item of information.entities needs a type (a name or a list of names)")
                if selector.get("id") is not None:
                    ngsi.check_entity_id(selector["id"])
        for member in ("propertyNames", "relationshipNames"):
            if member in item:
                _check_names(item[member], f"information.{member}")
    endpoint = document.get("endpoint")
    parts = urlsplit(endpoint) if isinstance(endpoint, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadRequestData("endpoint is required: the http(s):// URL of the context source")
    for member in ("observationInterval", "managementInterval"):
        if document.get(member) is not None:
            _check_interval(document[member], member)
    if document.get("mode") is not None and document["mode"] not in MODES:
        raise BadRequestData(f"mode must be one of {', '.join(sorted(MODES))}")
    if document.get("operations") is not None and (
        not isinstance(document["operations"], list) or not all(isinstance(o, str) for o in document["operations"])
    ):
        raise BadRequestData("operations must be an array of operation names")
    for member in ("location", "observationSpace", "operationSpace"):
        if document.get(member) is not None:
            ngsi.check_geometry(document[member], member)
    if document.get("expiresAt") is not None:
        ngsi.parse_time(document["expiresAt"], "expiresAt")
    return document


def _apply(registration: ContextSourceRegistration, document: dict) -> None:
    registration.document = {k: v for k, v in document.items() if k not in READ_ONLY_KEYS and k != "@context"}
    registration.expires_at = ngsi.parse_time(document["expiresAt"], "expiresAt") if document.get("expiresAt") else None
    registration.modified_at = timezone.now()


@transaction.atomic
def csource_registration_create(*, tenant: str, key: ApiKey, document, context) -> ContextSourceRegistration:
    if not isinstance(document, dict):
        raise BadRequestData("A registration must be a JSON object")
    document = dict(document)
    document.setdefault("id", f"urn:ngsi-ld:ContextSourceRegistration:{uuid.uuid4()}")
    ngsi.check_entity_id(document["id"])
    _check(document)
    registration = ContextSourceRegistration(
        tenant=tenant, registration_id=document["id"], api_key=key, context=context
    )
    _apply(registration, document)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        raise AlreadyExists(f"Registration {document['id']} already exists") from None
    return registration


def csource_registrations_visible(*, tenant: str, key: ApiKey, entity_type: str | None = None):
    registrations = ContextSourceRegistration.objects.filter(
        tenant=tenant, api_key__organization_id=key.organization_id
    ).order_by("created_at", "pk")
    if entity_type is None:
        return list(registrations)
    wanted = set(entity_type.split(","))

    def provides(registration) -> bool:
        for item in registration.document.get("information", []):
            for selector in item.get("entities", []):
                types = selector.get("type")
                if wanted & set(types if isinstance(types, list) else [types]):
                    return True
        return False

    return [registration for registration in registrations if provides(registration)]


def csource_registration_get(*, tenant: str, key: ApiKey, registration_id: str) -> ContextSourceRegistration:
    ngsi.check_entity_id(registration_id)
    registration = ContextSourceRegistration.objects.filter(
        tenant=tenant, api_key__organization_id=key.organization_id, registration_id=registration_id
    ).first()
    if registration is None:
        raise ResourceNotFound(f"Registration {registration_id} does not exist")
    return registration


@transaction.atomic
def csource_registration_update(
    *, tenant: str, key: ApiKey, registration_id: str, patch, context
) -> ContextSourceRegistration:
    registration = csource_registration_get(tenant=tenant, key=key, registration_id=registration_id)
    if not isinstance(patch, dict) or not patch:
        raise BadRequestData("The body must be a JSON object with the members to change")
    if patch.get("id") not in (None, registration_id):
        raise BadRequestData("The id of a registration cannot change")
    document = {**registration.document, **{k: v for k, v in patch.items() if k != "@context"}}
    _check(document)
    _apply(registration, document)
    if context is not None:
        registration.context = context
    registration.save()
    return registration


@transaction.atomic
def csource_registration_delete(*, tenant: str, key: ApiKey, registration_id: str) -> None:
    csource_registration_get(tenant=tenant, key=key, registration_id=registration_id).delete()
