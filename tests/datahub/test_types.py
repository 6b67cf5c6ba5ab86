"""/types and /attributes (ETSI GS CIM 009 §5.7.5–5.7.12)."""

import pytest

from .conftest import problem, spot

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(ngsi):
    ngsi.post("entityOperations/create", [spot(1), spot(2)])
    ngsi.post(
        "entities",
        {"id": "urn:ngsi-ld:WasteContainer:gwacheon:1", "type": "WasteContainer", "fillingLevel": {"value": 0.4}},
    )
    return ngsi


def test_types_list_and_details(filled):
    body = filled.get("types").json()
    assert body["type"] == "EntityTypeList"
    assert body["typeList"] == ["ParkingSpot", "WasteContainer"]
    details = filled.get("types", {"details": "true"}).json()
    assert details[0]["typeName"] == "ParkingSpot"
    assert details[0]["id"] == "https://smartdatamodels.org/dataModel.Parking/ParkingSpot"
    assert set(details[0]["attributeNames"]) == {"location", "name", "status"}


def test_type_info(filled):
    info = filled.get("types/ParkingSpot").json()
    assert info["type"] == "EntityTypeInfo" and info["entityCount"] == 2
    location = next(a for a in info["attributeDetails"] if a["attributeName"] == "location")
    assert location["attributeTypes"] == ["GeoProperty"]
    problem(filled.get("types/Unicorn"), "ResourceNotFound", 404)


def test_attributes(filled):
    body = filled.get("attributes").json()
    assert body["type"] == "AttributeList"
    assert set(body["attributeList"]) == {"fillingLevel", "location", "name", "status"}
    status = filled.get("attributes/status").json()
    assert status["attributeCount"] == 2 and status["typeNames"] == ["ParkingSpot"]
    details = filled.get("attributes", {"details": "true"}).json()
    assert {d["attributeName"] for d in details} == set(body["attributeList"])
    problem(filled.get("attributes/colour"), "ResourceNotFound", 404)
