"""The portal in real Chromium on the demo content: a visitor goes home → catalogue → solution →
case study, switches language without losing the page, and every key page passes axe-core
(no serious or critical violations); an operator edits the home hero in the Wagtail admin and
publishes it. Screenshots of the key pages go to test-results/screenshots/."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from marketplace.models import Solution
from portal.models import CaseStudyPage, HomePage

from .a11y import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def test_visitor_reads_the_portal_in_korean_and_english(live_server, new_page, demo):
    page = new_page()
    page.goto(f"{live_server.url}/")
    page.wait_for_url(re.compile(r"/ko/$"))
    assert page.locator("h1").inner_text().startswith("우리 도시에 맞는 스마트도시 솔루션")
    assert page.get_by_role("heading", name="구축·실증 사례").is_visible()
    shoot(page, "home-ko")
    assert_accessible(page, "home (ko)")

    page.locator(".krds-main-menu").get_by_role("link", name="솔루션 카탈로그").click()
    page.wait_for_url(re.compile(r"/ko/solutions/$"))
    shoot(page, "catalogue-ko")
    assert_accessible(page, "catalogue")

    solution = Solution.objects.get(name="무브아이 이동식 불법주정차 실시간 감시 시스템")
    page.goto(f"{live_server.url}{solution.get_absolute_url()}")
    assert page.get_by_role("heading", name=solution.name, level=1).is_visible()
    assert page.get_by_role("heading", name="실증·구축 사례 이야기").is_visible()
    shoot(page, "solution-detail-ko")
    assert_accessible(page, "solution detail")

    page.get_by_role("link", name="과천시 스마트 불법주정차 통합 솔루션").first.click()
    page.wait_for_url(re.compile(r"/ko/case-studies/gwacheon-illegal-parking/$"))
    assert page.get_by_role("heading", name="성과 지표").is_visible()
    assert page.locator("table.portal-kpi-table tbody tr").count() >= 3
    shoot(page, "case-study-ko")
    assert_accessible(page, "case study")

    page.goto(f"{live_server.url}/ko/accounts/signup/")
    assert_accessible(page, "sign-up")

    # Language switch keeps the page: a guide with a translation, then a page without one.
    page.goto(f"{live_server.url}/ko/guides/sandbox-data/")
    page.locator(".krds-language .drop-btn").click()
    page.locator(".krds-language button[value=en]").click()
    page.wait_for_url(re.compile(r"/en/guides/"))
    assert page.get_by_role("heading", name="Get city data from the sandbox", level=1).is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page, "guide (en)")

    page.goto(f"{live_server.url}/ko/case-studies/gwacheon-illegal-parking/")
    page.locator(".krds-language .drop-btn").click()
    page.locator(".krds-language button[value=en]").click()
    page.wait_for_url(re.compile(r"/en/case-studies/gwacheon-illegal-parking/$"))
    assert page.get_by_text("This page has not been translated yet.").is_visible()
    assert page.get_by_role("heading", name="과천시 스마트 불법주정차 통합 솔루션", level=1).is_visible()

    page.goto(f"{live_server.url}/en/")
    assert page.locator("h1").inner_text().startswith("Compare smart-city solutions")
    shoot(page, "home-en")
    assert_accessible(page, "home (en)")


def test_operator_edits_the_home_hero_and_publishes(live_server, new_page, demo):
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "operator@openlab.example")
    page.fill("input[name=password]", "openlab-demo-2026")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.locator("#openlab-pending-approvals-section").is_visible()

    home = HomePage.objects.get(locale=Locale.get_default())
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.fill("input[name=hero_title]", "우리 동네 문제, 검증된 솔루션으로 풀어요")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/(\d+/)?$"))

    visitor = new_page()
    visitor.goto(f"{live_server.url}/ko/")
    assert visitor.locator("h1").inner_text() == "우리 동네 문제, 검증된 솔루션으로 풀어요"


def test_case_study_refuses_an_unpublished_solution_in_the_admin(live_server, new_page, demo):
    """The operator links a draft solution to a case study: the form says why and nothing is saved."""
    draft = Solution.objects.filter(status="draft").first()
    case = CaseStudyPage.objects.get(slug="gwacheon-illegal-parking", locale__language_code="ko")
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "operator@openlab.example")
    page.fill("input[name=password]", "openlab-demo-2026")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"{live_server.url}/admin/pages/{case.pk}/edit/")
    linked = [str(pk) for pk in case.solutions.values_list("pk", flat=True)]
    page.locator("select[name=solutions]").select_option([*linked, str(draft.pk)])
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_load_state()
    shoot(page, "admin-case-study-error")
    assert page.get_by_text("게시되지 않은 솔루션은 연결할 수 없습니다").first.is_visible()
    assert not case.solutions.filter(pk=draft.pk).exists()
