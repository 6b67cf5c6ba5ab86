"""A small page tree for the portal's page tests: Korean home (from the migration), its English
translation, one index per section and a page or two in each."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from portal import models as pages
from tests.factories import MunicipalityFactory, ReferenceFactory, SolutionFactory


def publish(page):
    page.save_revision().publish()
    return page


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def home(db):
    return pages.HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def english_home(home, english):
    translated = home.copy_for_translation(english)
    translated.title = translated.draft_title = "Smart City Open Lab"
    translated.hero_title = "Compare smart-city solutions"
    translated.save()
    return publish(translated)


@pytest.fixture
def tree(home):
    """Korean section indexes with a little content in each."""
    today = timezone.localdate()
    news_index = add(home, pages.NewsIndexPage(title="공지·소식", slug="news", show_in_menus=True))
    news = pages.NewsPage(
        title="오픈랩 정식 서비스 시작",
        slug="launch",
        category="notice",
        summary="양방향 매칭 서비스가 문을 열었습니다.",
        body=[("paragraph", RichText("<p>스마트도시 종합포털과 솔루션 마켓을 통합했습니다.</p>"))],
    )
    news.tags.add("오픈랩")
    add(news_index, news)
    programmes = add(home, pages.ProgrammeIndexPage(title="지원사업", slug="programmes"))
    diffusion = add(
        programmes,
        pages.ProgrammePage(
            title="스마트도시 솔루션 확산사업",
            slug="diffusion",
            application_opens=today - timedelta(days=5),
            application_deadline=today + timedelta(days=20),
            apply_url="https://www.molit.go.kr/",
            eligibility=[
                ("row", {"criterion": "인구 규모", "requirement": "인구 30만 명 미만 시·군", "mandatory": True})
            ],
        ),
    )
    municipality = MunicipalityFactory(name="과천시")
    solution = SolutionFactory(name="이동식 불법주정차 감시")
    ReferenceFactory(solution=solution, municipality=municipality)
    cases = add(home, pages.CaseStudyIndexPage(title="구축 사례", slug="case-studies"))
    case = pages.CaseStudyPage(
        title="과천시 스마트 불법주정차 통합 솔루션",
        slug="gwacheon",
        municipality=municipality,
        year=2021,
        programme_name="스마트타운 챌린지",
        programme_page=diffusion,
        kpis=[
            (
                "kpi",
                {
                    "metric": "불법주정차 적발",
                    "baseline": 1210,
                    "result": 780,
                    "unit": "건/월",
                    "lower_is_better": True,
                    "verified_by": "과천시 교통정책과",
                },
            )
        ],
        body=[("paragraph", RichText("<p>버스장착형 단속과 스마트 소화전을 함께 운영했습니다.</p>"))],
    )
    cases.add_child(instance=case)
    case.solutions.set([solution])
    publish(case)
    guides = add(home, pages.GuideIndexPage(title="이용 안내", slug="guides"))
    guide = add(
        guides,
        pages.GuidePage(
            title="샌드박스 도시데이터 받기",
            slug="sandbox",
            audience="startup",
            body=[("paragraph", RichText("<p>API 키를 발급받아 NGSI-LD API를 호출합니다.</p>"))],
        ),
    )
    return {
        "news_index": news_index,
        "news": news,
        "programmes": programmes,
        "programme": diffusion,
        "cases": cases,
        "case": case,
        "solution": solution,
        "municipality": municipality,
        "guides": guides,
        "guide": guide,
    }
