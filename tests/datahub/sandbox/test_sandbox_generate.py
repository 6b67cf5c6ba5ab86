from datetime import UTC, date, datetime

import pytest
from django.core.management import CommandError, call_command

from datahub import selectors
from datahub.models import AttributeInstance, Entity
from datahub.sandbox.loading import demo_start, sandbox_load
from datahub.tenancy import DEFAULT_TENANT

pytestmark = pytest.mark.django_db


def test_load_puts_the_city_into_the_default_tenant_with_15_minute_history():
    report = sandbox_load(start=date(2026, 11, 2), days=1)
    assert report.entities == Entity.objects.filter(tenant=DEFAULT_TENANT).count() >= 500
    counts = {row["type"]: row["count"] for row in selectors.entity_type_counts(tenant=DEFAULT_TENANT)}
    assert counts["ParkingSpot"] == 240
    assert counts["AirQualityObserved"] == 7
    lot = selectors.entity_get(tenant=DEFAULT_TENANT, entity_id="urn:ngsi-ld:OffStreetParking:gwacheon:jungang-01")
    assert lot["name"]["value"] == "중앙동 공영주차장"
    history = selectors.attribute_history(tenant=DEFAULT_TENANT, entity_id=lot["id"], attribute="availableSpotNumber")
    assert len(history) == 96
    assert history[0]["observedAt"] == "2026-11-01T15:00:00Z"  # midnight in Korea
    assert lot["availableSpotNumber"]["value"] == history[-1]["value"]


def test_loading_again_replaces_instead_of_doubling():
    first = sandbox_load(start=date(2026, 11, 2), days=1)
    rows = AttributeInstance.objects.count()
    second = sandbox_load(start=date(2026, 11, 2), days=1)
    assert (second.entities, second.instances) == (first.entities, first.instances)
    assert AttributeInstance.objects.count() == rows
    third = sandbox_load(start=date(2026, 11, 3), days=1)
    earliest = AttributeInstance.objects.exclude(observed_at=None).order_by("observed_at").first().observed_at
    assert earliest == datetime(2026, 11, 2, 15, tzinfo=UTC)
    assert AttributeInstance.objects.count() == third.instances


def test_private_tenants_are_left_alone():
    sandbox_load(start=date(2026, 11, 2), days=1, tenant="urn:ngsi-ld:tenant:startup-1")
    sandbox_load(start=date(2026, 11, 2), days=1)
    assert Entity.objects.filter(tenant="urn:ngsi-ld:tenant:startup-1").count() >= 500


def test_command_demo_loads_the_last_week_once(capsys):
    call_command("sandbox_generate", "--demo")
    out = capsys.readouterr().out
    assert "531 entities" in out and "7 days" in out
    assert f"from {demo_start()}" in out
    call_command("sandbox_generate", "--demo")
    assert "already loaded" in capsys.readouterr().out


def test_command_loads_a_chosen_window(capsys):
    call_command("sandbox_generate", "--days", "1", "--start", "2026-10-05", "--seed", "7")
    assert "1 days from 2026-10-05" in capsys.readouterr().out
    first = AttributeInstance.objects.exclude(observed_at=None).order_by("observed_at").first()
    assert first.observed_at == datetime(2026, 10, 4, 15, tzinfo=UTC)


def test_command_rejects_bad_arguments():
    with pytest.raises(CommandError, match="--days must be between 1 and 366"):
        call_command("sandbox_generate", "--days", "0")
    with pytest.raises(CommandError, match="not a date like 2026-11-01"):
        call_command("sandbox_generate", "--start", "2026-13-01")
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("sandbox_generate", "--city", "atlantis")
    assert not Entity.objects.exists()


def test_load_registers_the_catalogue_in_the_city_data_hub_registries():
    from datahub import datamodels
    from datahub.sandbox.generators import SandboxCity
    from datahub.services import registries

    sandbox_load(start=date(2026, 11, 2), days=1)
    sandbox_load(start=date(2026, 11, 2), days=1)  # updates, never duplicates
    dataset = registries.dataset_get(tenant=DEFAULT_TENANT, dataset_id="sandbox-gwacheon-off-street-parking")
    assert dataset.document["name"] == "공영주차장 실시간 주차 현황"
    assert dataset.document["license"] == "공공누리 제1유형 (출처표시)"
    model = dataset.data_model.document
    assert model["type"] == "OffStreetParking"
    by_name = {a["name"]: a for a in model["attributes"]}
    assert by_name["occupancy"] == {
        "name": "occupancy", "attributeType": "Property", "isRequired": False, "valueType": "Double",
        "hasObservedAt": True,
    }  # fmt: skip
    assert by_name["location"]["isRequired"] and by_name["location"]["valueType"] == "GeoJson"
    # Every generated entity, one instance per attribute, follows its registered data model.
    for entity in SandboxCity(start=date(2026, 11, 2), days=1).entities():
        current = {k: (v[-1] if isinstance(v, list) else v) for k, v in entity.items()}
        model = registries.dataset_get(
            tenant=DEFAULT_TENANT, dataset_id=f"sandbox-gwacheon-{_slug(entity['type'])}"
        ).data_model.document
        assert datamodels.entity_errors(current, model) == [], entity["id"]


def _slug(entity_type):
    from datahub.sandbox.datasets import DATASETS

    return next(d.slug for d in DATASETS if d.entity_type == entity_type)
