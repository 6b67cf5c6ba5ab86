"""The copy-paste examples of the quick start and dataset pages work against the hub on a live server, with
the sandbox city loaded: ngsildclient with an X-API-Key, and the curl queries (sent with requests)."""

from datetime import date
from urllib.parse import quote

import pytest
import requests
from ngsildclient import Client

from datahub.models import ApiKeyScope
from datahub.sandbox.loading import sandbox_load
from datahub.services import api_key_create
from tests.conftest import member_of
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)
SDM = "https://smartdatamodels.org/context.jsonld"
LINK = f'<{SDM}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'


class ApiKey(requests.auth.AuthBase):  # as on the quick start page
    def __init__(self, key):
        self.key = key

    def __call__(self, request):
        request.headers["X-API-Key"] = self.key
        return request


@pytest.fixture
def key(live_server):
    sandbox_load(start=date(2026, 11, 2), days=1)
    organization = OrganizationFactory(name="나눔파킹 주식회사", is_startup=True)
    _, secret = api_key_create(
        actor=member_of(organization), organization=organization, name="예제", scopes=[ApiKeyScope.READ_SANDBOX]
    )
    return secret


def test_quick_start_ngsildclient_example(live_server, key):
    host, port = live_server.url.removeprefix("http://").split(":")
    client = Client(hostname=host, port=int(port), secure=False, custom_auth=ApiKey(key), verbose=False)
    busy = client.query(type="OffStreetParking", q="occupancy>0.8", ctx=SDM)
    client.close()
    assert busy, "at the end of a Monday some car park is more than 80 % full"
    for lot in busy:
        assert lot.id.startswith("urn:ngsi-ld:OffStreetParking:gwacheon:")
        assert lot["occupancy"]["value"] > 0.8 and lot["name"]["value"]


def test_quick_start_requests_example(live_server, key):
    response = requests.get(
        f"{live_server.url}/ngsi-ld/v1/entities",
        params={"type": "AirQualityObserved", "attrs": "name,pm10,pm25", "options": "keyValues"},
        headers={"X-API-Key": key, "Link": LINK},
        timeout=10,
    )
    response.raise_for_status()
    stations = response.json()
    assert len(stations) == 7
    assert all(isinstance(s["pm10"], int | float) and s["name"] for s in stations)


def test_dataset_page_temporal_example(live_server, key):
    entity = "urn:ngsi-ld:OffStreetParking:gwacheon:gwacheon-station-01"
    response = requests.get(
        f"{live_server.url}/ngsi-ld/v1/temporal/entities/{quote(entity, safe='')}",
        params={"attrs": "occupancy", "lastN": "96", "options": "temporalValues"},
        headers={"X-API-Key": key, "Link": LINK},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    values = response.json()["occupancy"]["values"]
    assert len(values) == 96
