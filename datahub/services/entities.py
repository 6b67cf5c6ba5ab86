"""NGSI-LD entity writes: create, replace, merge, delete, and the attribute operations.

Every function works in one tenant, takes the request's resolved :class:`~datahub.ldcontext.Context`, is
atomic (an error leaves nothing half-written) and appends each attribute instance it writes to the history
table, so the temporal API sees every change. Subscriptions are notified after commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import IntegrityError, transaction

from .. import ldcontext, ngsi
from ..errors import AlreadyExists, BadRequestData, ResourceNotFound
from ..ldcontext import Context
from ..models import Entity
from .loading import _history_rows, history_insert

LOCATION = ldcontext.NGSI_LD + "location"
NGSI_LD_NULL = "urn:ngsi-ld:null"


@dataclass
class UpdateResult:
    """Outcome of an append/update: ``updated`` short names and ``not_updated`` [(name, reason)]."""

    updated: list[str] = field(default_factory=list)
    not_updated: list[tuple[str, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "updated": self.updated,
            "notUpdated": [{"attributeName": n, "reason": r} for n, r in self.not_updated],
        }


def _now() -> tuple[datetime, str]:
    moment = datetime.now(UTC)
    return moment, ngsi.format_time(moment)


def _set_bbox(entity: Entity) -> None:
    entity.set_bbox(ngsi.location_bbox(entity.data, LOCATION))


def _record(entity: Entity, changed: dict, moment: datetime) -> None:
    rows = []
    for iri, instances in changed.items():
        rows.extend(_history_rows(entity.tenant, entity.entity_id, entity.type, iri, instances, moment))
    history_insert(rows)


def _after_write(entity: Entity, changed: list[str], *, created: bool = False, deleted: bool = False) -> None:
    from ..subscriptions.matching import entity_changed

    entity_changed(entity, changed, created=created, deleted=deleted)


def _locked(tenant: str, entity_id: str) -> Entity:
    entity = Entity.objects.select_for_update().filter(tenant=tenant, entity_id=entity_id).first()
    if entity is None:
        raise ResourceNotFound(f"Entity {entity_id} does not exist")
    return entity


@transaction.atomic
def entity_create(*, tenant: str, payload: dict, ctx: Context) -> Entity:
    moment, now = _now()
    entity_id, type_iri, attributes = ngsi.expand_entity(payload, ctx, now=now)
    entity = Entity(tenant=tenant, entity_id=entity_id, type=type_iri, data=attributes, created_at=moment)
    entity.modified_at = moment
    _set_bbox(entity)
    try:
        entity.save(force_insert=True)
    except IntegrityError:
        # Leaving this atomic block with the error rolls its savepoint back.
        raise AlreadyExists(f"Entity {entity_id} already exists") from None
    _record(entity, attributes, moment)
    _after_write(entity, list(attributes), created=True)
    return entity


@transaction.atomic
def entity_delete(*, tenant: str, entity_id: str) -> None:
    entity = _locked(tenant, entity_id)
    _after_write(entity, list(entity.data), deleted=True)
    entity.delete()


def _keep_created(old: list[dict] | None, new: list[dict]) -> list[dict]:
    if not old:
        return new
    created = {i.get("datasetId"): i.get("createdAt") for i in old}
    for instance in new:
        if created.get(instance.get("datasetId")):
            instance["createdAt"] = created[instance.get("datasetId")]
    return new


def _merge_instances(old: list[dict], new: list[dict]) -> list[dict]:
    """Replace the instances with the same datasetId, keep the others."""
    by_dataset = {i.get("datasetId"): i for i in old}
    for instance in _keep_created(old, new):
        by_dataset[instance.get("datasetId")] = instance
    return sorted(by_dataset.values(), key=lambda i: i.get("datasetId") is not None)


def _save(entity: Entity, changed: dict, moment: datetime, names: list[str] | None = None) -> None:
    entity.modified_at = moment
    _set_bbox(entity)
    entity.save(update_fields=["data", "type", "modified_at", "min_lon", "min_lat", "max_lon", "max_lat", "extent"])
    _record(entity, changed, moment)
    _after_write(entity, names if names is not None else list(changed))


@transaction.atomic
def attrs_append(*, tenant: str, entity_id: str, payload, ctx: Context, no_overwrite: bool = False) -> UpdateResult:
    """POST /entities/{id}/attrs: add attributes, overwrite existing ones unless ``no_overwrite``."""
    entity = _locked(tenant, entity_id)
    moment, now = _now()
    fragment = ngsi.expand_fragment(payload, ctx, now=now)
    result, changed = UpdateResult(), {}
    for iri, instances in fragment.items():
        name = ctx.compact(iri)
        if no_overwrite and iri in entity.data:
            existing = {i.get("datasetId") for i in entity.data[iri]}
            fresh = [i for i in instances if i.get("datasetId") not in existing]
            if not fresh:
                result.not_updated.append((name, "attribute exists and options=noOverwrite"))
                continue
            instances = fresh
        entity.data[iri] = _merge_instances(entity.data.get(iri, []), instances)
        changed[iri] = instances
        result.updated.append(name)
    if changed:
        _save(entity, changed, moment)
    return result


@transaction.atomic
def attrs_update(*, tenant: str, entity_id: str, payload, ctx: Context) -> UpdateResult:
    """PATCH /entities/{id}/attrs: replace attributes that exist; others are reported as not updated."""
    entity = _locked(tenant, entity_id)
    moment, now = _now()
    fragment = ngsi.expand_fragment(payload, ctx, now=now)
    result, changed = UpdateResult(), {}
    for iri, instances in fragment.items():
        name = ctx.compact(iri)
        existing = {i.get("datasetId") for i in entity.data.get(iri, [])}
        matching = [i for i in instances if i.get("datasetId") in existing]
        if not matching:
            result.not_updated.append((name, "attribute does not exist"))
            continue
        entity.data[iri] = _merge_instances(entity.data[iri], matching)
        changed[iri] = matching
        result.updated.append(name)
    if changed:
        _save(entity, changed, moment)
    return result


def _patch_instance(old: dict, patch: dict, ctx: Context, now: str) -> dict:
    merged = dict(old)
    for key, value in patch.items():
        if key in ("@context",):
            continue
        if key in ldcontext.ATTRIBUTE_KEYWORDS:
            merged[key] = value
        else:
            merged[ctx.expand(key)] = value
    merged["modifiedAt"] = now
    return merged


@transaction.atomic
def attr_partial_update(*, tenant: str, entity_id: str, attribute: str, payload, ctx: Context) -> None:
    """PATCH /entities/{id}/attrs/{attrId}: change members of one existing attribute instance."""
    if not isinstance(payload, dict) or not payload:
        raise BadRequestData("The body must be a JSON object with the members to change")
    entity = _locked(tenant, entity_id)
    iri = ctx.expand(attribute)
    dataset = payload.get("datasetId")
    instances = entity.data.get(iri, [])
    target = next((i for i in instances if i.get("datasetId") == dataset), None)
    if target is None:
        raise ResourceNotFound(f"Attribute {attribute} of {entity_id} does not exist")
    moment, now = _now()
    merged = _patch_instance(target, payload, ctx, now)
    # Re-validate the result as a full attribute, expanded sub-attributes kept as they are.
    validated = ngsi.expand_instance(attribute, _compact_for_check(merged, ctx), ctx, now=None)
    validated["createdAt"], validated["modifiedAt"] = target.get("createdAt", now), now
    entity.data[iri] = [validated if i is target else i for i in instances]
    _save(entity, {iri: [validated]}, moment)


def _compact_for_check(instance: dict, ctx: Context) -> dict:
    return {
        k if k in ldcontext.ATTRIBUTE_KEYWORDS else ctx.compact(k): v
        for k, v in instance.items()
        if k not in ("createdAt", "modifiedAt")
    }


@transaction.atomic
def attr_replace(*, tenant: str, entity_id: str, attribute: str, payload, ctx: Context) -> None:
    """PUT /entities/{id}/attrs/{attrId}: replace one existing attribute."""
    entity = _locked(tenant, entity_id)
    iri = ctx.expand(attribute)
    if iri not in entity.data:
        raise ResourceNotFound(f"Attribute {attribute} of {entity_id} does not exist")
    moment, now = _now()
    instances = ngsi.expand_attribute(attribute, payload, ctx, now=now)
    entity.data[iri] = _keep_created(entity.data[iri], instances)
    _save(entity, {iri: instances}, moment)


@transaction.atomic
def attr_delete(
    *, tenant: str, entity_id: str, attribute: str, ctx: Context, dataset_id: str | None = None, delete_all=False
) -> None:
    entity = _locked(tenant, entity_id)
    iri = ctx.expand(attribute)
    instances = entity.data.get(iri)
    if not instances:
        raise ResourceNotFound(f"Attribute {attribute} of {entity_id} does not exist")
    if delete_all:
        del entity.data[iri]
    else:
        remaining = [i for i in instances if i.get("datasetId") != dataset_id]
        if len(remaining) == len(instances):
            raise ResourceNotFound(f"Attribute {attribute} of {entity_id} has no instance with datasetId {dataset_id}")
        if remaining:
            entity.data[iri] = remaining
        else:
            del entity.data[iri]
    moment, _ = _now()
    _save(entity, {}, moment, names=[iri])


@transaction.atomic
def entity_replace(*, tenant: str, entity_id: str, payload, ctx: Context) -> None:
    """PUT /entities/{id}: the entity becomes exactly the payload (createdAt kept)."""
    entity = _locked(tenant, entity_id)
    moment, now = _now()
    if isinstance(payload, dict) and "id" not in payload:
        payload = {**payload, "id": entity_id}
    new_id, type_iri, attributes = ngsi.expand_entity(payload, ctx, now=now)
    if new_id != entity_id:
        raise BadRequestData("The id in the body differs from the id in the URL")
    names = sorted(set(entity.data) | set(attributes))
    entity.data = {iri: _keep_created(entity.data.get(iri), instances) for iri, instances in attributes.items()}
    entity.type = type_iri
    _save(entity, attributes, moment, names=names)


@transaction.atomic
def entity_merge(*, tenant: str, entity_id: str, payload, ctx: Context) -> None:
    """PATCH /entities/{id} (merge-patch): attributes merged, ``urn:ngsi-ld:null`` deletes one."""
    entity = _locked(tenant, entity_id)
    moment, now = _now()
    if not isinstance(payload, dict):
        raise BadRequestData("The body must be a JSON object")
    if payload.get("id") not in (None, entity_id):
        raise BadRequestData("The id in the body differs from the id in the URL")
    deletions = [
        name
        for name, value in payload.items()
        if value == NGSI_LD_NULL or (isinstance(value, dict) and value.get("value") == NGSI_LD_NULL)
    ]
    rest = {k: v for k, v in payload.items() if k not in deletions and k not in ("id", "type")}
    changed = {}
    for name, value in rest.items():
        if name in ldcontext.ENTITY_KEYWORDS:
            continue
        ngsi.check_name(name)
        iri = ctx.expand(name)
        if iri in entity.data and isinstance(value, dict):
            old = entity.data[iri][0]
            merged = _patch_instance(old, value, ctx, now)
            instances = [ngsi.expand_instance(name, _compact_for_check(merged, ctx), ctx, now=None)]
            instances[0]["createdAt"], instances[0]["modifiedAt"] = old.get("createdAt", now), now
        else:
            instances = ngsi.expand_attribute(name, value, ctx, now=now)
        entity.data[iri] = _merge_instances(entity.data.get(iri, []), instances)
        changed[iri] = instances
    for name in deletions:
        entity.data.pop(ctx.expand(name), None)
    if payload.get("type"):
        entity.type = ctx.expand(payload["type"] if isinstance(payload["type"], str) else payload["type"][0])
    _save(entity, changed, moment, names=list(changed) + [ctx.expand(n) for n in deletions])


@transaction.atomic
def entity_upsert(*, tenant: str, payload, ctx: Context, replace: bool = True) -> bool:
    """Create the entity, or replace it (``replace``) / append its attributes; returns True if created."""
    if not isinstance(payload, dict):
        raise BadRequestData("An entity must be a JSON object")
    entity_id = ngsi.check_entity_id(payload.get("id"))
    if not Entity.objects.filter(tenant=tenant, entity_id=entity_id).exists():
        entity_create(tenant=tenant, payload=payload, ctx=ctx)
        return True
    if replace:
        entity_replace(tenant=tenant, entity_id=entity_id, payload=payload, ctx=ctx)
    else:
        ngsi.expand_entity(payload, ctx, now=None)
        fragment = {k: v for k, v in payload.items() if k not in ("id", "type", "@context")}
        attrs_append(tenant=tenant, entity_id=entity_id, payload=fragment, ctx=ctx)
    return False
