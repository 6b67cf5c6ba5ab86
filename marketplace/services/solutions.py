import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace import tasks
from marketplace.exceptions import ConflictError, PermissionDenied, ValidationError
from marketplace.models import (
    DeploymentOption,
    Organization,
    OrganizationKind,
    OutcomeKPI,
    PricingModel,
    Reference,
    Solution,
    SolutionMedia,
    SolutionStatus,
    SolutionTransition,
    SolutionType,
    SolutionVersion,
)
from marketplace.permissions import user_can_edit_solution, user_is_member, user_is_operator

from ._slugs import unique_slug

MAX_TYPES = 3
EDITABLE_FIELDS = (
    "name",
    "name_en",
    "summary",
    "description",
    "problems",
    "features",
    "specs",
    "tags",
    "pricing_model",
    "price_min",
    "price_max",
    "price_unit",
    "deployment_options",
    "open_source_license",
    "data_models_produced",
    "data_models_consumed",
)
ENTITY_TYPE_RE = re.compile(r"^[A-Z][A-Za-z0-9]{1,63}$")


def _string_list(value, field: str, errors: dict) -> list[str]:
    if value in (None, ""):
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        errors[field] = [_("문자열 목록이어야 합니다.")]
        return []
    return [v.strip() for v in value if v.strip()]


def _clean_fields(data: dict, *, current: Solution | None = None) -> dict:
    """Check the rules a listing must satisfy; returns cleaned values or raises per-field errors."""
    errors: dict[str, list[str]] = {}
    cleaned = {k: v for k, v in data.items() if k in EDITABLE_FIELDS}
    for field in ("problems", "features", "tags", "data_models_produced", "data_models_consumed"):
        if field in cleaned:
            cleaned[field] = _string_list(cleaned[field], field, errors)
    for field in ("data_models_produced", "data_models_consumed"):
        bad = [v for v in cleaned.get(field, []) if not ENTITY_TYPE_RE.match(v)]
        if bad:
            errors[field] = [
                _("Smart Data Models 엔티티 유형 이름이 아닙니다: %(names)s (예: ParkingSpot)")
                % {"names": ", ".join(bad)}
            ]
    if "specs" in cleaned:
        specs = cleaned["specs"] or {}
        if not isinstance(specs, dict) or not all(isinstance(v, str | int | float) for v in specs.values()):
            errors["specs"] = [_("사양은 항목명과 값의 쌍이어야 합니다.")]
        cleaned["specs"] = specs if isinstance(specs, dict) else {}
    if "deployment_options" in cleaned:
        options = _string_list(cleaned["deployment_options"], "deployment_options", errors)
        unknown = [o for o in options if o not in DeploymentOption.values]
        if unknown:
            errors["deployment_options"] = [
                _("알 수 없는 구축 방식입니다: %(values)s (가능한 값: %(choices)s)")
                % {"values": ", ".join(unknown), "choices": ", ".join(DeploymentOption.values)}
            ]
        cleaned["deployment_options"] = list(dict.fromkeys(options))
    if "pricing_model" in cleaned and cleaned["pricing_model"] not in PricingModel.values:
        errors["pricing_model"] = [_("알 수 없는 가격 모델입니다.")]

    def value(field):
        return cleaned[field] if field in cleaned else getattr(current, field, None)

    price_min, price_max = value("price_min"), value("price_max")
    if price_min is not None and price_max is not None and price_min > price_max:
        errors["price_max"] = [_("최고 가격은 최저 가격보다 작을 수 없습니다.")]
    if value("pricing_model") == PricingModel.FREE and price_min:
        errors["price_min"] = [_("무상(오픈소스) 가격 모델은 최저 가격이 0원이어야 합니다.")]
    if value("pricing_model") == PricingModel.FREE and not value("open_source_license"):
        errors["open_source_license"] = [_("무상(오픈소스) 솔루션은 오픈소스 라이선스를 입력해야 합니다.")]
    for field in ("name", "summary", "description"):
        if field in cleaned and not (cleaned[field] or "").strip():
            errors[field] = [_("필수 항목입니다.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_types(types: Iterable[SolutionType] | None) -> list[SolutionType]:
    types = list(dict.fromkeys(types or []))
    if not types:
        raise ValidationError({"types": [_("솔루션 유형을 하나 이상 선택하세요.")]})
    if len(types) > MAX_TYPES:
        raise ValidationError({"types": [_("솔루션 유형은 %(max)s개까지 선택할 수 있습니다.") % {"max": MAX_TYPES}]})
    return types


def _require_editor(actor, solution: Solution) -> None:
    if not user_can_edit_solution(actor, solution):
        raise PermissionDenied(_("이 솔루션을 등록한 기업의 구성원만 수정할 수 있습니다."))


def _require_operator(actor) -> None:
    if not user_is_operator(actor):
        raise PermissionDenied(_("운영기관 담당자만 솔루션을 게시하거나 반려·게시 중단할 수 있습니다."))


def _transition(solution: Solution, *, actor, to_status: str, allowed_from: tuple[str, ...], note: str = ""):
    if solution.status not in allowed_from:
        raise ConflictError(
            _("'%(current)s' 상태의 솔루션은 '%(target)s'(으)로 바꿀 수 없습니다.")
            % {
                "current": SolutionStatus(solution.status).label,
                "target": SolutionStatus(to_status).label,
            },
            code="invalid_transition",
        )
    transition = SolutionTransition.objects.create(
        solution=solution, from_status=solution.status, to_status=to_status, actor=actor, note=note
    )
    solution.status = to_status
    if to_status == SolutionStatus.PUBLISHED:
        solution.published_at = timezone.now()
    solution.save(update_fields=["status", "published_at", "updated_at"])
    tasks.enqueue_on_commit(tasks.notify_solution_transition, transition.pk)
    if SolutionStatus.PUBLISHED in (transition.from_status, to_status):
        tasks.enqueue_on_commit(tasks.recompute_matches_for_solution, solution.pk)
    return solution


@transaction.atomic
def solution_create(*, actor, company: Organization, types: Iterable[SolutionType], **data) -> Solution:
    """A company member lists a new solution; it starts as a draft."""
    if company.kind != OrganizationKind.COMPANY:
        raise ValidationError({"company": [_("솔루션은 기업 기관만 등록할 수 있습니다.")]})
    if not user_is_member(actor, company):
        raise PermissionDenied(_("이 기업의 구성원만 솔루션을 등록할 수 있습니다."))
    for field in ("name", "summary", "description", "pricing_model"):
        data.setdefault(field, "")
    cleaned = _clean_fields(data)
    types = _clean_types(types)
    if Solution.objects.filter(company=company, name=cleaned["name"]).exists():
        raise ValidationError({"name": [_("이 기업에 같은 이름의 솔루션이 이미 있습니다.")]}, code="duplicate")
    solution = Solution(company=company, main_type=types[0], **cleaned)
    solution.slug = unique_slug(Solution, cleaned.get("name_en") or cleaned["name"])
    solution.save()
    solution.types.set(types)
    return solution


@transaction.atomic
def solution_update(*, actor, solution: Solution, types: Iterable[SolutionType] | None = None, **data) -> Solution:
    _require_editor(actor, solution)
    if solution.status == SolutionStatus.RETIRED:
        raise ConflictError(_("게시 중단된 솔루션은 수정할 수 없습니다."), code="retired")
    cleaned = _clean_fields(data, current=solution)
    if "name" in cleaned and (
        Solution.objects.filter(company=solution.company, name=cleaned["name"]).exclude(pk=solution.pk).exists()
    ):
        raise ValidationError({"name": [_("이 기업에 같은 이름의 솔루션이 이미 있습니다.")]}, code="duplicate")
    for field, value in cleaned.items():
        setattr(solution, field, value)
    if types is not None:
        types = _clean_types(types)
        solution.main_type = types[0]
        solution.types.set(types)
    solution.save()
    if solution.status == SolutionStatus.PUBLISHED:
        tasks.enqueue_on_commit(tasks.recompute_matches_for_solution, solution.pk)
    return solution


@transaction.atomic
def solution_delete(*, actor, solution: Solution) -> None:
    _require_editor(actor, solution)
    if solution.status != SolutionStatus.DRAFT:
        raise ConflictError(
            _("작성 중인 솔루션만 삭제할 수 있습니다. 게시된 솔루션은 운영기관에 게시 중단을 요청하세요."),
            code="not_draft",
        )
    solution.delete()


@transaction.atomic
def solution_submit(*, actor, solution: Solution, note: str = "") -> Solution:
    """The company sends its draft to the operators for review."""
    _require_editor(actor, solution)
    return _transition(
        solution, actor=actor, to_status=SolutionStatus.SUBMITTED, allowed_from=(SolutionStatus.DRAFT,), note=note
    )


@transaction.atomic
def solution_publish(*, actor, solution: Solution, note: str = "") -> Solution:
    _require_operator(actor)
    return _transition(
        solution,
        actor=actor,
        to_status=SolutionStatus.PUBLISHED,
        allowed_from=(SolutionStatus.SUBMITTED, SolutionStatus.RETIRED),
        note=note,
    )


@transaction.atomic
def solution_reject(*, actor, solution: Solution, reason: str) -> Solution:
    """Send a submission back to the company as a draft, with the reason it needs to fix."""
    _require_operator(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("반려 사유를 입력하세요. 기업이 무엇을 고쳐야 하는지 알려 주세요.")]})
    return _transition(
        solution, actor=actor, to_status=SolutionStatus.DRAFT, allowed_from=(SolutionStatus.SUBMITTED,), note=reason
    )


@transaction.atomic
def solution_retire(*, actor, solution: Solution, reason: str) -> Solution:
    _require_operator(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("게시 중단 사유를 입력하세요.")]})
    return _transition(
        solution, actor=actor, to_status=SolutionStatus.RETIRED, allowed_from=(SolutionStatus.PUBLISHED,), note=reason
    )


@transaction.atomic
def solution_version_add(
    *, actor, solution: Solution, version: str, released_on=None, changelog: str = ""
) -> SolutionVersion:
    _require_editor(actor, solution)
    version = (version or "").strip()
    if not version:
        raise ValidationError({"version": [_("버전을 입력하세요(예: 2.1.0).")]})
    if solution.versions.filter(version=version).exists():
        raise ValidationError({"version": [_("이미 등록된 버전입니다.")]}, code="duplicate")
    return SolutionVersion.objects.create(
        solution=solution, version=version, released_on=released_on, changelog=changelog
    )


@transaction.atomic
def solution_media_add(*, actor, solution: Solution, kind: str, file, caption: str = "") -> SolutionMedia:
    """Attach an image or the PDF brochure; the file is checked by type, content and size."""
    _require_editor(actor, solution)
    if kind not in SolutionMedia.Kind.values:
        raise ValidationError({"kind": [_("첨부파일 종류는 image 또는 brochure 입니다.")]})
    try:
        SolutionMedia.VALIDATORS[kind](file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    return SolutionMedia.objects.create(
        solution=solution, kind=kind, file=file, caption=caption, sort_order=solution.media.count()
    )


KPI_FIELDS = ("metric", "baseline", "result", "unit", "lower_is_better", "verified_by")


def _clean_kpis(kpis: Iterable[dict]) -> list[dict]:
    cleaned = []
    for number, kpi in enumerate(kpis, start=1):
        if not (kpi.get("metric") or "").strip() or kpi.get("baseline") is None or kpi.get("result") is None:
            raise ValidationError(
                {"kpis": [_("성과 지표 %(n)s: 지표명, 도입 전 값, 도입 후 값을 모두 입력하세요.") % {"n": number}]}
            )
        cleaned.append({key: kpi[key] for key in KPI_FIELDS if key in kpi and kpi[key] is not None})
    return cleaned


@transaction.atomic
def reference_create(
    *,
    actor,
    solution: Solution,
    municipality: Organization,
    year: int,
    programme: str = "",
    budget_krw: int | None = None,
    summary: str = "",
    kpis: Iterable[dict] = (),
) -> Reference:
    """Record where a solution runs and what it achieved."""
    _require_editor(actor, solution)
    if municipality.kind != OrganizationKind.MUNICIPALITY:
        raise ValidationError({"municipality": [_("구축 사례의 기관은 지자체여야 합니다.")]})
    this_year = timezone.localdate().year
    if not 1990 <= int(year) <= this_year:
        raise ValidationError({"year": [_("구축 연도는 1990년부터 %(year)s년 사이여야 합니다.") % {"year": this_year}]})
    kpis = _clean_kpis(kpis)
    reference = Reference.objects.create(
        solution=solution,
        municipality=municipality,
        year=year,
        programme=programme,
        budget_krw=budget_krw,
        summary=summary,
    )
    OutcomeKPI.objects.bulk_create(OutcomeKPI(reference=reference, **kpi) for kpi in kpis)
    return reference
