import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from marketplace.demo.seed import DEMO_PASSWORD, seed_demo
from marketplace.models import (
    Organization,
    OrganizationKind,
    Reference,
    Solution,
    SolutionStatus,
    SolutionTransition,
    SolutionType,
)
from marketplace.permissions import user_is_operator
from marketplace.validators import validate_business_number

pytestmark = pytest.mark.django_db

# Every city named in shared/domain/seed-facts.md.
SEED_FACT_CITIES = [
    "고양시", "울산광역시", "목포시", "아산시", "태안군", "평택시", "고령군", "남원시", "보령시", "속초시", "양주시",
    "예천군", "옥천군", "의왕시", "전주시", "안산시", "남양주시", "당진시", "광양시", "포항시", "부안군",
    "광주광역시 동구", "통영시", "공주시", "부여군", "횡성군", "서산시", "강릉시", "부산광역시 수영구", "의정부시",
    "부천시", "과천시", "시흥시", "대구광역시", "서울특별시",
]  # fmt: skip


def test_demo_catalogue_is_complete_and_realistic():
    report = seed_demo()
    published = Solution.objects.filter(status=SolutionStatus.PUBLISHED)
    assert published.count() >= 150
    covered = set(SolutionType.objects.filter(solutions__in=published).values_list("code", flat=True))
    assert covered == set(SolutionType.objects.values_list("code", flat=True)) and len(covered) == 60

    companies = Organization.objects.filter(kind=OrganizationKind.COMPANY)
    assert companies.count() >= 40
    assert companies.filter(is_startup=True).count() >= 10
    for number in companies.values_list("business_number", flat=True):
        validate_business_number(number)

    municipalities = Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY)
    assert municipalities.count() >= 40
    assert not set(SEED_FACT_CITIES) - set(municipalities.values_list("name", flat=True))
    assert all(code.startswith(prov) for code, prov in municipalities.values_list("admin_code", "province"))

    with_refs = published.filter(references__isnull=False).distinct().count()
    assert with_refs * 3 >= published.count(), "at least a third of the solutions have references"
    assert not Reference.objects.filter(kpis__isnull=True).exists(), "every reference reports outcomes"
    gwacheon = Reference.objects.filter(municipality__name="과천시", solution__main_type__code="TRN-04")
    assert gwacheon.exists(), "the Gwacheon illegal-parking challenge is in the catalogue"

    summaries = list(published.values_list("summary", flat=True))
    assert len(set(summaries)) == len(summaries), "no templated clones"
    assert Solution.objects.filter(status=SolutionStatus.SUBMITTED).exists(), "the review queue has work"

    for _role, email, _org in report.logins:
        assert authenticate(username=email, password=DEMO_PASSWORD) is not None, email
    operator = authenticate(username="operator@openlab.example", password=DEMO_PASSWORD)
    assert operator.has_perm("wagtailadmin.access_admin") and user_is_operator(operator)


def test_seeding_twice_changes_nothing(capsys):
    call_command("seed_demo")
    counts = (Solution.objects.count(), Organization.objects.count(), SolutionTransition.objects.count())
    call_command("seed_demo")
    assert (Solution.objects.count(), Organization.objects.count(), SolutionTransition.objects.count()) == counts
    out = capsys.readouterr().out
    assert "operator@openlab.example" in out and DEMO_PASSWORD in out
