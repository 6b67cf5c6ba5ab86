"""Which support programmes (지원사업) a need qualifies for, and which solutions keep it eligible.

A need qualifies by its city (population limit, city type) and the calendar (application deadline). The
≥35 % climate/digital-inclusion share is a rule about the whole project budget: a need whose types are
climate or inclusion solutions counts towards it in full, any other need is shown with the warning that
the share must come from elsewhere. A solution keeps the need eligible when it meets the programme's
mandatory criteria (open source, data hub linkage, data hub certification).
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import CityType, Programme

from .certification import certification_status
from .factors import format_population
from .profiles import NeedProfile, SolutionProfile

# Types the 4th Smart City Plan counts as climate response or digital inclusion (기후대응·디지털포용).
CLIMATE_INCLUSION_TYPES = frozenset(
    {
        "ENV-01", "ENV-02", "ENV-03", "ENV-04", "ENV-05", "ENV-06", "ENV-07", "ENV-08", "ENV-09", "ENV-10",
        "ENV-11", "HLT-01", "HLT-02", "HLT-03", "HLT-04", "TRN-05", "TRN-09", "TRN-13", "LOG-03", "ETC-07",
    }
)  # fmt: skip


@dataclass
class ProgrammeFit:
    programme: Programme
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    solution_rules: list[str] = field(default_factory=list)


def solution_rules(programme: Programme) -> list[str]:
    rules = []
    if programme.requires_open_source:
        rules.append(_("오픈소스 솔루션"))
    if programme.requires_data_hub_linkage:
        rules.append(_("데이터허브 연계"))
    if programme.requires_data_hub_certification:
        rules.append(_("데이터허브 인증"))
    return rules


def programme_fit(need: NeedProfile, programme: Programme, *, today=None) -> ProgrammeFit:
    fit = ProgrammeFit(programme=programme, eligible=True, solution_rules=solution_rules(programme))
    if programme.max_population:
        if need.city_population is None:
            fit.warnings.append(_("지자체 인구 정보가 없어 인구 요건을 확인하지 못했습니다"))
        elif need.city_population < programme.max_population:
            fit.reasons.append(
                _("인구 %(pop)s < %(limit)s")
                % {"pop": format_population(need.city_population), "limit": format_population(programme.max_population)}
            )
        else:
            fit.eligible = False
            fit.reasons.append(
                _("인구 %(pop)s — 인구 %(limit)s 미만 도시만 신청 가능")
                % {"pop": format_population(need.city_population), "limit": format_population(programme.max_population)}
            )
    if programme.city_types:
        labels = ", ".join(str(CityType(t).label) for t in programme.city_types if t in CityType.values)
        if need.city_type in programme.city_types:
            fit.reasons.append(_("대상 도시 유형(%(types)s)") % {"types": labels})
        else:
            fit.eligible = False
            fit.reasons.append(_("대상 도시 유형이 아님 — %(types)s만 신청 가능") % {"types": labels})
    today = today or timezone.localdate()
    if programme.application_deadline and programme.application_deadline < today:
        fit.eligible = False
        fit.reasons.append(_("신청 마감(%(date)s)") % {"date": programme.application_deadline.isoformat()})
    if programme.min_climate_inclusion_share:
        share = programme.min_climate_inclusion_share
        if set(need.type_codes) & CLIMATE_INCLUSION_TYPES:
            fit.reasons.append(_("기후·디지털포용 유형: 사업비 %(share)s%% 요건에 산입") % {"share": share})
        else:
            fit.warnings.append(
                _("기후·디지털포용 유형이 아님: 사업비의 %(share)s%% 이상은 다른 기후·디지털포용 과제로 채워야 함")
                % {"share": share}
            )
    return fit


def need_programmes(need: NeedProfile) -> list[ProgrammeFit]:
    """Every active programme with whether the need qualifies and why; eligible ones first."""
    fits = [programme_fit(need, p) for p in Programme.objects.filter(is_active=True).order_by("name")]
    return sorted(fits, key=lambda f: (not f.eligible, f.programme.name))


def solution_keeps_eligible(solution: SolutionProfile, programme: Programme) -> tuple[bool, list[str]]:
    missing = []
    if programme.requires_open_source and not solution.open_source:
        missing.append(_("오픈소스 아님"))
    if programme.requires_data_hub_linkage and not solution.linked_data_models:
        missing.append(_("데이터허브 연계 데이터 모델 미등록"))
    if programme.requires_data_hub_certification and not certification_status(solution.id).certified:
        missing.append(_("데이터허브 인증 없음"))
    return not missing, missing
