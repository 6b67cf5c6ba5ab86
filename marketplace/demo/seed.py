"""Demo data for ``manage.py seed_demo``: municipalities, companies, their solutions, references
with outcome KPIs, an operator and one login per role. Running it again changes nothing.

The catalogue text lives in ``data/*.json`` (fictional companies, real municipalities); business
registration numbers are derived from each company's key so they are stable and pass the
checksum.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marketplace.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    OutcomeKPI,
    Reference,
    Solution,
    SolutionStatus,
    SolutionTransition,
    SolutionType,
    SolutionVersion,
)
from marketplace.services._slugs import unique_slug
from marketplace.validators import business_number_check_digit
from marketplace.wagtail_hooks import ensure_operator_group

DATA_DIR = Path(__file__).resolve().parent / "data"
SOLUTION_FILES = (
    "solutions_adm_trn_hlt.json",
    "solutions_env_saf.json",
    "solutions_cul_log_plt_etc.json",
    # A submission waiting in the operators' review queue and a company's unfinished draft.
    "solutions_review_queue.json",
)
DEMO_PASSWORD = "openlab-demo-2026"
OPERATOR_ORG = {
    "name": "스마트도시 오픈랩 운영기관",
    "name_en": "Smart City Open Lab Operations Office",
    "description": "국토교통부 스마트도시 정책을 지원하며 오픈랩 솔루션 등록 심사와 지원사업 운영을 맡는다.",
    "province": "36",
}


@dataclass
class SeedReport:
    municipalities: int = 0
    companies: int = 0
    solutions: int = 0
    published: int = 0
    references: int = 0
    logins: list[tuple[str, str, str]] = field(default_factory=list)


def demo_business_number(key: str) -> str:
    """A stable, checksum-valid 사업자등록번호 for a fictional company (81–88: 법인)."""
    digest = int(hashlib.sha256(key.encode()).hexdigest(), 16)
    office = 101 + digest % 899
    kind = 81 + (digest >> 12) % 8
    serial = (digest >> 24) % 10000
    first_nine = f"{office:03d}{kind:02d}{serial:04d}"
    return first_nine + str(business_number_check_digit(first_nine))


def _load(name: str):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _organization(kind: str, name: str, defaults: dict) -> Organization:
    organization = Organization.objects.filter(kind=kind, name=name).first()
    if organization is None:
        organization = Organization(kind=kind, name=name)
        organization.slug = unique_slug(Organization, defaults.get("name_en") or name)
    for key, value in defaults.items():
        setattr(organization, key, value)
    organization.save()
    return organization


def _user(email: str, name: str, *, usable: bool = True, **flags):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(email=email, defaults={"name": name, **flags})
    if created:
        if usable:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
    return user


def _member(user, organization: Organization, role=MembershipRole.ADMIN) -> None:
    Membership.objects.update_or_create(
        user=user,
        organization=organization,
        defaults={"role": role, "status": MembershipStatus.ACTIVE, "decided_at": timezone.now()},
    )


def seed_municipalities(report: SeedReport) -> dict[str, Organization]:
    by_name = {}
    for item in _load("municipalities.json"):
        by_name[item["name"]] = _organization(
            OrganizationKind.MUNICIPALITY,
            item["name"],
            {
                "name_en": item["name_en"],
                "admin_code": item["admin_code"],
                "province": item["province"],
                "population": item["population"],
                "city_type": item["city_type"],
                "smart_city_status": item["smart_city_status"],
                "website": item.get("website", ""),
                "description": item["description"],
                "description_en": item.get("description_en", ""),
                "is_verified": True,
            },
        )
    report.municipalities = len(by_name)
    return by_name


def _published_at(index: int, versions: list[dict]) -> datetime:
    released = [v["released_on"] for v in versions if v.get("released_on")]
    day = date.fromisoformat(released[0]) if released else date(2024, 1, 2) + timedelta(days=index * 3)
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0) + timedelta(days=14))


def _seed_solution(item, index, company, submitter, types_by_code, municipalities, operator, report, status):
    types = [types_by_code[code] for code in item["types"]]
    fields = {
        "name_en": item.get("name_en", ""),
        "summary": item["summary"],
        "description": item["description"],
        "main_type": types[0],
        "problems": item.get("problems", []),
        "features": item.get("features", []),
        "specs": item.get("specs", {}),
        "tags": item.get("tags", []),
        "pricing_model": item["pricing_model"],
        "price_min": item.get("price_min"),
        "price_max": item.get("price_max"),
        "price_unit": item.get("price_unit", ""),
        "deployment_options": item.get("deployment", []),
        "open_source_license": item.get("license", ""),
        "data_models_produced": item.get("data_models_produced", []),
        "data_models_consumed": item.get("data_models_consumed", []),
    }
    solution = Solution.objects.filter(company=company, name=item["name"]).first()
    created = solution is None
    if created:
        solution = Solution(company=company, name=item["name"], status=status)
        solution.slug = unique_slug(Solution, item.get("name_en") or item["name"])
        if status == SolutionStatus.PUBLISHED:
            solution.published_at = _published_at(index, item.get("versions", []))
    for key, value in fields.items():
        setattr(solution, key, value)
    solution.save()
    solution.types.set(types)
    if created and status != SolutionStatus.DRAFT:
        steps = [(SolutionStatus.DRAFT, SolutionStatus.SUBMITTED, submitter, "")]
        if status == SolutionStatus.PUBLISHED:
            steps.append((SolutionStatus.SUBMITTED, SolutionStatus.PUBLISHED, operator, "등록 요건 충족, 게시 승인"))
        for from_status, to_status, actor, note in steps:
            SolutionTransition.objects.create(
                solution=solution, from_status=from_status, to_status=to_status, actor=actor, note=note
            )
    for version in item.get("versions", []):
        SolutionVersion.objects.update_or_create(
            solution=solution,
            version=version["version"],
            defaults={"released_on": version.get("released_on"), "changelog": version.get("changelog", "")},
        )
    for ref in item.get("references", []):
        reference, _ = Reference.objects.update_or_create(
            solution=solution,
            municipality=municipalities[ref["municipality"]],
            year=ref["year"],
            defaults={
                "programme": ref.get("programme", ""),
                "budget_krw": ref.get("budget_krw"),
                "summary": ref.get("summary", ""),
            },
        )
        reference.kpis.all().delete()
        OutcomeKPI.objects.bulk_create(
            OutcomeKPI(
                reference=reference,
                metric=kpi["metric"],
                baseline=kpi["baseline"],
                result=kpi["result"],
                unit=kpi.get("unit", ""),
                lower_is_better=kpi.get("lower_is_better", False),
                verified_by=kpi.get("verified_by", ""),
            )
            for kpi in ref.get("kpis", [])
        )
        report.references += 1
    return solution


def seed_catalogue(report: SeedReport, municipalities, operator) -> dict[str, Organization]:
    types_by_code = {t.code: t for t in SolutionType.objects.all()}
    companies: dict[str, Organization] = {}
    staff: dict[str, object] = {}
    index = 0
    for filename in SOLUTION_FILES:
        data = _load(filename)
        for item in data["companies"]:
            companies[item["key"]] = _organization(
                OrganizationKind.COMPANY,
                item["name"],
                {
                    "name_en": item.get("name_en", ""),
                    "business_number": demo_business_number(item["key"]),
                    "is_startup": item.get("is_startup", False),
                    "founded_year": item.get("founded_year"),
                    "employees": item.get("employees"),
                    "province": item.get("province", ""),
                    "regions_served": item.get("regions_served", []),
                    "website": item.get("website", ""),
                    "description": item.get("description", ""),
                    "description_en": item.get("description_en", ""),
                    "is_verified": True,
                },
            )
            # Every company has a person who listed its solutions; these accounts cannot log in.
            staff[item["key"]] = _user(
                f"{item['key']}@companies.openlab.example", f"{item['name']} 담당자", usable=False
            )
            _member(staff[item["key"]], companies[item["key"]])
        for item in data["solutions"]:
            _seed_solution(
                item,
                index,
                companies[item["company"]],
                staff[item["company"]],
                types_by_code,
                municipalities,
                operator,
                report,
                item.get("status", SolutionStatus.PUBLISHED),
            )
            index += 1
    report.companies = len(companies)
    return companies


@transaction.atomic
def seed_demo() -> SeedReport:
    report = SeedReport()
    operator_org = _organization(OrganizationKind.OPERATOR, OPERATOR_ORG["name"], {**OPERATOR_ORG, "is_verified": True})
    operator = _user("operator@openlab.example", "오픈랩 운영자")
    operator.groups.add(ensure_operator_group())
    _member(operator, operator_org)
    municipalities = seed_municipalities(report)
    companies = seed_catalogue(report, municipalities, operator)

    official = _user("gwacheon@openlab.example", "과천시 스마트도시팀 주무관")
    _member(official, municipalities["과천시"])
    company = next(c for key, c in companies.items() if key.startswith("a-") and not c.is_startup)
    company_user = _user("company@openlab.example", f"{company.name} 담당자")
    _member(company_user, company)
    startup = next(c for c in companies.values() if c.is_startup)
    startup_user = _user("startup@openlab.example", f"{startup.name} 대표")
    _member(startup_user, startup)

    report.solutions = Solution.objects.count()
    report.published = Solution.objects.filter(status=SolutionStatus.PUBLISHED).count()
    report.logins = [
        ("운영기관 (operator)", operator.email, operator_org.name),
        ("지자체 (municipality)", official.email, "과천시"),
        ("기업 (company)", company_user.email, company.name),
        ("새싹기업 (startup)", startup_user.email, startup.name),
    ]
    return report
