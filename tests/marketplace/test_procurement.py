"""From a published need to an award: invitations, proposals, shortlist, award, audit and notifications."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace import services
from marketplace.exceptions import ConflictError
from marketplace.models import (
    Match,
    MatchSnapshot,
    NeedStatus,
    Notification,
    NotificationKind,
    NotificationPreference,
    ProposalStatus,
)
from tests.conftest import member_of
from tests.factories import OrganizationFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def _propose(need, company, user, solution, **extra):
    data = {"price_krw": 250_000_000, "schedule": "계약 후 6개월", "approach": "6개 구역에 이동식 카메라를 배치"}
    data.update(extra)
    return services.proposal_submit(actor=user, need=need, company=company, solution=solution, **data)


def test_publish_records_the_transition_and_stores_matches(published_need, parking_solution, shelter_solution):
    assert published_need.status == NeedStatus.PUBLISHED
    transition = published_need.transitions.get()
    assert (transition.from_status, transition.to_status) == (NeedStatus.DRAFT, NeedStatus.PUBLISHED)
    match = Match.objects.get(need=published_need, solution=parking_solution)
    assert match.score > 0.5
    assert any(f["reason"].startswith("유형 일치") for f in match.factors)
    # The shelter has no data hub linkage, a must-have: it is not stored as a match.
    assert not Match.objects.filter(need=published_need, solution=shelter_solution).exists()


def test_the_company_is_told_about_a_new_matching_need(company_user, published_need):
    notification = Notification.objects.get(recipient=company_user, kind=NotificationKind.NEW_MATCHING_NEED)
    assert published_need.title in notification.title
    assert any(published_need.title in m.subject for m in mail.outbox)


def test_solution_update_recomputes_the_reverse_direction(
    published_need, parking_solution, company_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.solution_update(actor=company_user, solution=parking_solution, data_models_produced=[])
    # Without data hub linkage it misses the need's must-have: no longer a match.
    assert not Match.objects.filter(need=published_need, solution=parking_solution).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.solution_update(actor=company_user, solution=parking_solution, data_models_produced=["ParkingSpot"])
    assert Match.objects.filter(need=published_need, solution=parking_solution).exists()


def test_full_flow_to_award_freezes_the_ranking_and_notifies_everyone(
    published_need,
    municipality_user,
    company,
    company_user,
    parking_solution,
    django_capture_on_commit_callbacks,
):
    rival = OrganizationFactory()
    rival_user = member_of(rival)
    rival_solution = SolutionFactory(company=rival, name="스톱알리미", data_models_produced=["OnStreetParking"])
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(actor=municipality_user, need=published_need, company=company)
        published_need.refresh_from_db()
        assert published_need.status == NeedStatus.PROPOSALS_OPEN
        winner = _propose(published_need, company, company_user, parking_solution)
        loser = _propose(published_need, rival, rival_user, rival_solution, price_krw=180_000_000)
        services.proposal_shortlist(actor=municipality_user, proposal=winner)
        award = services.proposal_award(actor=municipality_user, proposal=winner, reason="성과 검증, 예산 범위 내")
    published_need.refresh_from_db()
    winner.refresh_from_db()
    loser.refresh_from_db()
    assert published_need.status == NeedStatus.AWARDED
    assert (winner.status, loser.status) == (ProposalStatus.AWARDED, ProposalStatus.NOT_SELECTED)
    assert award.snapshot.reason == MatchSnapshot.Reason.AWARD
    frozen = award.snapshot.results
    assert frozen[0]["solution_name"] == parking_solution.name
    assert {f["name"] for f in frozen[0]["factors"]} >= {"type_fit", "text", "outcomes", "budget", "certification"}
    assert award.snapshot.weights_version and award.snapshot.weights["type_fit"] == 0.30
    assert published_need.snapshots.filter(reason=MatchSnapshot.Reason.SHORTLIST).exists()
    statuses = [(t.from_status, t.to_status) for t in published_need.transitions.order_by("created_at", "id")]
    assert statuses == [
        ("draft", "published"),
        ("published", "proposals_open"),
        ("proposals_open", "evaluating"),
        ("evaluating", "awarded"),
    ]
    assert all(t.actor == municipality_user for t in published_need.transitions.all())
    assert Notification.objects.filter(recipient=company_user, kind=NotificationKind.AWARD).exists()
    lost = Notification.objects.get(recipient=rival_user, kind=NotificationKind.AWARD)
    assert "선정되지 않았습니다" in lost.title
    assert Notification.objects.filter(recipient=municipality_user, kind=NotificationKind.PROPOSAL).count() == 2
    assert Notification.objects.filter(recipient=company_user, kind=NotificationKind.INVITATION).exists()


def test_frozen_ranking_does_not_change_when_the_catalogue_does(
    published_need, municipality_user, company, company_user, parking_solution
):
    proposal = _propose(published_need, company, company_user, parking_solution)
    services.proposal_shortlist(actor=municipality_user, proposal=proposal)
    snapshot = published_need.snapshots.get()
    before = snapshot.results
    parking_solution.price_min, parking_solution.price_max = 900_000_000, 990_000_000
    parking_solution.save()
    snapshot.refresh_from_db()
    assert snapshot.results == before


def test_proposal_after_the_deadline_is_refused(published_need, company, company_user, parking_solution):
    published_need.proposal_deadline = timezone.now() - timedelta(minutes=1)
    published_need.save()
    with pytest.raises(ConflictError) as exc:
        _propose(published_need, company, company_user, parking_solution)
    assert exc.value.code == "deadline_passed"
    assert "마감일시" in exc.value.message


def test_duplicate_proposal_is_refused(published_need, company, company_user, parking_solution):
    _propose(published_need, company, company_user, parking_solution)
    with pytest.raises(ConflictError) as exc:
        _propose(published_need, company, company_user, parking_solution)
    assert exc.value.code == "duplicate_proposal"


def test_award_of_a_proposal_that_is_not_shortlisted_is_refused(
    published_need, municipality_user, company, company_user, parking_solution
):
    proposal = _propose(published_need, company, company_user, parking_solution)
    with pytest.raises(ConflictError) as exc:
        services.proposal_award(actor=municipality_user, proposal=proposal, reason="좋음")
    assert exc.value.code == "not_shortlisted"
    assert not hasattr(published_need, "award") or published_need.award is None


def test_double_award_is_refused(published_need, municipality_user, company, company_user, parking_solution):
    rival = OrganizationFactory()
    rival_user = member_of(rival)
    rival_solution = SolutionFactory(company=rival, name="다른 단속 솔루션")
    first = _propose(published_need, company, company_user, parking_solution)
    second = _propose(published_need, rival, rival_user, rival_solution)
    services.proposal_shortlist(actor=municipality_user, proposal=first)
    services.proposal_shortlist(actor=municipality_user, proposal=second)
    services.proposal_award(actor=municipality_user, proposal=first, reason="성과 검증")
    second.refresh_from_db()
    with pytest.raises(ConflictError) as exc:
        services.proposal_award(actor=municipality_user, proposal=second, reason="다시")
    assert exc.value.code == "already_awarded"


def test_a_company_cannot_award(published_need, municipality_user, company, company_user, parking_solution):
    proposal = _propose(published_need, company, company_user, parking_solution)
    services.proposal_shortlist(actor=municipality_user, proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.proposal_award(actor=company_user, proposal=proposal, reason="우리가 선정")
    with pytest.raises(PermissionDenied):
        services.proposal_shortlist(actor=company_user, proposal=proposal)


def test_award_needs_a_reason(published_need, municipality_user, company, company_user, parking_solution):
    proposal = _propose(published_need, company, company_user, parking_solution)
    services.proposal_shortlist(actor=municipality_user, proposal=proposal)
    with pytest.raises(ValidationError):
        services.proposal_award(actor=municipality_user, proposal=proposal, reason="  ")


@pytest.mark.parametrize(
    ("extra", "field"),
    [({"price_krw": -1}, "price_krw"), ({"price_krw": "삼억"}, "price_krw"), ({"approach": ""}, "approach")],
)
def test_bad_proposal_fields(published_need, company, company_user, parking_solution, extra, field):
    with pytest.raises(ValidationError) as exc:
        _propose(published_need, company, company_user, parking_solution, **extra)
    assert field in exc.value.message_dict


def test_a_company_proposes_only_its_own_published_solution(published_need, company, company_user, shelter_solution):
    with pytest.raises(ValidationError) as exc:
        _propose(published_need, company, company_user, shelter_solution)
    assert "solution" in exc.value.message_dict


def test_no_proposal_to_a_draft(need, company, company_user, parking_solution):
    with pytest.raises((ConflictError, PermissionDenied)):
        _propose(need, company, company_user, parking_solution)


def test_email_preference_is_respected(published_need, municipality_user, company, company_user, parking_solution,
                                       django_capture_on_commit_callbacks):  # fmt: skip
    NotificationPreference.objects.create(user=municipality_user, kind=NotificationKind.PROPOSAL, email=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _propose(published_need, company, company_user, parking_solution)
    assert Notification.objects.filter(recipient=municipality_user, kind=NotificationKind.PROPOSAL).exists()
    assert not any(municipality_user.email in m.to for m in mail.outbox)


def test_questions_and_answers(published_need, municipality_user, company, company_user):
    question = services.question_ask(
        actor=company_user, need=published_need, company=company, text="야간 단속도 필요합니까?"
    )
    services.question_answer(actor=municipality_user, question=question, answer="네, 야간도 포함입니다.")
    question.refresh_from_db()
    assert question.answered_by == municipality_user
    with pytest.raises(PermissionDenied):
        services.question_answer(actor=company_user, question=question, answer="자문자답")
