"""Proposals (제안): companies answer needs; cities shortlist and award, with the match list frozen."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace import inbox
from marketplace.exceptions import ConflictError, PermissionDenied, ValidationError
from marketplace.matching.engine import rank_need, snapshot_payload
from marketplace.models import (
    Award,
    MatchSnapshot,
    Need,
    NeedStatus,
    NotificationKind,
    Organization,
    OrganizationKind,
    Proposal,
    ProposalAttachment,
    ProposalStatus,
    ProposalTransition,
    Solution,
    SolutionStatus,
    SolutionVersion,
)
from marketplace.permissions import user_can_manage_need, user_can_see_need, user_is_member
from marketplace.validators import validate_brochure_upload

from .needs import _transition as need_transition

ACCEPTING = (NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN)
MAX_PRICE_KRW = 1_000_000_000_000
SNAPSHOT_SIZE = 30
MAX_ATTACHMENTS = 5


def _proposal_transition(proposal: Proposal, *, actor, to_status: str, note: str = "") -> None:
    ProposalTransition.objects.create(
        proposal=proposal, from_status=proposal.status, to_status=to_status, actor=actor, note=note
    )
    proposal.status = to_status
    proposal.save(update_fields=["status", "updated_at"])


@transaction.atomic
def proposal_submit(
    *,
    actor,
    need: Need,
    company: Organization,
    solution: Solution,
    price_krw,
    schedule: str,
    approach: str,
    solution_version: SolutionVersion | None = None,
    attachments=(),
) -> Proposal:
    """A company answers a need with one of its published solutions. One proposal per company and need."""
    if company.kind != OrganizationKind.COMPANY or not user_is_member(actor, company):
        raise PermissionDenied(_("기업 구성원만 제안할 수 있습니다."))
    if not user_can_see_need(actor, need):
        raise PermissionDenied(_("초청받은 기업만 이 수요에 제안할 수 있습니다."))
    if need.status not in ACCEPTING:
        raise ConflictError(
            _("'%(status)s' 상태의 수요에는 제안할 수 없습니다.") % {"status": NeedStatus(need.status).label},
            code="not_accepting",
        )
    if need.proposal_deadline and timezone.now() > need.proposal_deadline:
        raise ConflictError(
            _("제안 마감일시(%(deadline)s)가 지났습니다.")
            % {"deadline": timezone.localtime(need.proposal_deadline).strftime("%Y-%m-%d %H:%M")},
            code="deadline_passed",
        )
    if Proposal.objects.filter(need=need, company=company).exists():
        raise ConflictError(
            _("이 수요에 이미 제안했습니다. 수요 하나에 기업당 제안 하나만 낼 수 있습니다."), code="duplicate_proposal"
        )
    errors: dict[str, list[str]] = {}
    if solution.company_id != company.pk:
        errors["solution"] = [_("우리 기업의 솔루션만 제안할 수 있습니다.")]
    elif solution.status != SolutionStatus.PUBLISHED:
        errors["solution"] = [_("게시된 솔루션만 제안할 수 있습니다.")]
    if solution_version is not None and solution_version.solution_id != solution.pk:
        errors["solution_version"] = [_("선택한 솔루션의 버전이 아닙니다.")]
    try:
        price = int(price_krw)
    except (TypeError, ValueError):
        price = None
    if price is None or not 0 < price <= MAX_PRICE_KRW:
        errors["price_krw"] = [_("제안 금액은 0원보다 크고 1조 원 이하인 원 단위 숫자여야 합니다.")]
    if not (schedule or "").strip():
        errors["schedule"] = [_("추진 일정을 입력하세요.")]
    if not (approach or "").strip():
        errors["approach"] = [_("추진 방법을 입력하세요.")]
    attachments = [a for a in (attachments or []) if a]
    if len(attachments) > MAX_ATTACHMENTS:
        errors["attachments"] = [_("첨부파일은 %(max)s개까지 올릴 수 있습니다.") % {"max": MAX_ATTACHMENTS}]
    for upload in attachments:
        try:
            validate_brochure_upload(upload)
        except ValidationError as exc:
            errors.setdefault("attachments", []).extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                need=need,
                company=company,
                solution=solution,
                solution_version=solution_version,
                price_krw=price,
                schedule=schedule.strip()[:200],
                approach=approach.strip(),
                submitted_by=actor,
            )
            for upload in attachments:
                ProposalAttachment.objects.create(proposal=proposal, file=upload, name=upload.name[:200])
    except IntegrityError as exc:  # a concurrent duplicate
        raise ConflictError(_("이 수요에 이미 제안했습니다."), code="duplicate_proposal") from exc
    inbox.notify(
        user_ids=inbox.organization_member_ids([need.municipality_id]),
        kind=NotificationKind.PROPOSAL,
        title=_("'%(title)s'에 %(company)s의 제안이 도착했습니다") % {"title": need.title, "company": company.name},
        body=_("솔루션: %(solution)s") % {"solution": solution.name},
        url=reverse("marketplace:need_proposals", kwargs={"pk": need.pk}),
    )
    return proposal


@transaction.atomic
def proposal_withdraw(*, actor, proposal: Proposal) -> Proposal:
    if not user_is_member(actor, proposal.company):
        raise PermissionDenied(_("제안한 기업의 구성원만 철회할 수 있습니다."))
    if proposal.status not in (ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED):
        raise ConflictError(_("선정이 끝난 제안은 철회할 수 없습니다."), code="invalid_transition")
    _proposal_transition(proposal, actor=actor, to_status=ProposalStatus.WITHDRAWN)
    return proposal


def _freeze(need: Need, *, actor, reason: str) -> MatchSnapshot:
    """Store the ranked match list as the city sees it now, with the weights that produced it."""
    payload = snapshot_payload(rank_need(need, limit=SNAPSHOT_SIZE))
    return MatchSnapshot.objects.create(need=need, reason=reason, created_by=actor, **payload)


def _require_manager(actor, need: Need) -> None:
    if not user_can_manage_need(actor, need):
        raise PermissionDenied(_("수요를 등록한 지자체의 구성원만 후보 선정과 최종 선정을 할 수 있습니다."))


@transaction.atomic
def proposal_shortlist(*, actor, proposal: Proposal, note: str = "") -> Proposal:
    need = Need.objects.select_for_update().get(pk=proposal.need_id)
    _require_manager(actor, need)
    if need.status not in (*ACCEPTING, NeedStatus.EVALUATING):
        raise ConflictError(_("진행 중인 수요의 제안만 후보로 선정할 수 있습니다."), code="not_open")
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ConflictError(
            _("'%(status)s' 상태의 제안은 후보로 선정할 수 없습니다.")
            % {"status": ProposalStatus(proposal.status).label},
            code="invalid_transition",
        )
    _proposal_transition(proposal, actor=actor, to_status=ProposalStatus.SHORTLISTED, note=note)
    if need.status != NeedStatus.EVALUATING:
        need_transition(need, actor=actor, to_status=NeedStatus.EVALUATING, note=_("후보 선정으로 평가 시작"))
    _freeze(need, actor=actor, reason=MatchSnapshot.Reason.SHORTLIST)
    return proposal


@transaction.atomic
def proposal_award(*, actor, proposal: Proposal, reason: str) -> Award:
    """Award a shortlisted proposal; the others are not selected, and every proposer is told."""
    need = Need.objects.select_for_update().get(pk=proposal.need_id)
    proposal.refresh_from_db()
    _require_manager(actor, need)
    if Award.objects.filter(need=need).exists() or need.status == NeedStatus.AWARDED:
        raise ConflictError(_("이미 최종 선정이 끝난 수요입니다."), code="already_awarded")
    if proposal.status != ProposalStatus.SHORTLISTED:
        raise ConflictError(
            _("후보로 선정된 제안만 최종 선정할 수 있습니다. 먼저 후보로 선정하세요."), code="not_shortlisted"
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("선정 사유를 입력하세요.")]})
    snapshot = _freeze(need, actor=actor, reason=MatchSnapshot.Reason.AWARD)
    award = Award.objects.create(
        need=need, proposal=proposal, reason=reason.strip(), awarded_by=actor, snapshot=snapshot
    )
    _proposal_transition(proposal, actor=actor, to_status=ProposalStatus.AWARDED, note=reason.strip())
    others = list(
        need.proposals.exclude(pk=proposal.pk).filter(status__in=(ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED))
    )
    for other in others:
        _proposal_transition(other, actor=actor, to_status=ProposalStatus.NOT_SELECTED)
    need_transition(need, actor=actor, to_status=NeedStatus.AWARDED, note=reason.strip())
    url = reverse("marketplace:need_detail", kwargs={"pk": need.pk})
    inbox.notify(
        user_ids=inbox.organization_member_ids([proposal.company_id]),
        kind=NotificationKind.AWARD,
        title=_("축하합니다. '%(title)s'에 최종 선정되었습니다") % {"title": need.title},
        body=reason.strip(),
        url=url,
    )
    inbox.notify(
        user_ids=inbox.organization_member_ids([o.company_id for o in others]),
        kind=NotificationKind.AWARD,
        title=_("'%(title)s' 선정 결과: 이번에는 선정되지 않았습니다") % {"title": need.title},
        body=_("선정 기업: %(company)s") % {"company": proposal.company.name},
        url=url,
    )
    return award
