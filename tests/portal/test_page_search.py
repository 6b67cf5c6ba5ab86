"""Site pages are found through the search engine (indexed on publish), in the visitor's language,
on the unified search page."""

import pytest

from search.services import outbox_drain

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(tree, english_home):
    outbox_drain()  # what the worker does right after the pages' publish commits
    return tree


def test_unified_search_page_shows_a_pages_section(client, indexed):
    html = client.get("/ko/search/", {"q": "샌드박스"}).content.decode()
    assert "소식·사례·안내" in html and 'href="/ko/guides/sandbox/"' in html
    assert client.get("/ko/search/", {"q": '"'}).status_code == 200


def test_pages_are_found_in_the_visitors_language_only(client, indexed):
    korean = client.get("/ko/search/", {"q": "샌드박스"}).context["pages"]
    assert all(hit.url.startswith("/ko/") for hit in korean.hits)
    assert client.get("/en/search/", {"q": "샌드박스"}).context["pages"] is None  # Korean pages only
    english = client.get("/en/search/", {"q": "Open Lab"}).context["pages"]
    assert english.hits and all(hit.url.startswith("/en/") for hit in english.hits)


def test_unpublished_pages_are_not_found(client, indexed):
    found = client.get("/ko/search/", {"q": "샌드박스"}).context["pages"]
    assert "guides/sandbox" in " ".join(hit.url for hit in found.hits)
    indexed["guide"].unpublish()
    outbox_drain()
    pages = client.get("/ko/search/", {"q": "샌드박스"}).context["pages"]
    assert pages is None or "guides/sandbox" not in " ".join(hit.url for hit in pages.hits)


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "()", "NEAR(", "-", "'; DROP TABLE wagtailcore_page; --"])
def test_bad_queries_never_fail(client, indexed, query):
    assert client.get("/ko/search/", {"q": query}).status_code == 200
