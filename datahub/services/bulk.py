"""Batch writes in bulk: one SELECT, one INSERT, one UPDATE and one history COPY per batch.

Entities are validated one by one first (an invalid one is reported and skipped, ETSI batch semantics); the
valid ones are then written together. Should the bulk write hit a conflict (another request created one of
the ids meanwhile), the batch falls back to writing entity by entity, each atomically.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .. import ngsi
from ..errors import AlreadyExists, BadRequestData, NgsiLdError
from ..ldcontext import Context
from ..models import Entity, Subscription
from . import entities as single

CREATE, REPLACE, UPDATE = "create", "replace", "update"


def _parse(payloads: list, ctx: Context, now: str):
    parsed, errors, seen = [], [], set()
    for payload in payloads:
        entity_id = payload.get("id") if isinstance(payload, dict) else None
        try:
            if not isinstance(entity_id, str):
                raise BadRequestData("Entity id is missing")
            if entity_id in seen:
                raise BadRequestData(f"Entity {entity_id} appears more than once in the batch")
            seen.add(entity_id)
            parsed.append((payload, *ngsi.expand_entity(payload, ctx, now=now)))
        except NgsiLdError as error:
            errors.append((entity_id if isinstance(entity_id, str) else "", error))
    return parsed, errors


def _one_by_one(tenant: str, parsed, ctx: Context, mode: str):
    success, errors = [], []
    for payload, entity_id, _type, _attrs in parsed:
        try:
            if mode == CREATE:
                single.entity_create(tenant=tenant, payload=payload, ctx=ctx)
                created = True
            else:
                created = single.entity_upsert(tenant=tenant, payload=payload, ctx=ctx, replace=mode == REPLACE)
        except NgsiLdError as error:
            errors.append((entity_id, error))
            continue
        success.append((entity_id, created))
    return success, errors


def entities_write(*, tenant: str, payloads: list, ctx: Context, mode: str):
    """Create (``create``) or upsert (``replace`` / ``update``) many entities.

    Returns ``(success, errors)``: ``[(id, created?)]`` in input order and ``[(id, NgsiLdError)]``.
    """
    moment, now = single._now()
    parsed, errors = _parse(payloads, ctx, now)
    try:
        with transaction.atomic():
            success, more = _bulk(tenant, parsed, ctx, mode, moment)
    except IntegrityError:
        success, more = _one_by_one(tenant, parsed, ctx, mode)
    return success, errors + more


def _bulk(tenant: str, parsed, ctx: Context, mode: str, moment):
    ids = [p[1] for p in parsed]
    existing = {e.entity_id: e for e in Entity.objects.select_for_update().filter(tenant=tenant, entity_id__in=ids)}
    success, errors, to_create, to_update, changed_by_entity = [], [], [], [], []
    for _payload, entity_id, type_iri, attributes in parsed:
        entity = existing.get(entity_id)
        if entity is None:
            entity = Entity(tenant=tenant, entity_id=entity_id, type=type_iri, data=attributes, created_at=moment)
            to_create.append(entity)
            created = True
        elif mode == CREATE:
            errors.append((entity_id, AlreadyExists(f"Entity {entity_id} already exists")))
            continue
        else:
            if mode == REPLACE:
                entity.data = {
                    iri: single._keep_created(entity.data.get(iri), inst) for iri, inst in attributes.items()
                }
            else:
                for iri, instances in attributes.items():
                    entity.data[iri] = single._merge_instances(entity.data.get(iri, []), instances)
            entity.type = type_iri
            to_update.append(entity)
            created = False
        entity.modified_at = moment
        single._set_bbox(entity)
        changed_by_entity.append((entity, attributes, created))
        success.append((entity_id, created))
    Entity.objects.bulk_create(to_create)
    Entity.objects.bulk_update(
        to_update, ["type", "data", "modified_at", "min_lon", "min_lat", "max_lon", "max_lat", "extent"]
    )
    rows = []
    for entity, attributes, _created in changed_by_entity:
        for iri, instances in attributes.items():
            rows.extend(single._history_rows(tenant, entity.entity_id, entity.type, iri, instances, moment))
    single.history_insert(rows)
    if Subscription.objects.filter(tenant=tenant, is_active=True).exists():
        for entity, attributes, created in changed_by_entity:
            single._after_write(entity, list(attributes), created=created)
    return success, errors
