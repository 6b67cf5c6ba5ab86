"""The issue's story in a real browser: a company signs up, creates its company, lists a
solution and submits it; an operator approves it in the Wagtail admin; the public sees it."""

import re

import pytest

from marketplace.models import Solution, SolutionStatus, SolutionType
from marketplace.wagtail_hooks import ensure_operator_group
from tests.conftest import member_of
from tests.factories import OperatorOrgFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOLUTION_NAME = "버스정류장 폭염 쉼터 원격관제"


def test_company_lists_operator_approves_public_sees(live_server, new_page):
    operator = UserFactory(email="ops@openlab.example")
    operator.groups.add(ensure_operator_group())
    member_of(OperatorOrgFactory(), user=operator)

    page = new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("input[name=email]", "ceo@shelter.example")
    page.fill("input[name=password1]", "Shelter-2026-pass")
    page.fill("input[name=password2]", "Shelter-2026-pass")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/ko/onboarding/$"))

    page.select_option("select[name=org-kind]", "company")
    page.fill("input[name=org-name]", "(주)쉼표정류장")
    page.fill("input[name=org-business_number]", "220-81-62518")
    page.locator("#org-create-form button[type=submit]").click()
    assert page.get_by_text("유효하지 않은 사업자등록번호").first.is_visible()
    page.fill("input[name=org-business_number]", "220-81-62517")
    page.locator("#org-create-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ko/dashboard/$"))

    page.goto(f"{live_server.url}/solutions/new/")
    page.fill("input[name=name]", SOLUTION_NAME)
    page.select_option("select[name=types]", str(SolutionType.objects.get(code="TRN-13").pk))
    page.fill("input[name=summary]", "정류장 온도와 혼잡도를 원격으로 보고 냉방을 켭니다.")
    page.fill("textarea[name=description]", "정류장마다 온도·습도 센서와 냉방기를 연결해 관제센터에서 제어합니다.")
    page.select_option("select[name=pricing_model]", "per_unit")
    page.fill("input[name=price_min]", "25000000")
    page.fill("input[name=price_max]", "40000000")
    page.locator("form button[type=submit]").filter(has_text="임시 저장").click()
    page.wait_for_url(re.compile(r"/edit/$"))
    page.locator("form[action$='/submit/'] button[type=submit]").click()
    assert page.get_by_text("심사를 요청했습니다").first.is_visible()
    solution = Solution.objects.get(name=SOLUTION_NAME)
    assert solution.status == SolutionStatus.SUBMITTED

    anonymous = new_page()
    anonymous.goto(f"{live_server.url}/solutions/")
    assert SOLUTION_NAME not in anonymous.content()

    admin = new_page()
    admin.goto(f"{live_server.url}/admin/login/")
    admin.fill("input[name=username]", "ops@openlab.example")
    admin.fill("input[name=password]", "pw-12345!")
    admin.locator("button[type=submit]").click()
    admin.wait_for_url(re.compile(r"/admin/$"))
    admin.goto(f"{live_server.url}/admin/solutions/approve/{solution.pk}/")
    admin.fill("textarea[name=note]", "요건 충족")
    admin.locator("main form button[type=submit]").last.click()
    admin.wait_for_load_state()
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.PUBLISHED

    anonymous.goto(f"{live_server.url}/solutions/?type=TRN-13")
    anonymous.get_by_role("link", name=SOLUTION_NAME).click()
    assert anonymous.get_by_role("heading", name=SOLUTION_NAME).is_visible()
    assert "(주)쉼표정류장" in anonymous.content()
