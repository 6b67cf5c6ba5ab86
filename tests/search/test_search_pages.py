"""The search page, the catalogue's search and the search API with good and bad input."""

import pytest

from search.services import outbox_drain
from tests.factories import SolutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    solutions = [
        SolutionFactory(name="무브아이 불법주정차 감시", summary="순찰차 카메라로 불법 주정차를 단속합니다."),
        SolutionFactory(name="에어노트 대기 측정망", summary="미세먼지를 측정합니다."),
        SolutionFactory(name="파크뷰 스마트 주차유도", summary="Smart parking guidance"),
    ]
    outbox_drain()
    return solutions


def test_search_page_ranks_and_highlights(client, catalogue):
    response = client.get("/ko/search/", {"q": "불법주차"})
    assert response.context["solutions"][0].name == "무브아이 불법주정차 감시"
    assert "<mark>" in response.content.decode()


def test_search_page_did_you_mean(client, catalogue):
    response = client.get("/ko/search/", {"q": "smart parkng"})
    assert response.context["results"].suggestion == "smart parking"
    assert "smart parking" in response.content.decode()


@pytest.mark.parametrize(
    "q", ["", "?!.,;", '"', "*", "NEAR", "주차 OR", "-주차", "x" * 1000, "'; DROP TABLE marketplace_solution; --"]
)
def test_search_page_bad_input_never_fails(client, catalogue, q):
    response = client.get("/ko/search/", {"q": q})
    assert response.status_code == 200


def test_long_query_is_cut_with_a_notice(client, catalogue):
    response = client.get("/ko/search/", {"q": "미세먼지 " * 300})
    assert "앞의 200자로 찾았습니다" in response.content.decode()


def test_search_page_past_the_end_shows_the_last_page(client, catalogue):
    response = client.get("/ko/search/", {"q": "", "page": "999"})
    assert response.status_code == 200 and response.context["results"].page == 1


def test_catalogue_search_uses_the_engine(client, catalogue):
    response = client.get("/ko/solutions/", {"search": "주차장을"})
    names = [s.name for s in response.context["solutions"]]
    assert names[0] == "파크뷰 스마트 주차유도"
    assert response.context["facet_counts"]["domain"]["TRN"] >= 1


def test_catalogue_search_with_unknown_filter_is_400(client, catalogue):
    assert client.get("/ko/solutions/", {"search": "주차", "domain": "NOPE"}).status_code == 400


def test_api_solutions_search_returns_facets(client, catalogue):
    body = client.get("/api/v1/solutions/", {"search": "미세 먼지"}).json()
    assert body["results"][0]["name"] == "에어노트 대기 측정망"
    assert {"value": "TRN", "count": 1} in body["facets"]["domain"]


def test_api_search_and_suggest(client, catalogue):
    body = client.get("/api/v1/search/", {"q": "단속", "type": "solution"}).json()
    assert body["count"] == 1 and "<mark>단속</mark>" in body["results"][0]["highlight"]["summary"]
    suggestions = client.get("/api/v1/search/suggest/", {"q": "파크"}).json()["results"]
    assert suggestions and len(suggestions) <= 10 and suggestions[0]["text"].startswith("파크뷰")


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"q": "주차", "domain": "NOPE"}, 400, "domain"),
        ({"q": "주차", "solution_type": "TRN-99"}, 400, "type"),
        ({"q": "주차", "colour": "red"}, 400, "colour"),
        ({"q": "주차", "type": "pages"}, 400, "type"),
        ({"q": "x" * 1000}, 400, "q"),
        ({"q": "주차", "page": "999"}, 404, None),
    ],
)
def test_api_search_bad_input(client, catalogue, params, status, field):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == status
    body = response.json()["error"]
    assert body["message"]
    if field:
        assert field in body["fields"]


@pytest.mark.parametrize("q", ["", "?!", '"NEAR" OR *'])
def test_api_search_odd_queries_answer(client, catalogue, q):
    assert client.get("/api/v1/search/", {"q": q}).status_code == 200
    assert client.get("/api/v1/search/suggest/", {"q": q}).status_code == 200


def test_search_page_lists_cms_pages_in_the_visitors_language(client):
    from django.urls import reverse
    from wagtail.models import Page

    from portal.models import HomePage
    from search import sources
    from search.backends.database import DatabaseBackend

    page = HomePage.objects.get().add_child(instance=Page(title="스마트도시 솔루션 확산사업 공모 안내", slug="call"))
    DatabaseBackend().index([sources.page_document(page)])

    response = client.get(reverse("search:search"), {"q": "확산사업"})

    assert [hit.object_id for hit in response.context["pages"].hits] == [page.pk]
    assert "<mark>확산</mark>" in response.content.decode()
