"""Context source registrations (ETSI GS CIM 009 §5.9): CRUD, the City Data Hub path, errors, privacy."""

import json

import pytest

from datahub.models import ContextSourceRegistration

from .conftest import problem

pytestmark = pytest.mark.django_db
REG = "urn:ngsi-ld:ContextSourceRegistration:siheung-parking"


def registration(**extra):
    return {
        "type": "ContextSourceRegistration",
        "information": [{"entities": [{"type": "OffStreetParking"}], "propertyNames": ["availableSpotNumber"]}],
        "endpoint": "http://broker.siheung.example/ngsi-ld/v1",
        **extra,
    }


def test_registration_crud(ngsi):
    created = ngsi.post("csourceRegistrations", registration(id=REG, registrationName="시흥시 공영주차장"))
    assert created.status_code == 201, created.content
    assert created["Location"] == f"/ngsi-ld/v1/csourceRegistrations/{REG}"

    got = ngsi.get(f"csourceRegistrations/{REG}").json()
    assert got["id"] == REG and got["type"] == "ContextSourceRegistration"
    assert got["registrationName"] == "시흥시 공영주차장" and got["endpoint"].startswith("http://broker.siheung")
    assert got["createdAt"] and got["modifiedAt"]

    assert ngsi.patch(f"csourceRegistrations/{REG}", {"description": "15분 주기 갱신"}).status_code == 204
    assert ngsi.get(f"csourceRegistrations/{REG}").json()["description"] == "15분 주기 갱신"

    listed = ngsi.get("csourceRegistrations", {"type": "OffStreetParking", "count": "true"})
    assert [r["id"] for r in listed.json()] == [REG] and listed["NGSILD-Results-Count"] == "1"
    assert ngsi.get("csourceRegistrations", {"type": "Streetlight"}).json() == []

    problem(ngsi.post("csourceRegistrations", registration(id=REG)), "AlreadyExists", 409)
    assert ngsi.delete(f"csourceRegistrations/{REG}").status_code == 204
    problem(ngsi.get(f"csourceRegistrations/{REG}"), "ResourceNotFound", 404)
    problem(ngsi.delete(f"csourceRegistrations/{REG}"), "ResourceNotFound", 404)


def test_city_data_hub_path_answers_too(ngsi):
    created = ngsi.client.post(
        "/datahub/csourceRegistrations",
        data=json.dumps(registration(id=REG)),
        content_type="application/json",
        headers=ngsi.headers(),
    )
    assert created.status_code == 201, created.content
    assert created["Location"] == f"/datahub/csourceRegistrations/{REG}"
    assert ngsi.get(f"csourceRegistrations/{REG}").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {**registration(), "type": "Registration"},
        {**registration(), "information": []},
        {**registration(), "information": [{"colour": "red"}]},
        {**registration(), "information": [{"entities": [{"id": "urn:x:1"}]}]},
        {**registration(), "information": [{"propertyNames": ["has space"]}]},
        {k: v for k, v in registration().items() if k != "endpoint"},
        registration(endpoint="ftp://broker.example/"),
        registration(id="not a uri"),
        registration(mode="sometimes"),
        registration(observationInterval={"startAt": "2026-11-02T00:00:00Z", "endAt": "2026-11-01T00:00:00Z"}),
        registration(location={"type": "Point", "coordinates": [500, 37.4]}),
        registration(location="과천역"),
        registration(observationInterval={"startAt": 5}),
        registration(observationInterval="2026-11-01"),
        {**registration(), "information": [{"entities": [{"type": [1, 2]}]}]},
        {**registration(), "information": "OffStreetParking"},
        registration(operations="retrieveEntity"),
        registration(expiresAt="tomorrow"),
        registration(colour="red"),
    ],
)
def test_bad_registrations(ngsi, body):
    problem(ngsi.post("csourceRegistrations", body), "BadRequestData", 400)
    assert not ContextSourceRegistration.objects.exists()


def test_registrations_are_private_and_the_sandbox_tenant_is_read_only(ngsi, sandbox, client):
    from datahub.models import ApiKeyScope
    from datahub.services import api_key_create
    from tests.conftest import member_of
    from tests.factories import OrganizationFactory

    from .conftest import Ngsi

    assert sandbox.post("csourceRegistrations", registration()).status_code == 403
    ngsi.post("csourceRegistrations", registration(id=REG))
    other = OrganizationFactory()
    _, secret = api_key_create(
        actor=member_of(other), organization=other, name="다른 기업", scopes=[ApiKeyScope.READ_SANDBOX]
    )
    # Another organization cannot reach this tenant, so not its registrations either.
    outsider = Ngsi(client, secret, tenant=ngsi.tenant)
    problem(outsider.get(f"csourceRegistrations/{REG}"), "NonexistentTenant", 404)
    assert outsider.__class__(client, secret).get("csourceRegistrations").json() == []
