"""Sign up, then create or join an organization."""

import pytest

from accounts.models import User
from marketplace.models import Membership, MembershipStatus, Organization

pytestmark = pytest.mark.django_db


def test_sign_up_with_email_then_create_a_company(client):
    response = client.post(
        "/ko/accounts/signup/",
        {"email": "ceo@parkview.example", "password1": "Str0ng-pass-2026", "password2": "Str0ng-pass-2026"},
    )
    assert response.status_code == 302 and response["Location"] == "/ko/onboarding/"
    assert User.objects.filter(email="ceo@parkview.example").exists()
    response = client.post(
        "/ko/onboarding/",
        {
            "action": "create",
            "org-kind": "company",
            "org-name": "(주)파크뷰테크",
            "org-business_number": "220-81-62517",
        },
    )
    assert response.status_code == 302
    org = Organization.objects.get(name="(주)파크뷰테크")
    assert org.memberships.get().user.email == "ceo@parkview.example"


def test_invalid_business_number_is_shown_on_the_form(client):
    client.force_login(User.objects.create_user(email="a@example.kr", password="x"))
    response = client.post(
        "/ko/onboarding/",
        {"action": "create", "org-kind": "company", "org-name": "(주)틀린번호", "org-business_number": "1234567890"},
    )
    assert response.status_code == 400
    assert "유효하지 않은 사업자등록번호" in response.content.decode()
    assert not Organization.objects.filter(name="(주)틀린번호").exists()


def test_operator_is_not_offered(client):
    client.force_login(User.objects.create_user(email="a@example.kr", password="x"))
    response = client.post("/ko/onboarding/", {"action": "create", "org-kind": "operator", "org-name": "가짜 운영기관"})
    assert response.status_code == 400
    assert not Organization.objects.filter(name="가짜 운영기관").exists()


def test_join_then_admin_approves_on_dashboard(client, company, company_user):
    newcomer = User.objects.create_user(email="new@example.kr", password="x")
    client.force_login(newcomer)
    response = client.post(
        "/ko/onboarding/", {"action": "join", "join-organization": company.pk, "join-message": "안녕하세요"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer)
    assert membership.status == MembershipStatus.PENDING

    client.force_login(newcomer)
    client.post(f"/ko/memberships/{membership.pk}/decide/", {"decision": "approve"})
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING, "nobody approves their own request"

    client.force_login(company_user)
    assert "new@example.kr" in client.get("/ko/dashboard/").content.decode()
    client.post(f"/ko/memberships/{membership.pk}/decide/", {"decision": "approve"})
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE


def test_healthz(client):
    assert client.get("/healthz/").json() == {"status": "ok", "database": "ok"}
