"""Batch entity operations (ETSI GS CIM 009 §5.6.7–5.6.10): per-entity atomicity, 201/204/207 answers."""

import pytest

from datahub.models import Entity

from .conftest import problem, spot

pytestmark = pytest.mark.django_db


def test_batch_create_all_good_is_201_with_ids(ngsi):
    response = ngsi.post("entityOperations/create", [spot(1), spot(2)])
    assert response.status_code == 201
    assert response.json() == ["urn:ngsi-ld:ParkingSpot:gwacheon:001", "urn:ngsi-ld:ParkingSpot:gwacheon:002"]


def test_batch_create_with_errors_is_207_and_keeps_only_good_entities(ngsi):
    ngsi.post("entities", spot(3))
    broken = {**spot(4), "status": {"type": "Property"}}
    response = ngsi.post("entityOperations/create", [spot(1), spot(1), spot(3), broken, {"type": "X"}])
    assert response.status_code == 207
    body = response.json()
    assert body["success"] == ["urn:ngsi-ld:ParkingSpot:gwacheon:001"]
    errors = {(e["entityId"], e["error"]["type"].rsplit("/", 1)[-1]) for e in body["errors"]}
    assert errors == {
        ("urn:ngsi-ld:ParkingSpot:gwacheon:001", "BadRequestData"),  # duplicate id in the batch
        ("urn:ngsi-ld:ParkingSpot:gwacheon:003", "AlreadyExists"),
        ("urn:ngsi-ld:ParkingSpot:gwacheon:004", "BadRequestData"),
        ("", "BadRequestData"),
    }
    assert sorted(Entity.objects.values_list("entity_id", flat=True)) == [
        "urn:ngsi-ld:ParkingSpot:gwacheon:001",
        "urn:ngsi-ld:ParkingSpot:gwacheon:003",
    ]


def test_batch_upsert_creates_then_replaces_or_updates(ngsi):
    assert ngsi.post("entityOperations/upsert", [spot(1)]).json() == ["urn:ngsi-ld:ParkingSpot:gwacheon:001"]
    replaced = {"id": spot(1)["id"], "type": "ParkingSpot", "status": {"type": "Property", "value": "closed"}}
    assert ngsi.post("entityOperations/upsert", [replaced]).status_code == 204
    assert set(ngsi.get(f"entities/{spot(1)['id']}").json()) == {"id", "type", "status"}
    updated = {"id": spot(1)["id"], "type": "ParkingSpot", "width": {"type": "Property", "value": 2.5}}
    assert ngsi.post("entityOperations/upsert?options=update", [updated, spot(2)]).status_code == 201
    assert set(ngsi.get(f"entities/{spot(1)['id']}").json()) == {"id", "type", "status", "width"}


def test_batch_update(ngsi):
    ngsi.post("entityOperations/create", [spot(1), spot(2)])
    body = [{"id": spot(1)["id"], "type": "ParkingSpot", "status": {"type": "Property", "value": "occupied"}}]
    assert ngsi.post("entityOperations/update", body).status_code == 204
    missing = [{"id": "urn:ngsi-ld:ParkingSpot:none", "type": "ParkingSpot", "status": {"value": "x"}}]
    response = ngsi.post("entityOperations/update", body + missing)
    assert response.status_code == 207
    assert response.json()["errors"][0]["error"]["type"].endswith("ResourceNotFound")
    no_overwrite = ngsi.post("entityOperations/update?options=noOverwrite", body)
    assert no_overwrite.status_code == 207


def test_batch_delete(ngsi):
    ngsi.post("entityOperations/create", [spot(1), spot(2)])
    assert ngsi.post("entityOperations/delete", [spot(1)["id"]]).status_code == 204
    response = ngsi.post("entityOperations/delete", [spot(2)["id"], spot(1)["id"], "no uri"])
    assert response.status_code == 207
    assert response.json()["success"] == [spot(2)["id"]]
    assert not Entity.objects.exists()


def test_batch_merge(ngsi):
    ngsi.post("entityOperations/create", [spot(1)])
    body = [{"id": spot(1)["id"], "type": "ParkingSpot", "status": {"value": "closed"}}]
    assert ngsi.post("entityOperations/merge", body).status_code == 204
    assert ngsi.get(f"entities/{spot(1)['id']}").json()["status"]["value"] == "closed"


@pytest.mark.parametrize("body", [{"id": "urn:x:1"}, [], "[", [1] * 1001])
def test_bad_batch_bodies(ngsi, body):
    problem(ngsi.post("entityOperations/create", body), "InvalidRequest" if body == "[" else "BadRequestData", 400)
