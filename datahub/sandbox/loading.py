"""Loading a sandbox city into the hub.

A load *replaces* the city's sandbox data in the tenant: the entities the generator produces (and their
history) are removed and written again, in one transaction. Running it twice gives the same hub, and a
reader never sees a half-loaded city.
"""

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Max, Min

from datahub.models import AttributeInstance, Entity
from datahub.services import temporal_entities_load
from datahub.tenancy import DEFAULT_TENANT

from .generators import DEFAULT_SEED, SandboxCity
from .registry import register_datasets
from .smartdatamodels import validate_entity
from .timeline import KST

DEMO_DAYS = 7


class InvalidSandboxEntity(ValueError):
    """A generated entity does not match its Smart Data Model (a bug in a generator, never user input)."""


@dataclass
class LoadReport:
    city: str
    start: date
    days: int
    entities: int
    instances: int
    seconds: float
    skipped: bool = False


def validated(entities, samples: dict | None = None):
    """Pass the entities on, checked against their Smart Data Models; keep the first of each type in
    ``samples``."""
    for entity in entities:
        errors = validate_entity(entity)
        if errors:
            raise InvalidSandboxEntity(f"{entity.get('id')}: " + "; ".join(errors))
        if samples is not None:
            samples.setdefault(entity["type"], entity)
        yield entity


def city_entity_ids(*, tenant: str, city: str):
    """Entities of one sandbox city in a tenant: their ids read ``urn:ngsi-ld:<Type>:<city>:<key>``."""
    return Entity.objects.filter(tenant=tenant, entity_id__regex=rf"^urn:ngsi-ld:[^:]+:{city}:")


def _is_loaded(*, tenant: str, sandbox: SandboxCity, expected: int) -> bool:
    ids = city_entity_ids(tenant=tenant, city=sandbox.city.key).values_list("entity_id", flat=True)
    if len(ids) != expected:
        return False
    span = AttributeInstance.objects.filter(tenant=tenant, entity_id__in=list(ids)).aggregate(
        earliest=Min("observed_at"), latest=Max("observed_at")
    )
    return span["earliest"] == sandbox.window.start and span["latest"] == sandbox.window.times[-1]


def demo_start(today: date | None = None, days: int = DEMO_DAYS) -> date:
    """The demo window: the ``days`` full days before today (Korean time)."""
    today = today or datetime.now(KST).date()
    return today - timedelta(days=days)


@transaction.atomic
def sandbox_load(
    *,
    city: str = "gwacheon",
    start: date,
    days: int,
    seed: int = DEFAULT_SEED,
    tenant: str = DEFAULT_TENANT,
    skip_if_loaded: bool = False,
    batch_size: int = 100,
) -> LoadReport:
    """Generate ``days`` days of the city's sensor data from ``start``, validate every entity against its
    Smart Data Model, and load it into ``tenant`` in place of what was there; register the catalogue's
    datasets and their data models in the tenant's City Data Hub registries."""
    began = time.perf_counter()
    sandbox = SandboxCity(city_key=city, start=start, days=days, seed=seed)
    count = sandbox.entity_count()
    if skip_if_loaded and _is_loaded(tenant=tenant, sandbox=sandbox, expected=count):
        return LoadReport(city, start, days, count, 0, time.perf_counter() - began, skipped=True)
    existing = list(city_entity_ids(tenant=tenant, city=city).values_list("entity_id", flat=True))
    for offset in range(0, len(existing), 500):
        chunk = existing[offset : offset + 500]
        AttributeInstance.objects.filter(tenant=tenant, entity_id__in=chunk).delete()
        Entity.objects.filter(tenant=tenant, entity_id__in=chunk).delete()
    samples: dict[str, dict] = {}
    entities = validated(sandbox.entities(), samples)
    instances = temporal_entities_load(tenant=tenant, entities=entities, batch_size=batch_size)
    register_datasets(tenant=tenant, samples=samples, city=city)
    return LoadReport(city, start, days, count, instances, time.perf_counter() - began)
