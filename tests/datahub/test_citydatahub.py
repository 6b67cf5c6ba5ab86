"""City Data Hub compatibility under /datahub/: KETI paths, /entitycount, Ingest Interface upsert, /datamodels
and /datasets, with per-entity validation errors."""

import pytest

from datahub.models import Entity

from .conftest import Ngsi, problem, spot

pytestmark = pytest.mark.django_db

MODEL = {
    "id": "urn:datahub:datamodel:OffStreetParking:1.0",
    "type": "OffStreetParking",
    "context": ["https://smartdatamodels.org/context.jsonld"],
    "name": "노외주차장",
    "attributes": [
        {"name": "name", "attributeType": "Property", "valueType": "String", "isRequired": True},
        {
            "name": "availableSpotNumber",
            "attributeType": "Property",
            "valueType": "Integer",
            "isRequired": True,
            "hasObservedAt": True,
            "greaterThanOrEqualTo": 0,
        },
        {
            "name": "status",
            "attributeType": "Property",
            "valueType": "ArrayString",
            "valueEnum": [["open"], ["closed"]],
        },
        {"name": "location", "attributeType": "GeoProperty", "valueType": "GeoJson", "isRequired": True},
        {"name": "refParkingSpot", "attributeType": "Relationship"},
    ],
}
DATASET = {
    "id": "gwacheon_offstreetparking",
    "name": "과천시 공영주차장 실시간 주차 현황",
    "updateInterval": "5분",
    "category": "교통",
    "providerOrganization": "과천시",
    "license": "공공누리 제1유형",
    "dataModelId": MODEL["id"],
}


def lot(key, available=120, **extra):
    return {
        "id": f"urn:datahub:OffStreetParking:{key}",
        "type": "OffStreetParking",
        "name": {"type": "Property", "value": "과천시청 공영주차장"},
        "availableSpotNumber": {"type": "Property", "value": available, "observedAt": "2026-11-01T09:00:00Z"},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [126.9875, 37.4292]}},
        **extra,
    }


@pytest.fixture
def hub(client, key_pair):
    """The startup's tenant, spoken to on /datahub/ without a Link header (like KETI clients)."""
    hub = Ngsi(client, key_pair[1], tenant=key_pair[0].tenant, link=None)
    hub.base = "/datahub/"
    return hub


def call(hub, method, path, body=None, **params):
    url = "/datahub/" + path
    if method == "get":
        return hub.client.get(url, params, headers=hub.headers())
    if method == "delete":
        return hub.client.delete(url, headers=hub.headers())
    import json

    return getattr(hub.client, method)(
        url, data=json.dumps(body), content_type="application/json", headers=hub.headers()
    )


@pytest.fixture
def registered(hub):
    assert call(hub, "post", "datamodels", MODEL).status_code == 201
    response = call(hub, "post", "datasets", DATASET)
    assert response.status_code == 201
    assert response["Location"] == "/datahub/datasets/gwacheon_offstreetparking"
    return hub


def test_keti_paths_without_prefix(hub):
    response = call(hub, "post", "entities", spot(1))
    assert response.status_code == 201
    assert response["Location"] == "/datahub/entities/urn:ngsi-ld:ParkingSpot:gwacheon:001"
    assert call(hub, "get", "entities/urn:ngsi-ld:ParkingSpot:gwacheon:001").status_code == 200
    types = call(hub, "get", "types").json()
    assert types["typeList"] == ["ParkingSpot"]  # default vocabulary both ways without a Link


def test_entitycount(hub):
    hub.link = '<https://smartdatamodels.org/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
    call(hub, "post", "entityOperations/create", [spot(1), spot(2)])
    assert call(hub, "get", "entitycount", type="ParkingSpot").json() == {"type": "ParkingSpot", "totalCount": 2}
    assert call(hub, "get", "entitycount", type="ParkingSpot", q='status=="free"').json()["totalCount"] == 2
    assert call(hub, "get", "entitycount", type="Nothing").json()["totalCount"] == 0


def test_registries_roundtrip(registered):
    assert call(registered, "get", "datamodels").json()[0]["type"] == "OffStreetParking"
    assert call(registered, "get", f"datamodels/{MODEL['id']}").json()["name"] == "노외주차장"
    dataset = call(registered, "get", "datasets/gwacheon_offstreetparking").json()
    assert dataset["license"] == "공공누리 제1유형" and "createdAt" in dataset
    assert (
        call(registered, "put", "datasets/gwacheon_offstreetparking", {**DATASET, "updateInterval": "1분"}).status_code
        == 204
    )
    assert call(registered, "get", "datasets", dataModelId=MODEL["id"]).json()[0]["updateInterval"] == "1분"
    problem(call(registered, "delete", f"datamodels/{MODEL['id']}"), "OperationNotSupported", 422)
    assert call(registered, "delete", "datasets/gwacheon_offstreetparking").status_code == 204
    assert call(registered, "delete", f"datamodels/{MODEL['id']}").status_code == 204
    problem(call(registered, "get", f"datamodels/{MODEL['id']}"), "ResourceNotFound", 404)


@pytest.mark.parametrize(
    "model",
    [
        {**MODEL, "attributes": []},
        {**MODEL, "attributes": [{"name": "x", "attributeType": "Thing"}]},
        {**MODEL, "attributes": [{"name": "x", "attributeType": "Property", "valueType": "Float"}]},
        {k: v for k, v in MODEL.items() if k != "type"},
    ],
)
def test_bad_datamodels(hub, model):
    problem(call(hub, "post", "datamodels", model), "BadRequestData", 400)


def test_bad_datasets(registered):
    problem(call(registered, "post", "datasets", {**DATASET, "dataModelId": "urn:none"}), "BadRequestData", 400)
    problem(call(registered, "post", "datasets", {**DATASET, "id": ""}), "BadRequestData", 400)
    problem(call(registered, "post", "datasets", DATASET), "AlreadyExists", 409)


def test_ingest_upsert_validates_each_entity_against_the_data_model(registered):
    body = {
        "datasetId": "gwacheon_offstreetparking",
        "entities": [
            lot("yatap_01"),
            lot("yatap_02", available=-3),
            {**lot("yatap_03"), "availableSpotNumber": {"type": "Property", "value": 10}},
            {k: v for k, v in lot("yatap_04").items() if k != "location"},
            lot("yatap_05", colour={"type": "Property", "value": "red"}),
            lot("yatap_06", status={"type": "Property", "value": ["parked"]}),
            lot("yatap_07", refParkingSpot={"type": "Relationship", "object": "urn:datahub:ParkingSpot:1"}),
            {**lot("yatap_08"), "type": "ParkingSpot"},
            lot("yatap_01"),
        ],
    }
    response = call(registered, "post", "entityOperations/upsert", body)
    assert response.status_code == 207
    result = response.json()
    assert result["success"] == ["urn:datahub:OffStreetParking:yatap_01", "urn:datahub:OffStreetParking:yatap_07"]
    errors = {e["entityId"].rsplit(":", 1)[-1]: e["error"] for e in result["errors"]}
    assert "must be >= 0" in errors["yatap_02"]
    assert "observedAt is required" in errors["yatap_03"]
    assert "location: required" in errors["yatap_04"]
    assert "colour: not defined" in errors["yatap_05"]
    assert "not one of" in errors["yatap_06"]
    assert "type must be OffStreetParking" in errors["yatap_08"]
    assert "more than once" in errors["yatap_01"]
    assert Entity.objects.count() == 2
    stored = Entity.objects.get(entity_id="urn:datahub:OffStreetParking:yatap_01")
    assert stored.type == "https://smartdatamodels.org/dataModel.Parking/OffStreetParking"


def test_ingest_upsert_update_and_replace(registered):
    first = {"datasetId": "gwacheon_offstreetparking", "entities": [lot("yatap_01")]}
    assert call(registered, "post", "entityOperations/upsert", first).json() == {
        "success": ["urn:datahub:OffStreetParking:yatap_01"],
        "errors": [],
    }
    again = {"datasetId": "gwacheon_offstreetparking", "entities": [lot("yatap_01", available=80)]}
    assert call(registered, "post", "entityOperations/upsert?options=update", again).status_code == 200
    registered.link = '<https://smartdatamodels.org/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
    got = call(registered, "get", "entities/urn:datahub:OffStreetParking:yatap_01").json()
    assert got["availableSpotNumber"]["value"] == 80


def test_ingest_upsert_bad_bodies(registered):
    problem(call(registered, "post", "entityOperations/upsert", {"entities": []}), "BadRequestData", 400)
    problem(
        call(registered, "post", "entityOperations/upsert", {"datasetId": "x", "entities": []}), "ResourceNotFound", 404
    )
    problem(call(registered, "post", "entityOperations/upsert", {"datasetId": "x"}), "BadRequestData", 400)


def test_plain_batch_upsert_still_works_on_datahub(hub):
    assert call(hub, "post", "entityOperations/upsert", [spot(1)]).status_code == 201
