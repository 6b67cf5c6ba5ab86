"""Query entities (ETSI GS CIM 009 §5.7.2, §4.9 query language, §4.10 geo-queries)."""

import json

import pytest

from .conftest import problem, spot

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(ngsi):
    spots = [spot(1, "free"), spot(2, "occupied"), spot(3, "occupied"), spot(4, "closed")]
    spots[0]["width"] = {"type": "Property", "value": 2.3, "unitCode": "MTR"}
    spots[1]["width"] = {"type": "Property", "value": 2.5, "unitCode": "MTR"}
    spots[2]["width"] = {"type": "Property", "value": 3.0, "unitCode": "MTR"}
    spots[3]["refParkingSite"] = {"type": "Relationship", "object": "urn:ngsi-ld:OffStreetParking:gwacheon:city-hall"}
    for body in spots:
        assert ngsi.post("entities", body).status_code == 201
    station = {
        "id": "urn:ngsi-ld:AirQualityObserved:gwacheon:byeolyang",
        "type": "AirQualityObserved",
        "pm10": {"type": "Property", "value": 41, "unitCode": "GQ", "observedAt": "2026-11-01T09:00:00Z"},
        "address": {"type": "Property", "value": {"addressLocality": "과천시", "streetAddress": "별양로 12"}},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [126.9965, 37.4292]}},
    }
    assert ngsi.post("entities", station).status_code == 201
    return ngsi


def ids(response):
    assert response.status_code == 200, response.content
    return [e["id"].rsplit(":", 1)[-1] for e in response.json()]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('status=="occupied"', ["002", "003"]),
        ('status!="occupied"', ["001", "004"]),
        ('status=="free","closed"', ["001", "004"]),
        ("width>2.4", ["002", "003"]),
        ("width>=2.5;width<3", ["002"]),
        ("width==2.4..3.0", ["002", "003"]),
        ('status=="free"|width==3.0', ["001", "003"]),
        ('(status=="occupied"|status=="free");width<2.6', ["001", "002"]),
        ("refParkingSite", ["004"]),
        ('refParkingSite=="urn:ngsi-ld:OffStreetParking:gwacheon:city-hall"', ["004"]),
        ('status~="^occ"', ["002", "003"]),
        ("status.observedAt>=2026-11-01T08:00:00Z", ["001", "002", "003", "004"]),
        ("status.observedAt>2026-11-01T09:00:00Z", []),
        ('width.unitCode=="MTR"', ["001", "002", "003"]),
    ],
)
def test_q_language(city, q, expected):
    assert ids(city.get("entities", {"type": "ParkingSpot", "q": q})) == expected


def test_q_into_structured_values(city):
    found = city.get("entities", {"type": "AirQualityObserved", "q": 'address[addressLocality]=="과천시"'})
    assert ids(found) == ["byeolyang"]


@pytest.mark.parametrize("q", ['status=="free', "status==", "(status==1", "width>>2", ";", 'status~="("', "a..b==1"])
def test_q_syntax_errors_are_bad_request_data(city, q):
    problem(city.get("entities", {"type": "ParkingSpot", "q": q}), "BadRequestData", 400)


def test_type_id_and_id_pattern(city):
    assert ids(city.get("entities", {"type": "ParkingSpot,AirQualityObserved"})) == [
        "byeolyang",
        "001",
        "002",
        "003",
        "004",
    ]
    assert ids(city.get("entities", {"id": "urn:ngsi-ld:ParkingSpot:gwacheon:002"})) == ["002"]
    assert ids(city.get("entities", {"idPattern": r"^urn:ngsi-ld:ParkingSpot:.*:00[34]$"})) == ["003", "004"]


def test_attrs_projection_and_filter(city):
    found = city.get("entities", {"attrs": "pm10"}).json()
    assert [e["id"] for e in found] == ["urn:ngsi-ld:AirQualityObserved:gwacheon:byeolyang"]
    assert set(found[0]) == {"id", "type", "pm10"}


def test_limit_offset_and_count_header(city):
    response = city.get("entities", {"type": "ParkingSpot", "limit": 2, "offset": 1, "count": "true"})
    assert ids(response) == ["002", "003"]
    assert response["NGSILD-Results-Count"] == "4"
    only_count = city.get("entities", {"type": "ParkingSpot", "limit": 0, "count": "true"})
    assert only_count.json() == [] and only_count["NGSILD-Results-Count"] == "4"
    assert "NGSILD-Results-Count" not in city.get("entities", {"type": "ParkingSpot"})


@pytest.mark.parametrize(
    ("params", "error_type", "status"),
    [
        ({}, "BadRequestData", 400),
        ({"type": "ParkingSpot", "limit": "-1"}, "BadRequestData", 400),
        ({"type": "ParkingSpot", "limit": "abc"}, "BadRequestData", 400),
        ({"type": "ParkingSpot", "limit": "5000"}, "TooManyResults", 403),
        ({"type": "ParkingSpot", "options": "fancy"}, "BadRequestData", 400),
        ({"id": "not a uri"}, "BadRequestData", 400),
        ({"idPattern": "(unclosed"}, "BadRequestData", 400),
    ],
)
def test_bad_query_parameters(city, params, error_type, status):
    problem(city.get("entities", params), error_type, status)


def test_key_values_and_geojson_collection(city):
    values = city.get("entities", {"type": "ParkingSpot", "options": "keyValues", "limit": 1}).json()
    assert values[0]["status"] == "free"
    geo = city.get("entities", {"type": "ParkingSpot", "limit": 2}, Accept="application/geo+json")
    assert geo["Content-Type"] == "application/geo+json"
    collection = geo.json()
    assert collection["type"] == "FeatureCollection"
    assert collection["features"][0]["geometry"]["type"] == "Point"


def near(point, metres, key="maxDistance"):
    return {"georel": f"near;{key}=={metres}", "geometry": "Point", "coordinates": json.dumps(point)}


def test_geo_near_max_and_min_distance(city):
    # Spots are ~88 m apart along longitude from 126.991.
    here = [126.991, 37.43]
    assert ids(city.get("entities", {"type": "ParkingSpot", **near(here, 100)})) == ["001", "002"]
    assert ids(city.get("entities", {"type": "ParkingSpot", **near(here, 150, "minDistance")})) == ["003", "004"]


def test_geo_within_intersects_and_equals(city):
    box = [[[126.9905, 37.429], [126.9925, 37.429], [126.9925, 37.431], [126.9905, 37.431], [126.9905, 37.429]]]
    polygon = {"geometry": "Polygon", "coordinates": json.dumps(box)}
    assert ids(city.get("entities", {"type": "ParkingSpot", "georel": "within", **polygon})) == ["001", "002"]
    assert ids(city.get("entities", {"type": "ParkingSpot", "georel": "intersects", **polygon})) == ["001", "002"]
    point = {"geometry": "Point", "coordinates": "[126.993,37.43]"}
    assert ids(city.get("entities", {"type": "ParkingSpot", "georel": "equals", **point})) == ["003"]


@pytest.mark.parametrize(
    "params",
    [
        {"georel": "near", "geometry": "Point", "coordinates": "[126.99,37.43]"},
        {"georel": "near;maxDistance==far", "geometry": "Point", "coordinates": "[126.99,37.43]"},
        {"georel": "within", "geometry": "Polygon", "coordinates": "[[[1,1],[2,2],[3,1]]]"},
        {"georel": "within", "geometry": "Point", "coordinates": "[200,37]"},
        {"georel": "within", "geometry": "Point", "coordinates": "not json"},
        {"georel": "touches", "geometry": "Point", "coordinates": "[126.99,37.43]"},
        {"georel": "within", "geometry": "Point"},
    ],
)
def test_bad_geo_queries(city, params):
    problem(city.get("entities", {"type": "ParkingSpot", **params}), "BadRequestData", 400)


def test_post_query(city):
    body = {"type": "Query", "entities": [{"type": "ParkingSpot"}], "q": 'status=="occupied"', "attrs": ["status"]}
    response = city.post("entityOperations/query?count=true", body)
    assert ids(response) == ["002", "003"]
    assert response["NGSILD-Results-Count"] == "2"
    assert set(response.json()[0]) == {"id", "type", "status"}
    geo = {
        "type": "Query",
        "entities": [{"type": "ParkingSpot"}],
        "geoQ": {"georel": "near;maxDistance==100", "geometry": "Point", "coordinates": [126.991, 37.43]},
    }
    assert ids(city.post("entityOperations/query", geo)) == ["001", "002"]
    problem(city.post("entityOperations/query", {"type": "Entity"}), "BadRequestData", 400)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("x>2", ["a", "d"]),
        ("x==5", ["a"]),
        ('x=="3"', ["b"]),
        ("x==true", ["c"]),
        ("x==urn:ngsi-ld:Thing:target", ["e"]),
        ("x", ["a", "b", "c", "d", "e"]),
        ("x>2|x==true", ["a", "c", "d"]),
        ("x==1..5", ["d"]),
        ('x!="3"', ["a", "c", "d", "e"]),
    ],
)
def test_q_semantics_on_mixed_value_types(ngsi, q, expected):
    """Arrays match if any element does, type mismatches never match; the same on SQLite (Python) and on
    PostgreSQL (jsonpath in SQL)."""
    values = {"a": [1, 5], "b": "3", "c": True, "d": 4.5}
    for key, value in values.items():
        ngsi.post(
            "entities", {"id": f"urn:ngsi-ld:Thing:{key}", "type": "Thing", "x": {"type": "Property", "value": value}}
        )
    ngsi.post(
        "entities",
        {
            "id": "urn:ngsi-ld:Thing:e",
            "type": "Thing",
            "x": {"type": "Relationship", "object": "urn:ngsi-ld:Thing:target"},
        },
    )
    response = ngsi.get("entities", {"type": "Thing", "q": q, "count": "true"})
    assert ids(response) == expected
    assert response["NGSILD-Results-Count"] == str(len(expected))


def test_large_geometries_are_found_by_geo_queries(ngsi):
    district = [[[126.97, 37.40], [127.02, 37.40], [127.02, 37.45], [126.97, 37.45], [126.97, 37.40]]]
    ngsi.post(
        "entities",
        {
            "id": "urn:ngsi-ld:AdministrativeArea:gwacheon:jungang",
            "type": "AdministrativeArea",
            "location": {"type": "GeoProperty", "value": {"type": "Polygon", "coordinates": district}},
        },
    )
    ngsi.post("entities", spot(1))
    point = {"geometry": "Point", "coordinates": "[126.995,37.44]"}
    found = ngsi.get("entities", {"type": "AdministrativeArea,ParkingSpot", "georel": "intersects", **point})
    assert ids(found) == ["jungang"]
    close = ngsi.get("entities", {"type": "AdministrativeArea,ParkingSpot", **near([126.995, 37.449], 50)})
    assert ids(close) == ["jungang"]
