"""The issue's story in a real browser: a city describes a problem, sees ranked solutions with reasons,
publishes and invites; the company sees the matching need and proposes; the city compares, shortlists and
awards, and the ranking it saw is frozen."""

import re

import pytest
from django.urls import reverse

from marketplace.models import Award, ProposalStatus, SolutionType
from search.services import index_rebuild
from tests.conftest import member_of
from tests.factories import (
    MunicipalityFactory,
    OrganizationFactory,
    OutcomeKPIFactory,
    ReferenceFactory,
    SolutionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOLUTION = "무브아이 이동식 불법주정차 단속"


def login(page, base, email):
    page.goto(f"{base}{reverse('account_login')}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", "pw-12345!")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_problem_description_to_award(live_server, new_page):
    city = MunicipalityFactory(name="과천시", population=79_000, province="41")
    official = member_of(city, user=UserFactory(email="official@gwacheon.example"))
    company = OrganizationFactory(name="(주)무브아이")
    member_of(company, user=UserFactory(email="sales@moveeye.example"))
    solution = SolutionFactory(
        company=company,
        name=SOLUTION,
        summary="순찰차 카메라로 불법 주정차를 찾아 단속합니다.",
        description="소방차 진입로와 소화전 주변 불법주정차를 실시간으로 감시합니다.",
        main_type=SolutionType.objects.get(code="TRN-04"),
        price_min=40_000_000,
        price_max=60_000_000,
        data_models_produced=["OnStreetParking"],
    )
    OutcomeKPIFactory(reference=ReferenceFactory(solution=solution), verified_by="한국교통연구원")
    index_rebuild()
    base = live_server.url

    city_page = new_page()
    login(city_page, base, official.email)
    city_page.goto(f"{base}{reverse('marketplace:need_create')}")
    city_page.fill("input[name=title]", "도심 불법주정차로 소방차 진입 곤란")
    city_page.fill("textarea[name=text]", "과천 도심 불법주정차로 소방차 진입이 어렵다. 대상 6개 구역")
    city_page.fill("input[name=budget_krw]", "-300")
    city_page.fill("input[name=sites]", "6")
    city_page.locator("form.portal-form button[type=submit]").click()
    assert city_page.get_by_text("예산은 0원보다 커야 합니다").first.is_visible()
    city_page.fill("input[name=budget_krw]", "300000000")
    city_page.locator("form.portal-form button[type=submit]").click()
    city_page.wait_for_url(re.compile(r"/needs/\d+/$"))
    assert city_page.get_by_text("문제 설명에서 추론").first.is_visible()
    assert city_page.get_by_text("유형 일치(추론): 불법주정차 단속").first.is_visible()
    assert city_page.get_by_text("구성에 따라 예산 초과 가능 (개소당 4천만~6천만 원 × 6개소)").first.is_visible()
    city_page.get_by_role("button", name="수요 공개").click()
    assert city_page.get_by_text("수요를 공개했습니다").first.is_visible()
    city_page.get_by_role("button", name=re.compile("제안 요청")).first.click()
    assert city_page.get_by_text("제안을 요청했습니다").first.is_visible()

    company_page = new_page()
    login(company_page, base, "sales@moveeye.example")
    company_page.goto(f"{base}{reverse('marketplace:matching_needs')}")
    company_page.get_by_role("link", name=re.compile("제안하기")).first.click()
    company_page.select_option("select[name=solution]", str(solution.pk))
    company_page.fill("input[name=price_krw]", "270000000")
    company_page.fill("input[name=schedule]", "계약 후 6개월")
    company_page.fill("textarea[name=approach]", "6개 구역에 이동식 카메라 차량을 배치하고 데이터허브와 연계합니다.")
    company_page.locator("form.portal-form button[type=submit]").click()
    assert company_page.get_by_text("제안을 제출했습니다").first.is_visible()

    city_page.get_by_role("link", name=re.compile("제안 비교")).click()
    assert city_page.get_by_text("270,000,000").first.is_visible()
    city_page.get_by_role("button", name=re.compile("후보 선정")).click()
    city_page.fill("textarea[name=reason]", "유사 도시 실증 성과, 예산 범위 내")
    city_page.get_by_role("button", name=re.compile("최종 선정")).click()
    assert city_page.get_by_text("최종 선정: (주)무브아이").first.is_visible()
    city_page.get_by_role("link", name="선정 당시 매칭 목록 보기").click()
    assert city_page.get_by_text(SOLUTION).first.is_visible()

    award = Award.objects.get()
    assert award.proposal.status == ProposalStatus.AWARDED
    assert award.snapshot.results[0]["solution_name"] == SOLUTION
