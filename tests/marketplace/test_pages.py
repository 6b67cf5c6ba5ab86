"""Public pages and the company's own pages render what a user came for."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import SolutionStatus, SolutionType
from tests.factories import OutcomeKPIFactory, ReferenceFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_catalogue_query_count_does_not_grow_with_page_size(client, municipality):
    for _i in range(2):
        ReferenceFactory(solution=SolutionFactory(), municipality=municipality)
    small = count_queries(client, "/ko/solutions/")
    for _i in range(10):
        solution = SolutionFactory(
            types=[SolutionType.objects.get(code="TRN-07"), SolutionType.objects.get(code="SAF-01")]
        )
        OutcomeKPIFactory(reference=ReferenceFactory(solution=solution, municipality=municipality))
    full = count_queries(client, "/ko/solutions/")
    assert full == small, f"2 cards took {small} queries, 12 cards took {full}"


def test_catalogue_lists_published_only_with_filters(client, company):
    shown = SolutionFactory(company=company, name="과천형 스마트 주차")
    SolutionFactory(company=company, name="비공개 초안", status=SolutionStatus.DRAFT, published_at=None)
    page = client.get("/ko/solutions/").content.decode()
    assert "과천형 스마트 주차" in page and "비공개 초안" not in page
    assert shown.company.name in page
    page = client.get("/ko/solutions/?domain=ENV").content.decode()
    assert "과천형 스마트 주차" not in page


def test_catalogue_unknown_filter_explains_itself(client):
    response = client.get("/ko/solutions/?type=TRN-99&price_band=cheap")
    assert response.status_code == 400
    page = response.content.decode()
    assert "알 수 없는 솔루션 유형 코드" in page and "알 수 없는 가격대" in page


def test_catalogue_pagination(client):
    for _ in range(14):
        SolutionFactory()
    first, second = client.get("/ko/solutions/"), client.get("/ko/solutions/?page=2")
    assert first.context["page_obj"].paginator.num_pages == 2
    assert len(second.context["solutions"]) == 2
    assert client.get("/ko/solutions/?page=999").status_code == 200


def test_solution_detail_shows_vendor_price_and_outcomes(client, municipality):
    solution = SolutionFactory(name="불법주정차 통합 솔루션")
    OutcomeKPIFactory(reference=ReferenceFactory(solution=solution, municipality=municipality, year=2022))
    page = client.get(solution.get_absolute_url()).content.decode()
    for expected in ["불법주정차 통합 솔루션", solution.company.name, municipality.name, "불법주정차 건수", "2022"]:
        assert expected in page, expected
    assert "TRN-07" in page


def test_draft_detail_is_hidden_from_the_public(client, company):
    draft = SolutionFactory(company=company, status=SolutionStatus.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_company_and_municipality_profiles(client, company, municipality):
    solution = SolutionFactory(company=company, name="스마트 횡단보도 안전 시스템")
    ReferenceFactory(solution=solution, municipality=municipality)
    assert "스마트 횡단보도 안전 시스템" in client.get(company.get_absolute_url()).content.decode()
    page = client.get(municipality.get_absolute_url()).content.decode()
    assert "스마트 횡단보도 안전 시스템" in page and municipality.admin_code in page


def test_dashboard_lists_my_solutions_with_status(client, company, company_user):
    SolutionFactory(company=company, name="심사 중인 솔루션", status=SolutionStatus.SUBMITTED, published_at=None)
    client.force_login(company_user)
    page = client.get("/ko/dashboard/").content.decode()
    assert "심사 중인 솔루션" in page and "심사 중" in page


def test_dashboard_needs_login(client):
    response = client.get("/ko/dashboard/")
    assert response.status_code == 302 and "/ko/accounts/login/" in response["Location"]


def test_editing_another_companys_solution_is_forbidden(client, company, other_company_user):
    solution = SolutionFactory(company=company)
    client.force_login(other_company_user)
    assert client.get(f"/ko/solutions/{solution.slug}/edit/").status_code == 403
    response = client.post(f"/ko/solutions/{solution.slug}/edit/", {"name": "탈취"})
    assert response.status_code == 403


def test_company_lists_and_submits_a_solution_through_pages(client, company, company_user):
    client.force_login(company_user)
    trn04 = SolutionType.objects.get(code="TRN-04")
    response = client.post(
        "/ko/solutions/new/",
        {
            "name": "버스 탑재형 불법주차 단속",
            "types": [trn04.pk],
            "summary": "시내버스에 카메라를 달아 정류장 불법주차를 찍습니다.",
            "description": "두 대의 버스가 5분 간격으로 같은 차량을 촬영하면 단속 대상으로 분류합니다.",
            "pricing_model": "per_unit",
            "price_min": "9000000",
            "price_max": "12000000",
            "specs": "카메라: 2MP\n통신: LTE",
            "deployment_options": ["cloud"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    solution = company.solutions.get(name="버스 탑재형 불법주차 단속")
    assert solution.specs == {"카메라": "2MP", "통신": "LTE"}
    client.post(f"/ko/solutions/{solution.slug}/submit/", {"note": ""})
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.SUBMITTED


def test_solution_form_shows_service_errors_on_fields(client, company, company_user):
    client.force_login(company_user)
    response = client.post(
        "/ko/solutions/new/",
        {
            "name": "가격 역전",
            "types": [SolutionType.objects.get(code="TRN-04").pk],
            "summary": "요약",
            "description": "설명",
            "pricing_model": "license",
            "price_min": "50",
            "price_max": "10",
        },
    )
    assert response.status_code == 400
    assert "최고 가격은 최저 가격보다 작을 수 없습니다" in response.content.decode()
    assert not company.solutions.exists()


def test_oversize_upload_page_message(client, company, company_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    solution = SolutionFactory(company=company)
    client.force_login(company_user)
    response = client.post(
        f"/ko/solutions/{solution.slug}/media/",
        {"kind": "brochure", "file": SimpleUploadedFile("brochure.docx", b"PK\x03\x04")},
        follow=True,
    )
    assert "PDF 파일만" in response.content.decode()
    assert not solution.media.exists()


def test_home_page_shows_domains_and_latest(client):
    SolutionFactory(name="최신 스마트 쉘터")
    page = client.get("/", follow=True).content.decode()
    assert "최신 스마트 쉘터" in page and "교통" in page


def test_english_switch(client):
    SolutionFactory()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/ko/solutions/"})
    assert response["Location"] == "/en/solutions/"
    page = client.get(response["Location"]).content.decode()
    assert 'lang="en"' in page
    assert "Solution catalogue" in page


def test_company_adds_a_reference_with_kpis_on_the_edit_page(client, company, company_user, municipality):
    solution = SolutionFactory(company=company)
    client.force_login(company_user)
    assert "구축 사례 추가" in client.get(f"/ko/solutions/{solution.slug}/edit/").content.decode()
    form = {"ref-municipality": municipality.pk, "ref-year": "2023", "ref-programme": "스마트챌린지"}
    form |= {"kpi-TOTAL_FORMS": "3", "kpi-INITIAL_FORMS": "0", "kpi-MIN_NUM_FORMS": "0", "kpi-MAX_NUM_FORMS": "5"}
    form |= {"kpi-0-metric": "보행자 사고", "kpi-0-baseline": "12", "kpi-0-result": "7", "kpi-0-lower_is_better": "on"}
    response = client.post(f"/ko/solutions/{solution.slug}/references/", form, follow=True)
    assert "구축 사례를 등록했습니다" in response.content.decode()
    reference = solution.references.get()
    assert reference.kpis.get().improved
