"""A real NGSI-LD client written by others (Orange's ngsildclient) against the hub on a live server."""

import pytest
import requests
from ngsildclient import Client, Entity

from datahub.models import ApiKeyScope
from datahub.services import api_key_create
from tests.conftest import member_of
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)
SDM = "https://smartdatamodels.org/context.jsonld"


class Bearer(requests.auth.AuthBase):
    def __init__(self, secret: str):
        self.secret = secret

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.secret}"
        return request


@pytest.fixture
def client(live_server):
    organization = OrganizationFactory(name="나눔파킹 주식회사")
    key, secret = api_key_create(
        actor=member_of(organization),
        organization=organization,
        name="ngsildclient",
        scopes=[ApiKeyScope.READ_SANDBOX, ApiKeyScope.WRITE_OWN_TENANT],
    )
    host, port = live_server.url.removeprefix("http://").split(":")
    hub = Client(hostname=host, port=int(port), tenant=key.tenant, custom_auth=Bearer(secret), verbose=False)
    yield hub
    hub.close()


def parking_spot(n: int, status: str) -> Entity:
    entity = Entity("ParkingSpot", f"gwacheon:{n:03d}", ctx=[SDM])
    entity.prop("name", f"과천 중앙공원 주차면 {n}")
    entity.prop("status", status, observedat="2026-11-01T09:00:00Z")
    entity.gprop("location", (37.43, 126.99 + n / 1000))
    return entity


def test_ngsildclient_create_get_query_update_delete(client):
    assert client.create(parking_spot(1, "free"))
    got = client.get("urn:ngsi-ld:ParkingSpot:gwacheon:001", ctx=SDM)
    assert got["status"]["value"] == "free"
    assert got["name"]["value"] == "과천 중앙공원 주차면 1"

    client.upsert(parking_spot(2, "occupied"), parking_spot(3, "occupied"))
    occupied = client.query(type="ParkingSpot", q='status=="occupied"', ctx=SDM)
    assert sorted(e.id for e in occupied) == [
        "urn:ngsi-ld:ParkingSpot:gwacheon:002",
        "urn:ngsi-ld:ParkingSpot:gwacheon:003",
    ]

    spot = parking_spot(1, "occupied")
    client.update(spot)
    assert client.get("urn:ngsi-ld:ParkingSpot:gwacheon:001", ctx=SDM)["status"]["value"] == "occupied"

    assert client.delete(spot)
    assert not client.exists("urn:ngsi-ld:ParkingSpot:gwacheon:001")
