import json

import pytest

from datahub.ldcontext import SDM_CONTEXT_URL
from datahub.models import ApiKeyScope
from datahub.services import api_key_create
from tests.conftest import member_of
from tests.factories import OrganizationFactory

LINK = f'<{SDM_CONTEXT_URL}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'
API = "/ngsi-ld/v1/"


class Ngsi:
    """A test client speaking NGSI-LD with one API key (and optionally its own tenant)."""

    def __init__(self, client, secret: str, tenant: str | None = None, link: str | None = LINK):
        self.client = client
        self.secret = secret
        self.tenant = tenant
        self.link = link

    def headers(self, extra=None):
        headers = {"Authorization": f"Bearer {self.secret}"}
        if self.tenant:
            headers["NGSILD-Tenant"] = self.tenant
        if self.link:
            headers["Link"] = self.link
        headers.update(extra or {})
        return headers

    def get(self, path, params=None, **headers):
        return self.client.get(API + path, params or {}, headers=self.headers(headers))

    def send(self, method, path, body=None, content_type="application/json", **headers):
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        call = getattr(self.client, method.lower())
        return call(API + path, data=data, content_type=content_type, headers=self.headers(headers))

    def post(self, path, body=None, **kw):
        return self.send("POST", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.send("PATCH", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.send("PUT", path, body, **kw)

    def delete(self, path, **headers):
        return self.client.delete(API + path, headers=self.headers(headers))


@pytest.fixture(autouse=True)
def _usage_written_every_request(settings):
    settings.DATAHUB_USAGE_FLUSH_SECONDS = 0


@pytest.fixture
def startup(db):
    return OrganizationFactory(name="나눔파킹 주식회사", is_startup=True)


@pytest.fixture
def startup_user(startup):
    return member_of(startup)


@pytest.fixture
def key_pair(startup, startup_user):
    return api_key_create(
        actor=startup_user,
        organization=startup,
        name="주차 안내 앱 개발 서버",
        scopes=[ApiKeyScope.READ_SANDBOX, ApiKeyScope.WRITE_OWN_TENANT],
    )


@pytest.fixture
def ngsi(client, key_pair):
    """Writes into the startup's own tenant."""
    key, secret = key_pair
    return Ngsi(client, secret, tenant=key.tenant)


@pytest.fixture
def sandbox(client, key_pair):
    """Reads the shared sandbox tenant."""
    return Ngsi(client, key_pair[1])


def problem(response, error_type: str, status: int):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["type"] == "https://uri.etsi.org/ngsi-ld/errors/" + error_type, body
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def spot(n=1, status="free", **extra):
    return {
        "id": f"urn:ngsi-ld:ParkingSpot:gwacheon:{n:03d}",
        "type": "ParkingSpot",
        "name": {"type": "Property", "value": f"과천 중앙공원 주차면 {n}"},
        "status": {"type": "Property", "value": status, "observedAt": "2026-11-01T09:00:00Z"},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [126.99 + n / 1000, 37.43]}},
        **extra,
    }
