"""Needs (수요): register, edit, publish and move through procurement; invite companies; Q&A."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace import inbox, tasks
from marketplace.exceptions import ConflictError, PermissionDenied, ValidationError
from marketplace.matching.inference import infer_types
from marketplace.models import (
    CityType,
    Domain,
    Invitation,
    MustHave,
    Need,
    NeedStatus,
    NeedTransition,
    NeedVisibility,
    NotificationKind,
    Organization,
    OrganizationKind,
    Question,
    SolutionType,
)
from marketplace.permissions import user_can_manage_need, user_can_see_need, user_is_member

MAX_TYPES = 3
MAX_BUDGET_KRW = 1_000_000_000_000  # 1조 원: more than any single smart-city procurement
MAX_SITES = 10_000
MAX_POPULATION = 10_000_000
MAX_TEXT = 5_000
NEED_FIELDS = (
    "title",
    "text",
    "budget_krw",
    "timeline",
    "proposal_deadline",
    "sites",
    "site_points",
    "population_served",
    "city_type",
    "must_haves",
    "visibility",
)
EDITABLE_STATUSES = (NeedStatus.DRAFT, NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN)
# Which status a need may move to from which (the procurement flow).
FLOW = {
    NeedStatus.PUBLISHED: (NeedStatus.DRAFT,),
    NeedStatus.PROPOSALS_OPEN: (NeedStatus.PUBLISHED,),
    NeedStatus.EVALUATING: (NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN),
    NeedStatus.AWARDED: (NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN, NeedStatus.EVALUATING),
    NeedStatus.CLOSED: (NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN, NeedStatus.EVALUATING, NeedStatus.AWARDED),
    NeedStatus.CANCELLED: (NeedStatus.DRAFT, NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN, NeedStatus.EVALUATING),
}


def _int_or_none(value, field: str, errors: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[field] = [_("숫자를 입력하세요.")]
        return None
    if number != value and not isinstance(value, str):
        errors[field] = [_("정수를 입력하세요.")]
    return number


def clean_need_fields(data: dict, *, partial: bool = False) -> dict:
    """Check a need's fields; returns cleaned values or raises one ValidationError with every problem."""
    errors: dict[str, list[str]] = {}
    cleaned = {k: v for k, v in data.items() if k in NEED_FIELDS}
    for field in ("title", "text"):
        if field in cleaned or not partial:
            value = " ".join((cleaned.get(field) or "").split()) if field == "title" else (cleaned.get(field) or "")
            value = value.strip()
            if not value:
                errors[field] = [
                    _("제목을 입력하세요.") if field == "title" else _("도시가 겪는 문제를 설명해 주세요.")
                ]
            cleaned[field] = value
    if len(cleaned.get("text", "")) > MAX_TEXT:
        errors["text"] = [_("문제 설명은 %(max)s자 이내로 적어 주세요.") % {"max": f"{MAX_TEXT:,}"}]
    if len(cleaned.get("title", "")) > 150:
        errors["title"] = [_("제목은 150자 이내로 적어 주세요.")]
    if "budget_krw" in cleaned:
        budget = _int_or_none(cleaned["budget_krw"], "budget_krw", errors)
        if budget is not None and budget <= 0:
            errors["budget_krw"] = [_("예산은 0원보다 커야 합니다. 모르면 비워 두세요.")]
        elif budget is not None and budget > MAX_BUDGET_KRW:
            errors["budget_krw"] = [
                _("예산이 비현실적으로 큽니다(1조 원 초과). 원 단위로 입력했는지 확인하세요(예: 3억 원 = 300000000).")
            ]
        cleaned["budget_krw"] = budget
    if "sites" in cleaned:
        sites = _int_or_none(cleaned["sites"], "sites", errors)
        if sites is None or not 1 <= sites <= MAX_SITES:
            errors["sites"] = [_("대상 개소 수는 1에서 %(max)s 사이여야 합니다.") % {"max": f"{MAX_SITES:,}"}]
        cleaned["sites"] = sites or 1
    if "population_served" in cleaned:
        population = _int_or_none(cleaned["population_served"], "population_served", errors)
        if population is not None and not 1 <= population <= MAX_POPULATION:
            errors["population_served"] = [_("수혜 인구는 1명에서 1천만 명 사이여야 합니다.")]
        cleaned["population_served"] = population
    if cleaned.get("city_type") and cleaned["city_type"] not in CityType.values:
        errors["city_type"] = [
            _("알 수 없는 도시 유형입니다(가능한 값: %(values)s).") % {"values": ", ".join(CityType.values)}
        ]
    if "city_type" in cleaned:
        cleaned["city_type"] = cleaned["city_type"] or ""
    if "must_haves" in cleaned:
        musts = list(dict.fromkeys(cleaned["must_haves"] or []))
        unknown = [m for m in musts if m not in MustHave.values]
        if unknown:
            errors["must_haves"] = [
                _("알 수 없는 필수 요건입니다: %(values)s (가능한 값: %(choices)s)")
                % {"values": ", ".join(map(str, unknown)), "choices": ", ".join(MustHave.values)}
            ]
        cleaned["must_haves"] = musts
    if "visibility" in cleaned and cleaned["visibility"] not in NeedVisibility.values:
        errors["visibility"] = [_("공개 범위는 public 또는 invited 입니다.")]
    if "site_points" in cleaned:
        points = cleaned["site_points"] or []
        ok = isinstance(points, list) and all(
            isinstance(p, list | tuple)
            and len(p) == 2
            and all(isinstance(c, int | float) for c in p)
            and 33 <= p[0] <= 39
            and 124 <= p[1] <= 132
            for p in points
        )
        if not ok:
            errors["site_points"] = [_("대상 위치는 [위도, 경도] 목록이어야 하며 대한민국 안이어야 합니다.")]
        cleaned["site_points"] = [list(p) for p in points] if ok else []
    deadline = cleaned.get("proposal_deadline")
    if deadline and isinstance(deadline, datetime) and deadline <= timezone.now():
        errors["proposal_deadline"] = [_("제안 마감일시는 지금보다 뒤여야 합니다.")]
    for field in ("timeline",):
        if field in cleaned:
            cleaned[field] = (cleaned[field] or "").strip()[:60]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_types(types: Iterable[SolutionType] | None) -> list[SolutionType]:
    types = list(dict.fromkeys(types or []))
    if len(types) > MAX_TYPES:
        raise ValidationError({"types": [_("솔루션 유형은 %(max)s개까지 선택할 수 있습니다.") % {"max": MAX_TYPES}]})
    return types


def _apply_types(need: Need, types: list[SolutionType] | None, domain: Domain | None) -> None:
    """Chosen types win; without them the engine's inference from the text is stored and shown."""
    if types is not None:
        need.types.set(types)
    chosen = list(need.types.all())
    need.inferred_types = [] if chosen else [t.code for t in infer_types(f"{need.title} {need.text}")]
    if domain is not None:
        need.domain = domain
    elif chosen:
        need.domain = chosen[0].domain
    elif need.inferred_types:
        need.domain = Domain.objects.filter(code=need.inferred_types[0].split("-")[0]).first()
    need.save(update_fields=["inferred_types", "domain", "updated_at"])


def _require_manager(actor, need: Need) -> None:
    if not user_can_manage_need(actor, need):
        raise PermissionDenied(_("수요를 등록한 지자체의 구성원만 할 수 있습니다."))


def _transition(need: Need, *, actor, to_status: str, note: str = "") -> Need:
    if need.status not in FLOW[to_status]:
        raise ConflictError(
            _("'%(current)s' 상태의 수요는 '%(target)s'(으)로 바꿀 수 없습니다.")
            % {"current": NeedStatus(need.status).label, "target": NeedStatus(to_status).label},
            code="invalid_transition",
        )
    NeedTransition.objects.create(need=need, from_status=need.status, to_status=to_status, actor=actor, note=note)
    need.status = to_status
    fields = ["status", "updated_at"]
    if to_status == NeedStatus.PUBLISHED and not need.published_at:
        need.published_at = timezone.now()
        fields.append("published_at")
    need.save(update_fields=fields)
    return need


@transaction.atomic
def need_create(
    *,
    actor,
    municipality: Organization,
    types: Iterable[SolutionType] | None = None,
    domain: Domain | None = None,
    **data,
) -> Need:
    """A municipality member registers a need; it starts as a draft."""
    if municipality.kind != OrganizationKind.MUNICIPALITY:
        raise ValidationError({"municipality": [_("수요는 지자체만 등록할 수 있습니다.")]})
    if not user_is_member(actor, municipality):
        raise PermissionDenied(_("이 지자체의 구성원만 수요를 등록할 수 있습니다."))
    cleaned = clean_need_fields(data)
    types = _clean_types(types)
    need = Need.objects.create(municipality=municipality, created_by=actor, **cleaned)
    _apply_types(need, types, domain)
    return need


@transaction.atomic
def need_update(
    *, actor, need: Need, types: Iterable[SolutionType] | None = None, domain: Domain | None = None, **data
) -> Need:
    _require_manager(actor, need)
    if need.status not in EDITABLE_STATUSES:
        raise ConflictError(
            _("'%(status)s' 상태의 수요는 수정할 수 없습니다.") % {"status": NeedStatus(need.status).label},
            code="not_editable",
        )
    cleaned = clean_need_fields(data, partial=True)
    for field, value in cleaned.items():
        setattr(need, field, value)
    need.save()
    _apply_types(need, _clean_types(types) if types is not None else None, domain)
    if need.is_open:
        tasks.enqueue_on_commit(tasks.recompute_matches_for_need, need.pk)
    return need


@transaction.atomic
def need_publish(*, actor, need: Need) -> Need:
    """Make the need visible and compute its matches (after commit, on a worker)."""
    _require_manager(actor, need)
    _transition(need, actor=actor, to_status=NeedStatus.PUBLISHED)
    tasks.enqueue_on_commit(tasks.recompute_matches_for_need, need.pk)
    return need


@transaction.atomic
def need_open_proposals(*, actor, need: Need, deadline: datetime | None = None) -> Need:
    _require_manager(actor, need)
    if deadline is not None:
        need.proposal_deadline = clean_need_fields({"proposal_deadline": deadline}, partial=True)["proposal_deadline"]
        need.save(update_fields=["proposal_deadline", "updated_at"])
    return _transition(need, actor=actor, to_status=NeedStatus.PROPOSALS_OPEN)


@transaction.atomic
def need_close(*, actor, need: Need, reason: str, cancel: bool = False) -> Need:
    _require_manager(actor, need)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("종료·취소 사유를 입력하세요.")]})
    return _transition(need, actor=actor, to_status=NeedStatus.CANCELLED if cancel else NeedStatus.CLOSED, note=reason)


@transaction.atomic
def invitation_create(*, actor, need: Need, company: Organization, message: str = "") -> Invitation:
    """Ask a company for a proposal: it can then see the need (even if invited-only) and its Q&A."""
    _require_manager(actor, need)
    if company.kind != OrganizationKind.COMPANY:
        raise ValidationError({"company": [_("기업만 초청할 수 있습니다.")]})
    if need.status not in (NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN):
        raise ConflictError(_("공개되었거나 제안 접수 중인 수요에만 기업을 초청할 수 있습니다."), code="not_open")
    if Invitation.objects.filter(need=need, company=company).exists():
        raise ValidationError({"company": [_("이미 초청한 기업입니다.")]}, code="duplicate")
    invitation = Invitation.objects.create(need=need, company=company, invited_by=actor, message=message.strip())
    if need.status == NeedStatus.PUBLISHED:
        _transition(need, actor=actor, to_status=NeedStatus.PROPOSALS_OPEN, note=_("기업 초청으로 제안 접수 시작"))
    inbox.notify(
        user_ids=inbox.organization_member_ids([company.pk]),
        kind=NotificationKind.INVITATION,
        title=_("%(city)s에서 제안을 요청했습니다: %(title)s") % {"city": need.municipality.name, "title": need.title},
        body=message.strip(),
        url=reverse("marketplace:need_detail", kwargs={"pk": need.pk}),
    )
    return invitation


@transaction.atomic
def question_ask(*, actor, need: Need, company: Organization, text: str) -> Question:
    if not user_is_member(actor, company) or company.kind != OrganizationKind.COMPANY:
        raise PermissionDenied(_("기업 구성원만 질문할 수 있습니다."))
    if not user_can_see_need(actor, need):
        raise PermissionDenied(_("이 수요를 볼 수 없습니다."))
    if not need.is_open:
        raise ConflictError(_("진행 중인 수요에만 질문할 수 있습니다."), code="not_open")
    if not (text or "").strip():
        raise ValidationError({"text": [_("질문을 입력하세요.")]})
    question = Question.objects.create(need=need, company=company, asked_by=actor, text=text.strip())
    inbox.notify(
        user_ids=inbox.organization_member_ids([need.municipality_id]),
        kind=NotificationKind.QUESTION,
        title=_("'%(title)s'에 새 질문이 있습니다") % {"title": need.title},
        body=question.text,
        url=reverse("marketplace:need_detail", kwargs={"pk": need.pk}),
    )
    return question


@transaction.atomic
def question_answer(*, actor, question: Question, answer: str) -> Question:
    _require_manager(actor, question.need)
    if not (answer or "").strip():
        raise ValidationError({"answer": [_("답변을 입력하세요.")]})
    question.answer = answer.strip()
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    inbox.notify(
        user_ids=inbox.organization_member_ids([question.company_id]),
        kind=NotificationKind.QUESTION,
        title=_("'%(title)s' 질문에 답변이 달렸습니다") % {"title": question.need.title},
        body=question.answer,
        url=reverse("marketplace:need_detail", kwargs={"pk": question.need_id}),
    )
    return question
