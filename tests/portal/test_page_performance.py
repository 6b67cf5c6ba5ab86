"""Home and case study pages: a bounded number of queries, and a cached body for anonymous
visitors that publishing clears."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import models as pages
from tests.factories import MunicipalityFactory, ReferenceFactory, SolutionFactory

from .conftest import add

pytestmark = pytest.mark.django_db

HOME_QUERY_LIMIT = 30
CASE_STUDY_QUERY_LIMIT = 25


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return captured.captured_queries


def more_content(tree, n):
    municipality = MunicipalityFactory()
    for i in range(n):
        solution = SolutionFactory()
        ReferenceFactory(solution=solution, municipality=municipality)
        case = pages.CaseStudyPage(title=f"사례 {i}", slug=f"case-{i}", municipality=municipality, year=2024)
        tree["cases"].add_child(instance=case)
        case.solutions.set([solution])
        case.save_revision().publish()
        add(tree["news_index"], pages.NewsPage(title=f"소식 {i}", slug=f"news-{i}", body=[]))


def test_home_query_count_is_bounded_and_does_not_grow_with_content(client, tree):
    cache.clear()
    few = len(queries_for(client, "/ko/"))
    more_content(tree, 6)
    cache.clear()
    many = len(queries_for(client, "/ko/"))
    assert many <= HOME_QUERY_LIMIT
    assert many == few


def test_case_study_query_count_is_bounded(client, tree):
    solution = tree["solution"]
    for _i in range(5):
        extra = SolutionFactory()
        tree["case"].solutions.add(extra)
    tree["case"].save_revision().publish()
    cache.clear()
    count = len(queries_for(client, "/ko/case-studies/gwacheon/"))
    assert count <= CASE_STUDY_QUERY_LIMIT
    assert solution.name in client.get("/ko/case-studies/gwacheon/").content.decode()


def test_anonymous_home_body_comes_from_the_cache(client, tree):
    cache.clear()
    first = queries_for(client, "/ko/")
    second = queries_for(client, "/ko/")
    assert len(second) < len(first)
    assert not [q for q in second if "marketplace_solution" in q["sql"]]


def test_publishing_clears_the_cached_body(client, home, tree):
    cache.clear()
    assert "우리 도시의 문제, 오픈랩에서" not in client.get("/ko/").content.decode()
    home.refresh_from_db()
    home.hero_title = "우리 도시의 문제, 오픈랩에서"
    home.save_revision().publish()
    assert "우리 도시의 문제, 오픈랩에서" in client.get("/ko/").content.decode()

    news = pages.NewsPage(title="새로 게시한 공지", slug="fresh", body=[])
    add(tree["news_index"], news)
    assert "새로 게시한 공지" in client.get("/ko/").content.decode()
    news.unpublish()
    assert "새로 게시한 공지" not in client.get("/ko/").content.decode()


def test_solution_approval_clears_the_cached_key_figures(client, tree):
    cache.clear()
    assert "<dt>게시 솔루션</dt><dd>1</dd>" in client.get("/ko/").content.decode()
    SolutionFactory()
    assert "<dt>게시 솔루션</dt><dd>2</dd>" in client.get("/ko/").content.decode()


def test_signed_in_users_and_query_strings_are_never_served_from_the_cache(client, tree, company_user):
    cache.clear()
    client.get("/ko/news/")
    pages.NewsPage.objects.filter(slug="launch").update(title="제목만 바뀐 소식")
    assert "제목만 바뀐 소식" in client.get("/ko/news/?page=1").content.decode()
    client.force_login(company_user)
    assert "제목만 바뀐 소식" in client.get("/ko/news/").content.decode()
