"""Fixtures for needs, matching and procurement tests, shared by tests/marketplace and tests/api."""

import pytest

from marketplace import services
from marketplace.models import SolutionType
from search.services import index_rebuild
from tests.factories import OutcomeKPIFactory, ReferenceFactory, SolutionFactory


@pytest.fixture
def parking_solution(company):
    """An illegal-parking enforcement solution linked to the data hub, with a verified outcome."""
    solution = SolutionFactory(
        company=company,
        name="무브아이 이동식 불법주정차 단속",
        summary="순찰차 카메라로 불법 주정차를 찾아 단속합니다.",
        description="소방차 진입로와 소화전 주변 불법주정차를 실시간으로 감시합니다.",
        main_type=SolutionType.objects.get(code="TRN-04"),
        price_min=40_000_000,
        price_max=60_000_000,
        data_models_produced=["OnStreetParking"],
        open_source_license="Apache-2.0",
    )
    OutcomeKPIFactory(reference=ReferenceFactory(solution=solution), verified_by="한국교통연구원")
    return solution


@pytest.fixture
def shelter_solution(other_company):
    return SolutionFactory(
        company=other_company,
        name="쉘터원 스마트 버스정류장",
        summary="폭염과 한파를 막는 정류장 쉼터",
        description="냉난방과 공기청정기를 갖춘 밀폐형 버스정류장입니다.",
        main_type=SolutionType.objects.get(code="TRN-13"),
        price_min=150_000_000,
        price_max=200_000_000,
    )


@pytest.fixture
def indexed(parking_solution, shelter_solution):
    index_rebuild()


NEED_TEXT = "과천 도심 불법주정차로 소방차 진입이 어렵다. 대상 6개 구역, 데이터허브 연계 필수"


@pytest.fixture
def need(municipality, municipality_user):
    return services.need_create(
        actor=municipality_user,
        municipality=municipality,
        title="도심 불법주정차로 소방차 진입 곤란",
        text=NEED_TEXT,
        budget_krw=300_000_000,
        timeline="2026년 하반기",
        sites=6,
        must_haves=["data_hub_linkage"],
    )


@pytest.fixture
def published_need(need, municipality_user, indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.need_publish(actor=municipality_user, need=need)
    need.refresh_from_db()
    return need
