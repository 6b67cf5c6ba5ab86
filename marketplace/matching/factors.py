"""The factors of the matching score. Each takes the need and the solution (and what the engine found in
the search index) and returns a value in [0, 1] with the reason a city official reads.

Must-haves are checked by ``excluded_reason``: they exclude, they are not weighted.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace.models import DeploymentOption, MustHave, SolutionType

from .certification import certification_status
from .profiles import NeedProfile, ReferenceProfile, SolutionProfile


@dataclass(frozen=True)
class TextHit:
    rank: int  # 1-based rank in the search engine's answer to the need's text
    relevance: float  # the engine's score relative to its best hit, in [0, 1]


@dataclass(frozen=True)
class FactorResult:
    name: str
    value: float
    reason: str


TEXT_DEPTH = 100  # how deep into the search engine's answer a solution still counts as relevant
FRESH_DAYS = 365
STALE_DAYS = 5 * 365


def _english() -> bool:
    return (get_language() or "ko").startswith("en")


def format_krw(amount: int) -> str:
    """Amounts the way procurement officers say them: 3억 원, 4천만 원, 4,500만 원 (in English: KRW 45 million)."""
    if _english():
        if amount >= 1_000_000:
            return f"KRW {amount / 1_000_000:,.1f}".rstrip("0").rstrip(".") + " million"
        return f"KRW {amount:,}"
    if amount >= 100_000_000:
        return f"{amount / 100_000_000:,.1f}".rstrip("0").rstrip(".") + "억 원"
    if amount >= 10_000:
        man = amount // 10_000
        return f"{man // 1000}천만 원" if man % 1000 == 0 else f"{man:,}만 원"
    return f"{amount:,}원"


def format_population(population: int) -> str:
    if _english():
        return f"{population:,}"
    if population >= 10_000:
        return f"{population / 10_000:.1f}".rstrip("0").rstrip(".") + "만"
    return f"{population:,}"


_type_names: dict[str, tuple[str, str]] = {}


def type_name(code: str) -> str:
    if not _type_names:
        _type_names.update(
            (c, (ko, en)) for c, ko, en in SolutionType.objects.values_list("code", "name_ko", "name_en")
        )
    ko, en = _type_names.get(code, (code, code))
    return en if _english() and en else ko


def type_fit(need: NeedProfile, solution: SolutionProfile) -> FactorResult:
    if not need.type_codes:
        return FactorResult("type_fit", 0.0, _("수요의 솔루션 유형을 알 수 없어 유형을 비교하지 않았습니다"))
    prefix = _("유형 일치(추론)") if need.types_inferred else _("유형 일치")
    if solution.main_type in need.type_codes:
        return FactorResult("type_fit", 1.0, f"{prefix}: {type_name(solution.main_type)}")
    shared = [c for c in solution.type_codes if c in need.type_codes]
    if shared:
        secondary = _("유형 일치(추론, 부 유형)") if need.types_inferred else _("유형 일치(부 유형)")
        return FactorResult("type_fit", 0.8, f"{secondary}: {type_name(shared[0])}")
    domains = {c.split("-")[0] for c in need.type_codes}
    if solution.main_type.split("-")[0] in domains:
        return FactorResult(
            "type_fit", 0.3, _("같은 분야, 다른 유형: %(name)s") % {"name": type_name(solution.main_type)}
        )
    return FactorResult("type_fit", 0.0, _("유형 불일치: %(name)s") % {"name": type_name(solution.main_type)})


def text(need: NeedProfile, solution: SolutionProfile, hit: TextHit | None) -> FactorResult:
    if hit is None or hit.rank > TEXT_DEPTH:
        return FactorResult("text", 0.0, _("문제 설명과 겹치는 내용이 적음"))
    by_rank = 1.0 - (hit.rank - 1) / TEXT_DEPTH
    value = round(0.5 * by_rank + 0.5 * hit.relevance, 4)
    if value >= 0.6:
        label = _("문제 설명과 관련도 높음")
    elif value >= 0.3:
        label = _("문제 설명과 관련 있음")
    else:
        label = _("문제 설명과 관련도 낮음")
    return FactorResult("text", value, _("%(label)s (검색 %(rank)s위)") % {"label": label, "rank": hit.rank})


def similarity(need: NeedProfile, reference: ReferenceProfile) -> float:
    """How alike the referencing city is to the need's city: population band, city type, province."""
    score = 0.0
    if need.city_population and reference.population:
        ratio = reference.population / need.city_population
        score += 0.5 if 0.5 <= ratio <= 2 else 0.25 if 0.25 <= ratio <= 4 else 0.0
    if need.city_type and reference.city_type == need.city_type:
        score += 0.3
    if need.province and reference.province == need.province:
        score += 0.2
    return score


def outcomes(need: NeedProfile, solution: SolutionProfile) -> FactorResult:
    if not solution.references:
        return FactorResult("outcomes", 0.0, _("구축·실증 사례 없음"))
    total, similar, best = 0.0, 0, None
    for reference in solution.references:
        alike = similarity(need, reference)
        improved = [k for k in reference.kpis if k.improved and k.change_percent is not None]
        if improved:
            weight = (0.5 + 0.5 * alike) * (1.0 if any(k.verified for k in improved) else 0.8)
        else:
            weight = 0.25
        total += weight
        if alike >= 0.5:
            similar += 1
        for kpi in improved:
            rank = (alike, abs(kpi.change_percent))
            if best is None or rank > best[0]:
                best = (rank, kpi)
    value = round(min(1.0, total / 1.5), 4)
    count = len(solution.references)
    if similar and need.city_population:
        where = _("인구 %(pop)s 유사 도시 %(similar)s곳 포함 %(count)s곳에서 실증") % {
            "pop": format_population(need.city_population),
            "similar": similar,
            "count": count,
        }
    elif similar:
        where = _("유사 도시 %(similar)s곳 포함 %(count)s곳에서 실증") % {"similar": similar, "count": count}
    else:
        where = _("%(count)s곳에서 구축·실증") % {"count": count}
    if best is None:
        return FactorResult("outcomes", value, _("%(where)s, 검증된 성과 지표 없음") % {"where": where})
    kpi = best[1]
    direction = _("감소") if kpi.change_percent < 0 else _("증가")
    change = f"{abs(float(kpi.change_percent)):g}"
    return FactorResult(
        "outcomes",
        value,
        _("%(where)s, %(metric)s %(change)s%% %(direction)s")
        % {"where": where, "metric": kpi.metric, "change": change, "direction": direction},
    )


def budget(need: NeedProfile, solution: SolutionProfile) -> FactorResult:
    if not need.budget_krw:
        return FactorResult("budget", 0.5, _("예산 미입력 — 가격을 비교하지 않았습니다"))
    if solution.price_min is None and solution.price_max is None:
        return FactorResult("budget", 0.5, _("가격 비공개 — 제안서로 확인 필요"))
    low = solution.price_min if solution.price_min is not None else solution.price_max
    high = solution.price_max if solution.price_max is not None else low
    sites = max(1, need.sites)
    unit = solution.price_unit or _("단위")
    if low == high:
        price = format_krw(low)
    else:
        price = f"{format_krw(low)}~{format_krw(high)}".replace(" 원~", "~").replace(" million~KRW ", "~")
    detail = _("%(unit)s %(price)s × %(sites)s개소") % {"unit": unit, "price": price, "sites": sites}
    if high * sites <= need.budget_krw:
        return FactorResult("budget", 1.0, _("예산 범위 내 (%(detail)s)") % {"detail": detail})
    if low * sites <= need.budget_krw:
        return FactorResult("budget", 0.6, _("구성에 따라 예산 초과 가능 (%(detail)s)") % {"detail": detail})
    over = (low * sites - need.budget_krw) / need.budget_krw
    value = round(max(0.0, 0.4 * (1 - over)), 4)
    return FactorResult(
        "budget",
        value,
        _("예산 초과: 최소 %(cost)s 필요 (%(detail)s)") % {"cost": format_krw(low * sites), "detail": detail},
    )


def capacity(need: NeedProfile, solution: SolutionProfile) -> FactorResult:
    regions = set(solution.regions_served)
    built = len(solution.references)
    if not need.province:
        value, reason = 0.5, _("수요 지역 정보 없음")
    elif need.province in regions or solution.company_province == need.province:
        value, reason = 1.0, _("해당 광역 지역에서 사업 수행 가능")
    elif not regions:
        value, reason = 0.5, _("기업의 사업 지역 정보 없음")
    else:
        value, reason = 0.2, _("기업의 사업 지역 밖")
    if built:
        value = min(1.0, value + 0.2)
        reason = _("%(reason)s, 구축 경험 %(n)s건") % {"reason": reason, "n": built}
    return FactorResult("capacity", value, reason)


def freshness(need: NeedProfile, solution: SolutionProfile, *, now: datetime | None = None) -> FactorResult:
    moments = [m for m in (solution.published_at, solution.updated_at) if m]
    if not moments:
        return FactorResult("freshness", 0.2, _("게시일 정보 없음"))
    days = ((now or timezone.now()) - max(moments)).days
    if days <= FRESH_DAYS:
        return FactorResult("freshness", 1.0, _("최근 1년 안에 게시·갱신"))
    value = round(max(0.2, 1.0 - 0.8 * (days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS)), 4)
    return FactorResult("freshness", value, _("%(years)s년 전 마지막 갱신") % {"years": days // 365})


def certification(need: NeedProfile, solution: SolutionProfile) -> FactorResult:
    status = certification_status(solution.id)
    return FactorResult("certification", 1.0 if status.certified else 0.0, status.reason)


def excluded_reason(need: NeedProfile, solution: SolutionProfile) -> str:
    """Why a solution cannot be considered at all (a must-have it misses), or "" when it can."""
    reasons = []
    for must in need.must_haves:
        if must == MustHave.OPEN_SOURCE and not solution.open_source:
            reasons.append(_("오픈소스 아님 — 필수 요건 미충족"))
        elif must == MustHave.DATA_HUB_LINKAGE and not solution.linked_data_models:
            reasons.append(_("데이터허브 연계 데이터 모델 미등록 — 필수 요건 미충족"))
        elif must == MustHave.DATA_HUB_CERTIFIED:
            status = certification_status(solution.id)
            if not status.certified:
                reasons.append(_("%(reason)s — 필수 요건 미충족") % {"reason": status.reason})
        elif must == MustHave.ON_PREMISE and not (
            {DeploymentOption.ON_PREMISE, DeploymentOption.HYBRID} & set(solution.deployment_options)
        ):
            reasons.append(_("설치형(온프레미스) 구축 불가 — 필수 요건 미충족"))
        elif must == MustHave.CLOUD and not (
            {DeploymentOption.CLOUD, DeploymentOption.SAAS, DeploymentOption.HYBRID} & set(solution.deployment_options)
        ):
            reasons.append(_("클라우드·SaaS 제공 안 함 — 필수 요건 미충족"))
    return "; ".join(reasons)
