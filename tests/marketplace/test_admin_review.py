"""Operators review solutions in the Wagtail admin: queue, approve / reject, history."""

import pytest
from django.urls import reverse

from accounts.models import User
from marketplace.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    Solution,
    SolutionStatus,
    SolutionTransition,
    SolutionType,
)
from marketplace.services import solution_create, solution_submit
from marketplace.wagtail_hooks import ensure_operator_group

pytestmark = pytest.mark.django_db


def _member(organization: Organization, email: str, **user_fields) -> User:
    user = User.objects.create_user(email=email, password="pw-12345!", **user_fields)
    Membership.objects.create(
        user=user, organization=organization, role=MembershipRole.ADMIN, status=MembershipStatus.ACTIVE
    )
    return user


def _operator() -> User:
    ministry = Organization.objects.create(kind=OrganizationKind.OPERATOR, name="스마트도시 운영센터", slug="ops")
    user = _member(ministry, "operator@openlab.kr", name="김운영")
    user.groups.add(ensure_operator_group())
    return user


def _company() -> tuple[Organization, User]:
    company = Organization.objects.create(
        kind=OrganizationKind.COMPANY, name="(주)파킹아이", slug="parking-eye", business_number="1208147521"
    )
    return company, _member(company, "ceo@parkingeye.kr", name="이대표")


def _solution(company, member, *, name="이동식 불법주정차 단속", submit=True) -> Solution:
    solution = solution_create(
        actor=member,
        company=company,
        types=[SolutionType.objects.get(code="TRN-04")],
        name=name,
        summary="차량 탑재 카메라로 불법주정차를 감지합니다.",
        description="순찰 차량 영상을 분석해 단속 대상 차량을 찾습니다.",
        pricing_model="per_unit",
        price_min=30_000_000,
    )
    if submit:
        solution_submit(actor=member, solution=solution, note="검토 부탁드립니다")
    return solution


@pytest.fixture
def operator(client):
    user = _operator()
    client.force_login(user)
    return user


@pytest.fixture
def submitted():
    company, member = _company()
    return _solution(company, member)


def test_queue_lists_submitted_solutions_for_an_operator(client, operator, submitted):
    draft = _solution(
        submitted.company, User.objects.get(email="ceo@parkingeye.kr"), name="스마트 횡단보도", submit=False
    )

    response = client.get(reverse("solutions:index"), {"status": SolutionStatus.SUBMITTED})

    assert response.status_code == 200
    page = response.content.decode()
    assert submitted.name in page and "(주)파킹아이" in page
    assert draft.name not in page, "the status filter keeps drafts out of the queue"
    assert reverse("solutions:approve", args=[submitted.pk]) in page
    assert reverse("solutions:reject", args=[submitted.pk]) in page


def test_solutions_cannot_be_edited_or_added_in_the_admin(client, operator, submitted):
    response = client.get(reverse("solutions:index"))

    assert "/admin/solutions/edit/" not in response.content.decode()
    assert client.get(f"/admin/solutions/edit/{submitted.pk}/").status_code == 404
    assert client.get("/admin/solutions/new/").status_code == 404


def test_staff_who_is_not_an_operator_cannot_approve(client, submitted):
    member = User.objects.get(email="ceo@parkingeye.kr")
    member.is_staff = True
    member.save()
    member.groups.add(ensure_operator_group())
    client.force_login(member)

    response = client.post(reverse("solutions:approve", args=[submitted.pk]), {"note": "셀프 승인"})

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    submitted.refresh_from_db()
    assert submitted.status == SolutionStatus.SUBMITTED
    assert not SolutionTransition.objects.filter(to_status=SolutionStatus.PUBLISHED).exists()
    assert client.get(reverse("solutions:index")).status_code == 302, "nor see the queue"


def test_approve_publishes_and_records_the_operator(client, operator, submitted):
    url = reverse("solutions:approve", args=[submitted.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"note": "등록 요건 충족"}, follow=True)

    submitted.refresh_from_db()
    assert submitted.status == SolutionStatus.PUBLISHED and submitted.published_at
    transition = submitted.transitions.first()
    assert (transition.from_status, transition.to_status) == (SolutionStatus.SUBMITTED, SolutionStatus.PUBLISHED)
    assert transition.actor == operator and transition.note == "등록 요건 충족"
    assert response.redirect_chain[0][0].startswith(reverse("solutions:index"))
    assert "게시했습니다" in response.content.decode()


def test_reject_without_a_reason_shows_an_error_and_changes_nothing(client, operator, submitted):
    response = client.post(reverse("solutions:reject", args=[submitted.pk]), {"note": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    submitted.refresh_from_db()
    assert submitted.status == SolutionStatus.SUBMITTED
    assert submitted.transitions.count() == 1


def test_reject_with_a_reason_returns_a_draft_with_the_note(client, operator, submitted):
    response = client.post(reverse("solutions:reject", args=[submitted.pk]), {"note": "구축 사례를 추가해 주세요."})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == SolutionStatus.DRAFT
    transition = submitted.transitions.first()
    assert transition.to_status == SolutionStatus.DRAFT
    assert transition.actor == operator and transition.note == "구축 사례를 추가해 주세요."


def test_an_action_that_does_not_apply_is_refused_without_an_error_page(client, operator, submitted):
    response = client.post(reverse("solutions:retire", args=[submitted.pk]), {"note": "중복 등록"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors(), "the service's conflict is shown on the form"
    submitted.refresh_from_db()
    assert submitted.status == SolutionStatus.SUBMITTED


def test_inspect_page_shows_the_history_and_the_actions(client, operator, submitted):
    client.post(reverse("solutions:reject", args=[submitted.pk]), {"note": "가격 정보를 보완해 주세요."})

    response = client.get(reverse("solutions:inspect", args=[submitted.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "상태 변경 이력" in page
    assert "검토 부탁드립니다" in page and "이대표" in page, "the company's submission"
    assert "가격 정보를 보완해 주세요." in page and "김운영" in page, "the operator's rejection"


def test_operator_verifies_an_organization(client, operator, submitted):
    company = submitted.company
    form = {
        "is_verified": "on",
        "name": company.name,
        "name_en": "ParkingEye",
        "description": "",
        "description_en": "",
        "website": "",
        "email": "",
        "phone": "",
    }

    response = client.post(reverse("organizations:edit", args=[company.pk]), form)

    assert response.status_code == 302
    company.refresh_from_db()
    assert company.is_verified and company.name_en == "ParkingEye"
    assert client.get(reverse("domains:index")).status_code == 200
    assert client.get(reverse("solution_types:index"), {"q": "TRN-04"}).status_code == 200
