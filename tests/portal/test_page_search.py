"""Site pages are found through Wagtail's search, in the visitor's language, on the unified search page."""

import pytest

from portal.selectors import pages_search

pytestmark = pytest.mark.django_db


def test_pages_search_finds_live_pages_in_the_current_locale(tree, english_home):
    titles = [page.title for page in pages_search("샌드박스")]
    assert "샌드박스 도시데이터 받기" in titles
    assert pages_search("샌드박스", locale=english_home.locale) == []


def test_unpublished_pages_are_not_found(tree):
    tree["guide"].unpublish()
    assert "샌드박스 도시데이터 받기" not in [page.title for page in pages_search("샌드박스")]


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "()", "NEAR(", "-", "'; DROP TABLE wagtailcore_page; --"])
def test_bad_queries_find_nothing_and_never_fail(tree, query):
    assert isinstance(pages_search(query), list)


def test_unified_search_page_shows_a_pages_section(client, tree):
    html = client.get("/ko/search/", {"q": "샌드박스"}).content.decode()
    assert "소식·사례·안내" in html and 'href="/ko/guides/sandbox/"' in html
    assert client.get("/ko/search/", {"q": '"'}).status_code == 200
