"""Temporal API (ETSI GS CIM 009 §5.6.11–5.6.16, §5.7.3–5.7.4): history, timerel, lastN, temporalValues,
aggregation."""

import pytest

from datahub.services import temporal_entities_load
from datahub.tenancy import DEFAULT_TENANT

from .conftest import problem

pytestmark = pytest.mark.django_db
ID = "urn:ngsi-ld:AirQualityObserved:gwacheon:byeolyang"


def station(values):
    return {
        "id": ID,
        "type": "AirQualityObserved",
        "pm10": [
            {"type": "Property", "value": v, "unitCode": "GQ", "observedAt": f"2026-11-01T{h:02d}:{m:02d}:00Z"}
            for (h, m), v in values
        ],
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [126.9965, 37.4292]}},
    }


@pytest.fixture
def history(sandbox):
    temporal_entities_load(
        tenant=DEFAULT_TENANT,
        entities=[station([((8, 0), 30), ((8, 30), 50), ((9, 0), 70), ((9, 30), 90), ((10, 0), 40)])],
    )
    return sandbox


def values(body, attr="pm10"):
    return [i["value"] for i in body[attr]]


def test_current_state_is_the_latest_instance(history):
    assert history.get(f"entities/{ID}").json()["pm10"]["value"] == 40


def test_full_history_normalized(history):
    body = history.get(f"temporal/entities/{ID}").json()
    assert values(body) == [30, 50, 70, 90, 40]
    assert body["pm10"][0]["observedAt"] == "2026-11-01T08:00:00Z"
    assert body["pm10"][0]["instanceId"].startswith("urn:ngsi-ld:Instance:")
    assert body["pm10"][0]["unitCode"] == "GQ"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"timerel": "before", "timeAt": "2026-11-01T09:00:00Z"}, [30, 50]),
        ({"timerel": "after", "timeAt": "2026-11-01T09:00:00Z"}, [70, 90, 40]),
        ({"timerel": "between", "timeAt": "2026-11-01T08:30:00Z", "endTimeAt": "2026-11-01T09:30:00Z"}, [50, 70]),
        ({"lastN": "2"}, [90, 40]),
        ({"timerel": "before", "timeAt": "2026-11-01T09:45:00Z", "lastN": "2"}, [70, 90]),
    ],
)
def test_timerel_and_last_n(history, params, expected):
    assert values(history.get(f"temporal/entities/{ID}", params).json()) == expected


def test_temporal_values(history):
    body = history.get(f"temporal/entities/{ID}", {"options": "temporalValues", "lastN": "2"}).json()
    assert body["pm10"] == {
        "type": "Property",
        "values": [[90, "2026-11-01T09:30:00Z"], [40, "2026-11-01T10:00:00Z"]],
    }


def test_aggregation_per_hour(history):
    params = {
        "aggrMethods": "avg,min,max,sum,totalCount",
        "aggrPeriodDuration": "PT1H",
        "timerel": "between",
        "timeAt": "2026-11-01T08:00:00Z",
        "endTimeAt": "2026-11-01T11:00:00Z",
        "attrs": "pm10",
    }
    pm10 = history.get(f"temporal/entities/{ID}", params).json()["pm10"]
    assert pm10["avg"] == [
        [40, "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z"],
        [80, "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z"],
        [40, "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z"],
    ]
    assert [v[0] for v in pm10["max"]] == [50, 90, 40]
    assert [v[0] for v in pm10["min"]] == [30, 70, 40]
    assert [v[0] for v in pm10["sum"]] == [80, 160, 40]
    assert [v[0] for v in pm10["totalCount"]] == [2, 2, 1]


def test_query_temporal_entities_by_type(history):
    params = {"type": "AirQualityObserved", "attrs": "pm10", "timerel": "after", "timeAt": "2026-11-01T09:30:00Z"}
    response = history.get("temporal/entities", {**params, "count": "true"})
    assert response["NGSILD-Results-Count"] == "1"
    assert values(response.json()[0]) == [90, 40]
    post = history.post(
        "temporal/entityOperations/query",
        {
            "type": "Query",
            "entities": [{"type": "AirQualityObserved"}],
            "attrs": ["pm10"],
            "temporalQ": {"timerel": "before", "timeAt": "2026-11-01T08:30:00Z"},
        },
    )
    assert values(post.json()[0]) == [30]


@pytest.mark.parametrize(
    "params",
    [
        {"timerel": "before"},
        {"timerel": "sometime", "timeAt": "2026-11-01T09:00:00Z"},
        {"timerel": "before", "timeAt": "yesterday"},
        {"timerel": "between", "timeAt": "2026-11-01T09:00:00Z"},
        {"timerel": "between", "timeAt": "2026-11-01T09:00:00Z", "endTimeAt": "2026-11-01T08:00:00Z"},
        {"lastN": "0"},
        {"aggrMethods": "median", "aggrPeriodDuration": "PT1H"},
        {"aggrMethods": "avg", "aggrPeriodDuration": "one hour"},
        {"timeproperty": "deletedAt"},
    ],
)
def test_bad_temporal_parameters(history, params):
    problem(history.get(f"temporal/entities/{ID}", params), "BadRequestData", 400)


def test_unknown_temporal_entity(history):
    problem(history.get("temporal/entities/urn:ngsi-ld:AirQualityObserved:none"), "ResourceNotFound", 404)


def test_write_temporal_entity_and_append_instances(ngsi):
    body = station([((8, 0), 30)])
    created = ngsi.post("temporal/entities", body)
    assert created.status_code == 201
    assert created["Location"] == f"/ngsi-ld/v1/temporal/entities/{ID}"
    assert ngsi.post("temporal/entities", station([((8, 15), 35)])).status_code == 204
    more = {"pm10": [{"type": "Property", "value": 45, "observedAt": "2026-11-01T08:30:00Z"}]}
    assert ngsi.post(f"temporal/entities/{ID}/attrs", more).status_code == 204
    assert values(ngsi.get(f"temporal/entities/{ID}").json()) == [30, 35, 45]
    assert ngsi.get(f"entities/{ID}").json()["pm10"]["value"] == 45
    assert ngsi.delete(f"temporal/entities/{ID}/attrs/pm10").status_code == 204
    assert "pm10" not in ngsi.get(f"temporal/entities/{ID}").json()
    assert ngsi.delete(f"temporal/entities/{ID}").status_code == 204
    problem(ngsi.get(f"temporal/entities/{ID}"), "ResourceNotFound", 404)


def test_history_is_kept_for_api_updates(ngsi):
    ngsi.post(
        "entities",
        {"id": ID, "type": "AirQualityObserved", "pm10": {"value": 20, "observedAt": "2026-11-01T07:00:00Z"}},
    )
    ngsi.patch(f"entities/{ID}/attrs/pm10", {"value": 25, "observedAt": "2026-11-01T07:15:00Z"})
    assert values(ngsi.get(f"temporal/entities/{ID}").json()) == [20, 25]
