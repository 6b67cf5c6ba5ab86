"""Operators manage every marketplace model from the Wagtail admin (lists with filters and search,
detail views), and see pending approvals on the dashboard. Nobody else gets in."""

import pytest

from marketplace.models import OrganizationKind, SolutionStatus
from marketplace.wagtail_hooks import ensure_operator_group
from tests.conftest import member_of
from tests.factories import (
    MembershipFactory,
    OperatorOrgFactory,
    OrganizationFactory,
    OutcomeKPIFactory,
    ReferenceFactory,
    SolutionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# (url prefix, filter query, a search term, text of the sample row the search finds)
LISTINGS = [
    ("solutions", "status=published", "스마트 쉘터", "스마트 쉘터 S"),
    ("organizations", "kind=company", "쉘터", "(주)쉘터원"),
    ("memberships", "status=active&role=admin", "쉘터원", "(주)쉘터원"),
    ("solution-versions", "solution__status=published", "스마트 쉘터", "2.1"),
    ("solution-media", "kind=image", "외관", "스마트 쉘터 외관"),
    ("references", "year=2023", "과천", "과천시"),
    ("outcome-kpis", "lower_is_better=true", "민원", "정류장 민원"),
    ("solution-transitions", "to_status=published", "스마트 쉘터", "스마트 쉘터 S"),
    ("domains", "", "", ""),
    ("solution-types", "domain=1", "TRN-04", "불법주정차 단속"),
]


@pytest.fixture
def operator(db):
    user = UserFactory(email="ops-admin@openlab.example")
    user.groups.add(ensure_operator_group())
    member_of(OperatorOrgFactory(), user=user)
    return user


@pytest.fixture
def sample(operator):
    company = OrganizationFactory(kind=OrganizationKind.COMPANY, name="(주)쉘터원")
    solution = SolutionFactory(company=company, name="스마트 쉘터 S")
    solution.versions.create(version="2.1", changelog="냉방 제어 개선")
    solution.media.create(kind="image", file="solutions/shelter.png", caption="스마트 쉘터 외관")
    solution.transitions.create(from_status="submitted", to_status="published", actor=operator, note="요건 충족")
    gwacheon = OrganizationFactory(kind="municipality", name="과천시")
    reference = ReferenceFactory(solution=solution, municipality=gwacheon)
    reference.year = 2023
    reference.save()
    OutcomeKPIFactory(reference=reference, metric="정류장 민원", lower_is_better=True)
    return solution


@pytest.mark.parametrize("prefix,filters,term,found", LISTINGS)
def test_operator_lists_filters_and_searches_every_model(client, operator, sample, prefix, filters, term, found):
    MembershipFactory(organization=sample.company, role="admin")
    client.force_login(operator)
    assert client.get(f"/admin/{prefix}/").status_code == 200
    if filters:
        assert client.get(f"/admin/{prefix}/?{filters}").status_code == 200
    if term:
        response = client.get(f"/admin/{prefix}/results/", {"q": term})
        assert response.status_code == 200
        assert found in response.content.decode()


@pytest.mark.parametrize("prefix", ["memberships", "references", "outcome-kpis", "solution-transitions"])
def test_operator_inspects_a_row(client, operator, sample, prefix):
    from marketplace.models import Membership, OutcomeKPI, Reference, SolutionTransition

    model = {
        "memberships": Membership,
        "references": Reference,
        "outcome-kpis": OutcomeKPI,
        "solution-transitions": SolutionTransition,
    }[prefix]
    client.force_login(operator)
    assert client.get(f"/admin/{prefix}/inspect/{model.objects.first().pk}/").status_code == 200


@pytest.mark.parametrize("prefix", ["memberships", "references", "outcome-kpis", "solution-transitions"])
def test_company_members_are_kept_out(client, sample, prefix):
    user = MembershipFactory(organization=sample.company).user
    user.groups.add(ensure_operator_group())  # even with the group, only operator members get in
    client.force_login(user)
    assert client.get(f"/admin/{prefix}/").status_code in (302, 403)


def test_dashboard_panel_lists_pending_approvals(client, operator):
    SolutionFactory(name="검토 대기 스마트폴", status=SolutionStatus.SUBMITTED, published_at=None)
    OrganizationFactory(kind=OrganizationKind.COMPANY, name="(주)신규확인", is_verified=False)
    client.force_login(operator)
    html = client.get("/admin/").content.decode()
    assert "openlab-pending-approvals" in html
    assert "검토 대기 스마트폴" in html and "심사 대기 솔루션 1건" in html
    assert "(주)신규확인" in html


def test_dashboard_panel_is_only_for_operators(client, db):
    editor = UserFactory()
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "openlab-pending-approvals" not in response.content.decode()
