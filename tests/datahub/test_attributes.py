"""Attribute operations, replace and merge (ETSI GS CIM 009 §5.6.2–5.6.4, 5.6.17–5.6.19)."""

import pytest

from datahub.models import AttributeInstance

from .conftest import problem, spot

pytestmark = pytest.mark.django_db
ID = "urn:ngsi-ld:ParkingSpot:gwacheon:001"


@pytest.fixture
def one(ngsi):
    assert ngsi.post("entities", spot(1)).status_code == 201
    return ngsi


def current(ngsi):
    return ngsi.get(f"entities/{ID}").json()


def test_append_attributes(one):
    response = one.post(f"entities/{ID}/attrs", {"width": {"type": "Property", "value": 2.5, "unitCode": "MTR"}})
    assert response.status_code == 204
    assert current(one)["width"]["value"] == 2.5


def test_append_with_no_overwrite_reports_207(one):
    body = {"status": {"type": "Property", "value": "occupied"}, "width": {"type": "Property", "value": 2.5}}
    response = one.post(f"entities/{ID}/attrs?options=noOverwrite", body)
    assert response.status_code == 207
    assert response.json() == {
        "updated": ["width"],
        "notUpdated": [{"attributeName": "status", "reason": "attribute exists and options=noOverwrite"}],
    }
    assert current(one)["status"]["value"] == "free"


def test_update_attributes_only_updates_existing(one):
    response = one.patch(f"entities/{ID}/attrs", {"status": {"type": "Property", "value": "occupied"}})
    assert response.status_code == 204
    assert current(one)["status"]["value"] == "occupied"
    partial = one.patch(f"entities/{ID}/attrs", {"status": {"value": "free"}, "colour": {"value": "red"}})
    assert partial.status_code == 207
    assert partial.json()["notUpdated"][0]["attributeName"] == "colour"


def test_partial_attribute_update_keeps_other_members(one):
    assert one.patch(f"entities/{ID}/attrs/status", {"value": "occupied"}).status_code == 204
    status = current(one)["status"]
    assert status == {"type": "Property", "value": "occupied", "observedAt": "2026-11-01T09:00:00Z"}


def test_replace_attribute(one):
    assert one.put(f"entities/{ID}/attrs/status", {"type": "Property", "value": "closed"}).status_code == 204
    assert current(one)["status"] == {"type": "Property", "value": "closed"}


def test_delete_attribute(one):
    assert one.delete(f"entities/{ID}/attrs/name").status_code == 204
    assert "name" not in current(one)
    problem(one.delete(f"entities/{ID}/attrs/name"), "ResourceNotFound", 404)


def test_attribute_errors(one):
    problem(one.patch(f"entities/{ID}/attrs/colour", {"value": "red"}), "ResourceNotFound", 404)
    problem(one.put(f"entities/{ID}/attrs/colour", {"value": "red"}), "ResourceNotFound", 404)
    problem(one.post("entities/urn:ngsi-ld:Nope:1/attrs", {"a": {"value": 1}}), "ResourceNotFound", 404)
    problem(one.post(f"entities/{ID}/attrs", {"a": {"type": "Property"}}), "BadRequestData", 400)
    problem(one.post(f"entities/{ID}/attrs", ["a"]), "BadRequestData", 400)
    problem(one.patch(f"entities/{ID}/attrs/status", {"type": "Relationship"}), "BadRequestData", 400)


def test_multi_attribute_instances_with_dataset_ids(one):
    body = {
        "temperature": [
            {"type": "Property", "value": 11.5, "datasetId": "urn:ngsi-ld:Dataset:sensor-a"},
            {"type": "Property", "value": 12.0},
        ]
    }
    assert one.post(f"entities/{ID}/attrs", body).status_code == 204
    temperature = current(one)["temperature"]
    assert [t.get("datasetId") for t in temperature] == [None, "urn:ngsi-ld:Dataset:sensor-a"]
    assert one.delete(f"entities/{ID}/attrs/temperature?datasetId=urn:ngsi-ld:Dataset:sensor-a").status_code == 204
    assert current(one)["temperature"] == {"type": "Property", "value": 12.0}
    duplicate = {"temperature": [{"value": 1}, {"value": 2}]}
    problem(one.post(f"entities/{ID}/attrs", duplicate), "BadRequestData", 400)


def test_replace_entity(one):
    body = {"id": ID, "type": "ParkingSpot", "status": {"type": "Property", "value": "closed"}}
    assert one.put(f"entities/{ID}", body).status_code == 204
    assert set(current(one)) == {"id", "type", "status"}
    problem(one.put(f"entities/{ID}", {**body, "id": "urn:ngsi-ld:ParkingSpot:other"}), "BadRequestData", 400)
    problem(one.put("entities/urn:ngsi-ld:ParkingSpot:nope", body), "ResourceNotFound", 404)


def test_merge_entity(one):
    body = {"status": {"value": "occupied"}, "name": "urn:ngsi-ld:null", "width": {"type": "Property", "value": 2}}
    assert one.patch(f"entities/{ID}", body).status_code == 204
    entity = current(one)
    assert entity["status"]["value"] == "occupied" and entity["status"]["observedAt"] == "2026-11-01T09:00:00Z"
    assert "name" not in entity and entity["width"]["value"] == 2


def test_every_write_lands_in_history(one):
    one.patch(f"entities/{ID}/attrs/status", {"value": "occupied", "observedAt": "2026-11-01T09:15:00Z"})
    values = list(
        AttributeInstance.objects.filter(entity_id=ID, attribute="https://uri.etsi.org/ngsi-ld/status")
        .order_by("observed_at")
        .values_list("instance__value", flat=True)
    )
    assert values == ["free", "occupied"]
