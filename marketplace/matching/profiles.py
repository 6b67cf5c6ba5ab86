"""Plain data the engine scores, loaded in a few bulk queries (never one query per solution)."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from marketplace.models import Need, OutcomeKPI, Reference, Solution, SolutionStatus


@dataclass(frozen=True)
class NeedProfile:
    """A need, or the fields of a quick-match preview that is never saved."""

    key: str  # mixed into the tie-break hash: "need:12" or "preview:<digest>"
    title: str
    text: str
    type_codes: tuple[str, ...] = ()
    types_inferred: bool = False
    domain_code: str = ""
    budget_krw: int | None = None
    sites: int = 1
    city_population: int | None = None
    city_type: str = ""
    province: str = ""
    must_haves: tuple[str, ...] = ()

    @property
    def query_text(self) -> str:
        return f"{self.title} {self.text}".strip()


@dataclass(frozen=True)
class KPIProfile:
    metric: str
    change_percent: Decimal | None
    improved: bool
    verified: bool
    lower_is_better: bool


@dataclass(frozen=True)
class ReferenceProfile:
    municipality: str
    population: int | None
    city_type: str
    province: str
    kpis: tuple[KPIProfile, ...]


@dataclass
class SolutionProfile:
    id: int
    name: str
    slug: str
    company_id: int
    company_name: str
    company_province: str
    regions_served: list[str]
    main_type: str
    type_codes: list[str]
    price_min: int | None
    price_max: int | None
    price_unit: str
    open_source: bool
    deployment_options: list[str]
    linked_data_models: bool
    published_at: datetime | None
    updated_at: datetime | None
    references: list[ReferenceProfile] = field(default_factory=list)


def need_profile(need: Need, *, type_codes: list[str] | None = None) -> NeedProfile:
    chosen = type_codes if type_codes is not None else [t.code for t in need.types.all()]
    municipality = need.municipality
    return NeedProfile(
        key=f"need:{need.pk}",
        title=need.title,
        text=need.text,
        type_codes=tuple(chosen or need.inferred_types),
        types_inferred=not chosen and bool(need.inferred_types),
        domain_code=need.domain.code if need.domain_id else "",
        budget_krw=need.budget_krw,
        sites=need.sites or 1,
        city_population=municipality.population,
        city_type=need.city_type or municipality.city_type,
        province=municipality.province,
        must_haves=tuple(need.must_haves),
    )


def preview_key(text: str) -> str:
    return "preview:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def _change(baseline: Decimal, result: Decimal) -> Decimal | None:
    if not baseline:
        return None
    return ((result - baseline) / baseline * 100).quantize(Decimal("0.1"))


def load_solutions(ids) -> dict[int, SolutionProfile]:
    """Published solutions by id, with types, references and KPIs: four queries in all."""
    ids = list(ids)
    if not ids:
        return {}
    rows = Solution.objects.filter(pk__in=ids, status=SolutionStatus.PUBLISHED).values_list(
        "id",
        "name",
        "slug",
        "company_id",
        "company__name",
        "company__province",
        "company__regions_served",
        "main_type__code",
        "price_min",
        "price_max",
        "price_unit",
        "open_source_license",
        "deployment_options",
        "data_models_produced",
        "data_models_consumed",
        "published_at",
        "updated_at",
    )
    profiles = {}
    for row in rows:
        (pk, name, slug, company_id, company_name, province, regions, main_type, pmin, pmax, unit, licence) = row[:12]
        deployment, produced, consumed, published_at, updated_at = row[12:]
        profiles[pk] = SolutionProfile(
            id=pk,
            name=name,
            slug=slug,
            company_id=company_id,
            company_name=company_name,
            company_province=province or "",
            regions_served=list(regions or []),
            main_type=main_type,
            type_codes=[main_type],
            price_min=pmin,
            price_max=pmax,
            price_unit=unit,
            open_source=bool(licence),
            deployment_options=list(deployment or []),
            linked_data_models=bool(produced or consumed),
            published_at=published_at,
            updated_at=updated_at,
        )
    if not profiles:
        return profiles
    through = Solution.types.through.objects.filter(solution_id__in=list(profiles)).values_list(
        "solution_id", "solutiontype__code"
    )
    for solution_id, code in through:
        if code not in profiles[solution_id].type_codes:
            profiles[solution_id].type_codes.append(code)
    references = list(
        Reference.objects.filter(solution_id__in=list(profiles)).values_list(
            "id",
            "solution_id",
            "municipality__name",
            "municipality__population",
            "municipality__city_type",
            "municipality__province",
        )
    )
    kpis = defaultdict(list)
    if references:
        for ref_id, metric, baseline, result, lower, verified in OutcomeKPI.objects.filter(
            reference_id__in=[r[0] for r in references]
        ).values_list("reference_id", "metric", "baseline", "result", "lower_is_better", "verified_by"):
            improved = result < baseline if lower else result > baseline
            kpis[ref_id].append(KPIProfile(metric, _change(baseline, result), improved, bool(verified), lower))
    for ref_id, solution_id, municipality, population, city_type, province in references:
        profiles[solution_id].references.append(
            ReferenceProfile(municipality, population, city_type or "", province or "", tuple(kpis[ref_id]))
        )
    return profiles
