"""Entity CRUD conformance (ETSI GS CIM 009 §5.6.1–5.6.6, 5.7.1)."""

import pytest

from .conftest import LINK, problem, spot

pytestmark = pytest.mark.django_db


def test_create_answers_201_with_location_and_retrieve_compacts_with_the_link_context(ngsi):
    response = ngsi.post("entities", spot(1))
    assert response.status_code == 201, response.content
    assert response["Location"] == "/ngsi-ld/v1/entities/urn:ngsi-ld:ParkingSpot:gwacheon:001"
    assert response.content == b""

    got = ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001")
    assert got.status_code == 200
    assert got["Content-Type"] == "application/json"
    assert "smartdatamodels.org/context.jsonld" in got["Link"]
    body = got.json()
    assert body["type"] == "ParkingSpot"
    assert body["status"] == {"type": "Property", "value": "free", "observedAt": "2026-11-01T09:00:00Z"}
    assert "createdAt" not in body


def test_without_link_attributes_come_back_as_expanded_iris_of_the_sdm_context(ngsi):
    ngsi.post("entities", spot(1))
    ngsi.link = None
    body = ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001").json()
    assert body["type"] == "https://smartdatamodels.org/dataModel.Parking/ParkingSpot"
    assert body["location"]["type"] == "GeoProperty"  # core term
    assert body["https://uri.etsi.org/ngsi-ld/status"]["value"] == "free"


def test_unknown_terms_without_context_use_the_default_vocabulary(ngsi):
    ngsi.link = None
    assert (
        ngsi.post("entities", {"id": "urn:ngsi-ld:Thing:1", "type": "Thing", "speed": {"value": 3}}).status_code == 201
    )
    body = ngsi.get("entities/urn:ngsi-ld:Thing:1").json()
    assert body == {"id": "urn:ngsi-ld:Thing:1", "type": "Thing", "speed": {"type": "Property", "value": 3}}


def test_ld_json_accept_puts_context_in_the_body(ngsi):
    ngsi.post("entities", spot(1))
    got = ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001", Accept="application/ld+json")
    assert got["Content-Type"] == "application/ld+json"
    assert got.json()["@context"] == ["https://smartdatamodels.org/context.jsonld"]
    assert "Link" not in got


def test_ld_json_body_context(ngsi):
    ngsi.link = None
    body = {**spot(2), "@context": "https://smartdatamodels.org/context.jsonld"}
    assert ngsi.post("entities", body, content_type="application/ld+json").status_code == 201
    ngsi.link = LINK
    assert ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:002").json()["type"] == "ParkingSpot"


def test_options_key_values_and_sys_attrs(ngsi):
    ngsi.post("entities", spot(1))
    simple = ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001", {"options": "keyValues"}).json()
    assert simple["status"] == "free"
    assert simple["location"] == {"type": "Point", "coordinates": [126.991, 37.43]}
    assert ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001", {"format": "simplified"}).json() == simple
    full = ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001", {"options": "sysAttrs"}).json()
    assert full["createdAt"].endswith("Z") and full["status"]["modifiedAt"].endswith("Z")


def test_geojson_representation(ngsi):
    ngsi.post("entities", spot(1))
    got = ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001", Accept="application/geo+json")
    assert got["Content-Type"] == "application/geo+json"
    feature = got.json()
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [126.991, 37.43]}
    assert feature["properties"]["status"]["value"] == "free"


def test_create_twice_is_already_exists(ngsi):
    ngsi.post("entities", spot(1))
    problem(ngsi.post("entities", spot(1)), "AlreadyExists", 409)


def test_retrieve_and_delete_unknown_entity_are_not_found(ngsi):
    problem(ngsi.get("entities/urn:ngsi-ld:ParkingSpot:nowhere"), "ResourceNotFound", 404)
    problem(ngsi.delete("entities/urn:ngsi-ld:ParkingSpot:nowhere"), "ResourceNotFound", 404)


def test_delete_entity(ngsi):
    ngsi.post("entities", spot(1))
    assert ngsi.delete("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001").status_code == 204
    problem(ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001"), "ResourceNotFound", 404)


@pytest.mark.parametrize(
    ("body", "content_type", "error_type", "status"),
    [
        ("{not json", "application/json", "InvalidRequest", 400),
        ('{"id": "urn:x:1"', "application/json", "InvalidRequest", 400),
        (spot(1), "text/plain", "UnsupportedMediaType", 415),
        ({**spot(1), "id": "not a uri"}, "application/json", "BadRequestData", 400),
        (
            {**spot(1), "id": "urn:ngsi-ld:x:1", "status": {"type": "Property"}},
            "application/json",
            "BadRequestData",
            400,
        ),
        (
            {**spot(1), "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [127, 95]}}},
            "application/json",
            "BadRequestData",
            400,
        ),
        (
            {
                **spot(1),
                "location": {
                    "type": "GeoProperty",
                    "value": {"type": "Polygon", "coordinates": [[[1, 1], [2, 2], [3, 1]]]},
                },
            },
            "application/json",
            "BadRequestData",
            400,
        ),
        ({"id": "urn:ngsi-ld:x:1"}, "application/json", "BadRequestData", 400),
        (
            {**spot(1), "@context": "https://smartdatamodels.org/context.jsonld"},
            "application/json",
            "BadRequestData",
            400,
        ),
        (spot(1), "application/ld+json", "BadRequestData", 400),
        ({**spot(1), "ref": {"type": "Relationship", "object": "no uri"}}, "application/json", "BadRequestData", 400),
        ({**spot(1), "bad name": {"value": 1}}, "application/json", "BadRequestData", 400),
        ([spot(1)], "application/json", "BadRequestData", 400),
    ],
)
def test_bad_create_requests(ngsi, body, content_type, error_type, status):
    if content_type == "application/ld+json":
        ngsi.link = None
    problem(ngsi.post("entities", body, content_type=content_type), error_type, status)
    ngsi.link = LINK
    assert ngsi.get("entities", {"type": "ParkingSpot", "count": "true"})["NGSILD-Results-Count"] == "0"


def test_ld_json_body_with_link_header_is_rejected(ngsi):
    body = {**spot(1), "@context": "https://smartdatamodels.org/context.jsonld"}
    problem(ngsi.post("entities", body, content_type="application/ld+json"), "BadRequestData", 400)


def test_oversize_payload_is_413(ngsi, settings):
    settings.DATAHUB_MAX_PAYLOAD_BYTES = 2000
    body = spot(1, description={"type": "Property", "value": "가" * 3000})
    problem(ngsi.post("entities", body), "PayloadTooLarge", 413)


def test_unretrievable_context_is_503(ngsi, monkeypatch):
    import requests

    def offline(*args, **kwargs):
        raise requests.ConnectionError("offline")

    monkeypatch.setattr(requests, "get", offline)
    ngsi.link = '<https://example.invalid/ctx.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
    problem(ngsi.post("entities", spot(1)), "LdContextNotAvailable", 503)


def test_any_core_context_version_maps_to_the_builtin_one(ngsi):
    ngsi.link = (
        '<https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.5.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
    )
    assert ngsi.post("entities", spot(1)).status_code == 201


def test_not_acceptable(ngsi):
    ngsi.post("entities", spot(1))
    problem(ngsi.get("entities/urn:ngsi-ld:ParkingSpot:gwacheon:001", Accept="text/html"), "NotAcceptable", 406)
