"""API keys, tenancy and rate limits on the NGSI-LD API."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from datahub.models import ApiKey, ApiKeyScope
from datahub.services import api_key_create, temporal_entities_load
from datahub.tenancy import DEFAULT_TENANT
from tests.conftest import member_of
from tests.factories import OrganizationFactory

from .conftest import API, Ngsi, problem, spot

pytestmark = pytest.mark.django_db


def test_anonymous_is_401_problem_details(client):
    response = client.get(API + "entities", {"type": "ParkingSpot"})
    body = problem(response, "Unauthorized", 401)
    assert "API key" in body["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_key_is_401(client):
    problem(client.get(API + "types", headers={"Authorization": "Bearer olk_nope"}), "Unauthorized", 401)


def test_x_api_key_header_works(client, key_pair):
    assert client.get(API + "types", headers={"X-API-Key": key_pair[1]}).status_code == 200


def test_revoked_key_is_refused(sandbox, key_pair, startup_user):
    from datahub.services import api_key_revoke

    api_key_revoke(actor=startup_user, key=key_pair[0])
    body = problem(sandbox.get("types"), "Unauthorized", 401)
    assert "revoked" in body["detail"]


def test_expired_key_is_refused(sandbox, key_pair):
    ApiKey.objects.filter(pk=key_pair[0].pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert "expired" in problem(sandbox.get("types"), "Unauthorized", 401)["detail"]


def test_rate_limit_answers_429_with_retry_after(sandbox, key_pair):
    from django.core.cache import cache

    cache.clear()
    ApiKey.objects.filter(pk=key_pair[0].pk).update(rate_limit_per_minute=3)
    assert [sandbox.get("types").status_code for _ in range(3)] == [200, 200, 200]
    response = sandbox.get("types")
    problem(response, "TooManyRequests", 429)
    assert 1 <= int(response["Retry-After"]) <= 60


def test_usage_is_counted(sandbox, key_pair):
    sandbox.get("types")
    sandbox.get("types")
    key = ApiKey.objects.get(pk=key_pair[0].pk)
    assert key.request_count == 2 and key.last_used_at is not None
    assert key.daily_usage.get().requests == 2


def test_usage_is_written_in_batches_when_busy(sandbox, key_pair, settings):
    from django.core.cache import cache

    cache.clear()
    settings.DATAHUB_USAGE_FLUSH_SECONDS = 60
    for _ in range(3):
        sandbox.get("types")
    assert ApiKey.objects.get(pk=key_pair[0].pk).request_count == 1  # first request flushed, two pending
    cache.delete(f"datahub:usage-flushed:{key_pair[0].pk}")
    sandbox.get("types")
    assert ApiKey.objects.get(pk=key_pair[0].pk).request_count == 4


def test_sandbox_tenant_is_shared_and_read_only(sandbox):
    temporal_entities_load(tenant=DEFAULT_TENANT, entities=[spot(1)])
    assert sandbox.get(f"entities/{spot(1)['id']}").json()["name"]["value"] == "과천 중앙공원 주차면 1"
    problem(sandbox.post("entities", spot(2)), "Forbidden", 403)
    problem(sandbox.delete(f"entities/{spot(1)['id']}"), "Forbidden", 403)


def test_tenants_are_isolated(client, ngsi, key_pair):
    assert ngsi.post("entities", spot(1)).status_code == 201
    other_org = OrganizationFactory()
    _, other_secret = api_key_create(
        actor=member_of(other_org), organization=other_org, name="다른 기업", scopes=[ApiKeyScope.WRITE_OWN_TENANT]
    )
    other = Ngsi(client, other_secret, tenant=key_pair[0].tenant)
    problem(other.get(f"entities/{spot(1)['id']}"), "NonexistentTenant", 404)
    problem(other.post("entities", spot(2)), "NonexistentTenant", 404)
    own = Ngsi(client, other_secret, tenant=f"org-{other_org.pk}")
    problem(own.get(f"entities/{spot(1)['id']}"), "ResourceNotFound", 404)
    sandbox = Ngsi(client, key_pair[1])
    problem(sandbox.get(f"entities/{spot(1)['id']}"), "ResourceNotFound", 404)
    response = ngsi.get(f"entities/{spot(1)['id']}")
    assert response.status_code == 200 and response["NGSILD-Tenant"] == key_pair[0].tenant


def test_unknown_tenant_is_nonexistent_tenant(client, key_pair):
    problem(Ngsi(client, key_pair[1], tenant="no-such-tenant").get("types"), "NonexistentTenant", 404)


def test_scopes_are_enforced(client, startup, startup_user):
    key, secret = api_key_create(
        actor=startup_user, organization=startup, name="읽기 전용", scopes=[ApiKeyScope.READ_SANDBOX]
    )
    problem(Ngsi(client, secret, tenant=key.tenant).post("entities", spot(1)), "Forbidden", 403)
    key2, secret2 = api_key_create(
        actor=startup_user, organization=startup, name="쓰기 전용", scopes=[ApiKeyScope.WRITE_OWN_TENANT]
    )
    problem(Ngsi(client, secret2).get("types"), "Forbidden", 403)


def test_keys_page_creates_a_key_shown_once_and_revokes_it(client, startup, startup_user):
    client.force_login(startup_user)
    page = client.get(reverse("datahub:keys"))
    assert page.status_code == 200
    assert f"NGSILD-Tenant: org-{startup.pk}" in page.content.decode()
    response = client.post(
        reverse("datahub:keys"),
        {
            "organization": startup.pk,
            "name": "주차 안내 앱",
            "scopes": [ApiKeyScope.READ_SANDBOX, ApiKeyScope.WRITE_OWN_TENANT],
            "rate_limit_per_minute": 600,
        },
    )
    html = response.content.decode()
    assert 'id="api-key-value"' in html
    secret = html.split('id="api-key-value" class="portal-code">')[1].split("<")[0]
    key = ApiKey.objects.get()
    assert secret.startswith("olk_") and secret not in key.hashed and key.prefix in secret
    assert client.get(API + "types", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    assert secret not in client.get(reverse("datahub:keys")).content.decode()
    client.post(reverse("datahub:key_revoke", args=[key.pk]))
    assert client.get(API + "types", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_keys_page_refuses_bad_input_and_other_organizations(client, startup, startup_user):
    client.force_login(startup_user)
    response = client.post(reverse("datahub:keys"), {"organization": startup.pk, "name": "", "scopes": []})
    assert response.status_code == 200 and not ApiKey.objects.exists()
    other = OrganizationFactory()
    client.post(reverse("datahub:keys"), {"organization": other.pk, "name": "x", "scopes": ["read-sandbox"]})
    assert not ApiKey.objects.exists()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    data = {"organization": startup.pk, "name": "x", "scopes": ["read-sandbox"], "expires_at": past}
    data["rate_limit_per_minute"] = 10
    assert "오늘 이후" in client.post(reverse("datahub:keys"), data).content.decode()
    assert not ApiKey.objects.exists()


def test_keys_page_requires_login(client):
    assert client.get(reverse("datahub:keys")).status_code == 302


def test_revoking_a_key_of_another_organization_is_forbidden(client, key_pair):
    outsider = member_of(OrganizationFactory())
    client.force_login(outsider)
    assert client.post(reverse("datahub:key_revoke", args=[key_pair[0].pk])).status_code == 403
    assert ApiKey.objects.get(pk=key_pair[0].pk).revoked_at is None


def test_openapi_schema_links_to_the_ngsi_ld_docs(client):
    schema = client.get("/api/schema/", headers={"Accept": "application/json"}).content.decode()
    assert "/ngsi-ld/v1/" in schema and "/sandbox/quickstart/" in schema


def test_dashboard_shows_api_key_usage(client, sandbox, key_pair, startup_user):
    sandbox.get("types")
    sandbox.get("types")
    client.force_login(startup_user)
    html = client.get(reverse("marketplace:dashboard")).content.decode()
    assert 'id="sandbox-usage"' in html
    assert "주차 안내 앱 개발 서버" in html and "요청 2건" in html
