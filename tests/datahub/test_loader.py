from datetime import UTC, datetime

import pytest

from datahub import selectors
from datahub.errors import BadRequestData
from datahub.models import AttributeInstance, Entity
from datahub.services import temporal_entities_load
from datahub.tenancy import DEFAULT_TENANT

pytestmark = pytest.mark.django_db


def spot(n: int, statuses: list[tuple[str, str]]) -> dict:
    return {
        "id": f"urn:ngsi-ld:ParkingSpot:gwacheon:{n:03d}",
        "type": "ParkingSpot",
        "name": {"type": "Property", "value": f"과천 중앙공원 주차면 {n}"},
        "status": [{"type": "Property", "value": v, "observedAt": t} for t, v in statuses],
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [126.99 + n / 1000, 37.43]}},
    }


def test_load_keeps_latest_as_current_state_and_all_instances_as_history():
    written = temporal_entities_load(
        tenant=DEFAULT_TENANT,
        entities=[
            spot(1, [("2026-11-01T00:00:00Z", "free"), ("2026-11-01T00:15:00Z", "occupied")]),
            spot(2, [("2026-11-01T00:00:00Z", "occupied")]),
        ],
    )
    assert written == 7  # 3 status instances + 2 names + 2 locations
    first = selectors.entity_get(tenant=DEFAULT_TENANT, entity_id="urn:ngsi-ld:ParkingSpot:gwacheon:001")
    assert first["type"] == "ParkingSpot"
    assert first["status"]["value"] == "occupied"
    assert first["name"]["value"] == "과천 중앙공원 주차면 1"
    entity = Entity.objects.get(entity_id="urn:ngsi-ld:ParkingSpot:gwacheon:001")
    assert entity.type == "https://smartdatamodels.org/dataModel.Parking/ParkingSpot"
    assert entity.min_lon == pytest.approx(126.991)
    history = selectors.attribute_history(
        tenant=DEFAULT_TENANT, entity_id="urn:ngsi-ld:ParkingSpot:gwacheon:001", attribute="status"
    )
    assert [h["value"] for h in history] == ["free", "occupied"]
    assert selectors.entity_type_counts(tenant=DEFAULT_TENANT) == [
        {"type": "ParkingSpot", "type_iri": "https://smartdatamodels.org/dataModel.Parking/ParkingSpot", "count": 2}
    ]


def test_reload_upserts_and_appends_history():
    temporal_entities_load(tenant=DEFAULT_TENANT, entities=[spot(1, [("2026-11-01T00:00:00Z", "free")])])
    temporal_entities_load(tenant=DEFAULT_TENANT, entities=[spot(1, [("2026-11-01T01:00:00Z", "occupied")])])
    assert Entity.objects.count() == 1
    assert selectors.entity_get(tenant=DEFAULT_TENANT, entity_id=spot(1, [])["id"])["status"]["value"] == "occupied"
    history = selectors.attribute_history(
        tenant=DEFAULT_TENANT,
        entity_id=spot(1, [])["id"],
        attribute="status",
        start=datetime(2026, 11, 1, 0, 30, tzinfo=UTC),
    )
    assert [h["value"] for h in history] == ["occupied"]


def test_page_of_a_type_is_ordered_by_id():
    temporal_entities_load(
        tenant=DEFAULT_TENANT, entities=[spot(n, [("2026-11-01T00:00:00Z", "free")]) for n in (3, 1, 2)]
    )
    page = selectors.entity_page(tenant=DEFAULT_TENANT, entity_type="ParkingSpot", limit=2, offset=1)
    assert page["count"] == 3
    assert [e["id"][-3:] for e in page["results"]] == ["002", "003"]


def test_tenants_are_isolated():
    temporal_entities_load(tenant="startup-a", entities=[spot(1, [("2026-11-01T00:00:00Z", "free")])])
    assert selectors.entity_type_counts(tenant=DEFAULT_TENANT) == []
    assert selectors.entity_get(tenant=DEFAULT_TENANT, entity_id=spot(1, [])["id"]) is None


@pytest.mark.parametrize(
    "broken",
    [
        {"id": "not a uri", "type": "ParkingSpot"},
        {"id": "urn:ngsi-ld:ParkingSpot:x", "type": "ParkingSpot", "status": {"type": "Property"}},
        {
            "id": "urn:ngsi-ld:ParkingSpot:x",
            "type": "ParkingSpot",
            "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [200, 37]}},
        },
        {"id": "urn:ngsi-ld:ParkingSpot:x", "type": "ParkingSpot", "status": [{"value": 1, "observedAt": "어제"}]},
    ],
)
def test_bad_entity_writes_nothing(broken):
    with pytest.raises(BadRequestData):
        temporal_entities_load(tenant=DEFAULT_TENANT, entities=[spot(1, [("2026-11-01T00:00:00Z", "free")]), broken])
    assert not Entity.objects.exists()
    assert not AttributeInstance.objects.exists()
