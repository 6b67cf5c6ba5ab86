import pytest

from search.backends.base import SearchQuery
from search.backends.database import DatabaseBackend, highlight

from .contract import BackendContract

pytestmark = pytest.mark.django_db


class TestDatabaseBackend(BackendContract):
    @pytest.fixture
    def backend(self):
        return DatabaseBackend()


def test_highlight_escapes_html_before_marking():
    assert highlight("<b>주차</b> 안내", {"주차"}) == "&lt;b&gt;<mark>주차</mark>&lt;/b&gt; 안내"


def _doc(object_id, title, **facets):
    from search.backends.base import IndexDocument

    return IndexDocument(kind="solution", object_id=object_id, title=title, facets=facets)


def test_facet_counts_equal_a_sql_group_by():
    from django.db import connection

    backend = DatabaseBackend()
    backend.index(
        _doc(i, f"스마트 주차 {i}", domain=["TRN"], type=["TRN-04", "TRN-07"][: 1 + i % 2], company=[f"c{i % 3}"])
        for i in range(1, 40)
    )
    results = backend.search(SearchQuery(text="주차", kinds=("solution",), page_size=5))
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, value, COUNT(*) FROM search_searchfacet GROUP BY name, value")
        expected = {}
        for name, value, count in cursor.fetchall():
            expected.setdefault(name, []).append((value, count))
    assert {name: sorted(values) for name, values in results.facets.items()} == {
        name: sorted(values) for name, values in expected.items()
    }


def test_facet_counts_follow_a_reindexed_document():
    backend = DatabaseBackend()
    backend.index([_doc(1, "스마트 주차", domain=["TRN"]), _doc(2, "스마트 주차 안내", domain=["TRN"])])
    assert backend.search(SearchQuery(text="주차", kinds=("solution",))).facets["domain"] == [("TRN", 2)]
    backend.index([_doc(2, "스마트 주차 안내", domain=["ENV"])])  # same object, new facets
    facets = backend.search(SearchQuery(text="주차", kinds=("solution",))).facets["domain"]
    assert sorted(facets) == [("ENV", 1), ("TRN", 1)]
    backend.delete("solution", [1])
    assert backend.search(SearchQuery(text="주차", kinds=("solution",))).facets["domain"] == [("ENV", 1)]


def test_relaxed_match_leaves_out_words_most_documents_contain(monkeypatch):
    from search.backends import database

    backend = DatabaseBackend()
    backend.index(_doc(i, f"스마트 가로등 {i}", domain=["ENE"]) for i in range(1, 30))
    backend.index([_doc(100, "스마트 그늘막", domain=["SAF"]), _doc(101, "그늘막 안내", domain=["SAF"])])
    monkeypatch.setattr(database, "COMMON_MIN_DOCUMENTS", 5)

    # One document has both words, so documents with either follow it; "스마트" is in nearly all.
    results = backend.search(SearchQuery(text="스마트 그늘막", kinds=("solution",)))

    assert [hit.object_id for hit in results.hits][0] == 100
    assert results.total == 2 and {hit.object_id for hit in results.hits} == {100, 101}
