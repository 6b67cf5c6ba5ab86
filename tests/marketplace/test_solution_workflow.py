import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.exceptions import ConflictError
from marketplace.models import SolutionStatus, SolutionTransition, SolutionType
from marketplace.services import (
    solution_create,
    solution_delete,
    solution_publish,
    solution_reject,
    solution_retire,
    solution_submit,
    solution_update,
)
from tests.factories import SolutionFactory

pytestmark = pytest.mark.django_db


def _draft(company, user):
    return solution_create(
        actor=user,
        company=company,
        types=[SolutionType.objects.get(code="TRN-04"), SolutionType.objects.get(code="SAF-01")],
        name="이동식 불법주정차 실시간 모니터링",
        summary="차량 탑재 카메라로 불법주정차를 실시간 감지합니다.",
        description="순찰 차량에 설치한 카메라 영상을 분석해 단속 대상 차량을 찾습니다.",
        pricing_model="per_unit",
        price_min=30_000_000,
        price_max=45_000_000,
    )


def test_full_lifecycle_is_recorded(company, company_user, operator_user, django_capture_on_commit_callbacks):
    solution = _draft(company, company_user)
    assert solution.status == SolutionStatus.DRAFT
    assert solution.main_type.code == "TRN-04", "the first chosen type is the main type"
    solution_submit(actor=company_user, solution=solution, note="검토 부탁드립니다")
    with django_capture_on_commit_callbacks(execute=True):
        solution_publish(actor=operator_user, solution=solution)
    assert solution.status == SolutionStatus.PUBLISHED and solution.published_at
    solution_retire(actor=operator_user, solution=solution, reason="공급 중단")
    history = list(SolutionTransition.objects.filter(solution=solution).order_by("id"))
    assert [(t.from_status, t.to_status) for t in history] == [
        ("draft", "submitted"),
        ("submitted", "published"),
        ("published", "retired"),
    ]
    assert history[0].actor == company_user and history[0].note == "검토 부탁드립니다"
    assert history[1].actor == operator_user
    assert any("게시됨" in m.subject for m in mail.outbox), "the company hears that it is published"


def test_reject_needs_a_reason_and_returns_a_draft(company, company_user, operator_user):
    solution = _draft(company, company_user)
    solution_submit(actor=company_user, solution=solution)
    with pytest.raises(ValidationError):
        solution_reject(actor=operator_user, solution=solution, reason="  ")
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.SUBMITTED
    solution_reject(actor=operator_user, solution=solution, reason="가격 정보를 보완하세요")
    assert solution.status == SolutionStatus.DRAFT
    assert solution.transitions.first().note == "가격 정보를 보완하세요"


@pytest.mark.parametrize("actor_fixture", ["company_user", "other_company_user", "municipality_user"])
def test_only_operators_publish(request, company, company_user, actor_fixture):
    solution = _draft(company, company_user)
    solution_submit(actor=company_user, solution=solution)
    with pytest.raises(PermissionDenied, match="운영기관"):
        solution_publish(actor=request.getfixturevalue(actor_fixture), solution=solution)
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.SUBMITTED


def test_publishing_a_draft_is_a_conflict(company, company_user, operator_user):
    solution = _draft(company, company_user)
    with pytest.raises(ConflictError) as exc:
        solution_publish(actor=operator_user, solution=solution)
    assert exc.value.code == "invalid_transition"
    assert not SolutionTransition.objects.filter(solution=solution).exists()


def test_other_company_cannot_edit(company, other_company_user):
    solution = SolutionFactory(company=company)
    with pytest.raises(PermissionDenied):
        solution_update(actor=other_company_user, solution=solution, name="가로챈 이름")
    solution.refresh_from_db()
    assert solution.name != "가로챈 이름"


def test_operator_cannot_edit_content(company, operator_user):
    solution = SolutionFactory(company=company)
    with pytest.raises(PermissionDenied):
        solution_update(actor=operator_user, solution=solution, summary="운영자가 고침")


def test_create_requires_membership_of_the_company(company, other_company_user):
    with pytest.raises(PermissionDenied):
        _draft(company, other_company_user)


def test_price_range_and_types_are_checked(company, company_user):
    solution = _draft(company, company_user)
    with pytest.raises(ValidationError) as exc:
        solution_update(actor=company_user, solution=solution, price_min=50_000_000)
    assert "price_max" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        solution_update(actor=company_user, solution=solution, types=[])
    assert "types" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        solution_update(actor=company_user, solution=solution, data_models_produced=["parking spot"])
    assert "data_models_produced" in exc.value.message_dict


def test_only_drafts_are_deleted(company, company_user):
    published = SolutionFactory(company=company)
    with pytest.raises(ConflictError, match="게시 중단"):
        solution_delete(actor=company_user, solution=published)
    draft = _draft(company, company_user)
    solution_delete(actor=company_user, solution=draft)
