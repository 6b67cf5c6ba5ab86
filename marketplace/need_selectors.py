"""Reads for needs, proposals, matches, diffusion recommendations and regional balance. Each list is
built with a fixed number of queries, scoped by ``permissions``."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from .matching.factors import similarity
from .matching.inference import types_contradicting
from .matching.profiles import NeedProfile, ReferenceProfile
from .models import (
    CityType,
    Invitation,
    Match,
    Need,
    NeedStatus,
    Notification,
    Organization,
    OrganizationKind,
    Proposal,
    Province,
    Question,
    Reference,
    SolutionStatus,
    SolutionType,
)
from .permissions import need_visibility_q, user_can_manage_need, user_organization_ids


def need_list(*, user, mine: bool = False, status: str | None = None) -> QuerySet[Need]:
    qs = Need.objects.filter(need_visibility_q(user)).distinct()
    if mine:
        qs = qs.filter(municipality_id__in=user_organization_ids(user, kind=OrganizationKind.MUNICIPALITY))
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("municipality", "domain")
        .prefetch_related(Prefetch("types", queryset=SolutionType.objects.select_related("domain")))
        .annotate(proposal_count=Count("proposals", distinct=True))
        .order_by("-published_at", "-created_at", "-id")
    )


def need_detail_queryset(*, user) -> QuerySet[Need]:
    return (
        Need.objects.filter(need_visibility_q(user))
        .distinct()
        .select_related("municipality", "domain", "created_by")
        .prefetch_related("types", "transitions__actor")
    )


def need_type_codes(need: Need) -> list[str]:
    return [t.code for t in need.types.all()] or list(need.inferred_types)


def need_warnings(need: Need) -> list[str]:
    """Warnings that do not block: chosen types the problem text does not support."""
    chosen = [t.code for t in need.types.all()]
    contradicting = types_contradicting(f"{need.title} {need.text}", chosen)
    if not contradicting:
        return []
    names = dict(SolutionType.objects.filter(code__in=contradicting).values_list("code", "name_ko"))
    return [
        _("선택한 유형 '%(name)s'은(는) 문제 설명과 맞지 않아 보입니다. 유형을 다시 확인하세요.")
        % {"name": names.get(code, code)}
        for code in contradicting
    ]


def proposals_for(*, user, need: Need) -> QuerySet[Proposal]:
    """The city sees every proposal to its need; a company only its own; anyone else none."""
    qs = (
        Proposal.objects.filter(need=need)
        .select_related("company", "solution", "solution_version")
        .prefetch_related("attachments")
    )
    if user_can_manage_need(user, need):
        return qs.prefetch_related("transitions__actor")
    return qs.filter(company_id__in=user_organization_ids(user, kind=OrganizationKind.COMPANY))


def proposal_queryset(*, user) -> QuerySet[Proposal]:
    org_ids = user_organization_ids(user)
    return (
        Proposal.objects.filter(Q(company_id__in=org_ids) | Q(need__municipality_id__in=org_ids))
        .select_related("need__municipality", "company", "solution", "solution_version")
        .prefetch_related("attachments")
    )


def questions_for(*, user, need: Need) -> QuerySet[Question]:
    """The Q&A of a need: the city and invited companies see all of it; other companies see their own."""
    qs = Question.objects.filter(need=need).select_related("company")
    org_ids = user_organization_ids(user)
    if user_can_manage_need(user, need) or Invitation.objects.filter(need=need, company_id__in=org_ids).exists():
        return qs
    return qs.filter(company_id__in=org_ids)


@dataclass
class MatchingNeed:
    need: Need
    score: float
    solution_name: str
    solution_slug: str
    reasons: list[str]


def matching_needs(*, user, company_ids, limit: int = 50) -> list[MatchingNeed]:
    """Needs that fit the companies' solutions (best solution per need), as stored by the engine."""
    visible = Need.objects.filter(need_visibility_q(user), status__in=(NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN))
    rows = (
        Match.objects.filter(solution__company_id__in=list(company_ids), need__in=visible.values("pk"))
        .select_related("need__municipality", "solution")
        .order_by("-score", "need_id")
    )
    best: dict[int, MatchingNeed] = {}
    for match in rows[: limit * 5]:
        if match.need_id in best:
            continue
        reasons = [f["reason"] for f in sorted(match.factors, key=lambda f: -f["value"] * f["weight"]) if f["value"]]
        best[match.need_id] = MatchingNeed(match.need, match.score, match.solution.name, match.solution.slug, reasons)
    return list(best.values())[:limit]


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


# -- diffusion (확산) -------------------------------------------------------------------------------


def _proven_references() -> QuerySet[Reference]:
    """References of published solutions with at least one verified KPI."""
    return Reference.objects.filter(
        solution__status=SolutionStatus.PUBLISHED, kpis__isnull=False, kpis__verified_by__gt=""
    ).distinct()


@dataclass
class Recommendation:
    solution_id: int
    solution_name: str
    solution_slug: str
    company_name: str
    cities: list[str]
    kpi: str


def diffusion_recommendations(*, municipality: Organization, limit: int = 10) -> list[Recommendation]:
    """Proven solutions that similar municipalities use and this one does not, most used first."""
    profile = NeedProfile(
        key="",
        title="",
        text="",
        city_population=municipality.population,
        city_type=municipality.city_type,
        province=municipality.province,
    )
    used = set(Reference.objects.filter(municipality=municipality).values_list("solution_id", flat=True))
    refs = (
        _proven_references()
        .exclude(solution_id__in=used)
        .exclude(municipality=municipality)
        .select_related("municipality", "solution__company")
        .prefetch_related("kpis")
    )
    by_solution: dict[int, Recommendation] = {}
    for ref in refs:
        city = ref.municipality
        alike = similarity(profile, ReferenceProfile(city.name, city.population, city.city_type, city.province, ()))
        if alike < 0.5:
            continue
        rec = by_solution.get(ref.solution_id)
        if rec is None:
            kpi = next((k for k in ref.kpis.all() if k.verified_by and k.improved), None)
            text = ""
            if kpi and kpi.change_percent is not None:
                direction = _("감소") if kpi.change_percent < 0 else _("증가")
                text = f"{kpi.metric} {abs(kpi.change_percent)}% {direction}"
            rec = by_solution[ref.solution_id] = Recommendation(
                ref.solution_id, ref.solution.name, ref.solution.slug, ref.solution.company.name, [], text
            )
        if city.name not in rec.cities:
            rec.cities.append(city.name)
    return sorted(by_solution.values(), key=lambda r: (-len(r.cities), r.solution_name))[:limit]


@dataclass
class BalanceRow:
    province: str
    label: str
    counts: dict[str, int]  # city type → proven solutions deployed there
    municipalities: int
    total: int


def regional_balance() -> tuple[list[BalanceRow], list[tuple[str, str]]]:
    """Per province and city type: how many distinct proven solutions have spread there."""
    rows = _proven_references().values_list("municipality__province", "municipality__city_type", "solution_id",
                                            "municipality_id")  # fmt: skip
    solutions: dict[tuple[str, str], set[int]] = defaultdict(set)
    totals: dict[str, set[int]] = defaultdict(set)
    cities: dict[str, set[int]] = defaultdict(set)
    for province, city_type, solution_id, municipality_id in rows:
        solutions[(province or "", city_type or "")].add(solution_id)
        totals[province or ""].add(solution_id)
        cities[province or ""].add(municipality_id)
    city_types = list(CityType.choices)
    table = [
        BalanceRow(
            province=code,
            label=str(label),
            counts={ct: len(solutions.get((code, ct), ())) for ct, _label in city_types},
            municipalities=len(cities.get(code, ())),
            total=len(totals.get(code, ())),
        )
        for code, label in Province.choices
    ]
    return table, [(ct, str(label)) for ct, label in city_types]
