"""One contract for every search backend: subclass ``BackendContract`` and provide a ``backend``
fixture that returns an empty backend. The database backend runs here; Elasticsearch runs the
same class when ELASTICSEARCH_URL is set."""

from search.backends.base import SearchQuery


class BackendContract:
    def ids(self, backend, text, **kwargs):
        return [hit.object_id for hit in backend.search(SearchQuery(text=text, **kwargs)).hits]

    def test_particles_do_not_matter(self, backend, corpus):
        backend.rebuild(corpus)
        assert self.ids(backend, "주차장을")[0] == 2
        assert self.ids(backend, "쓰레기를")[0] == 7

    def test_spacing_variants_find_the_same(self, backend, corpus):
        backend.rebuild(corpus)
        assert 4 in self.ids(backend, "미세 먼지")
        assert 4 in self.ids(backend, "미세먼지")

    def test_synonyms(self, backend, corpus):
        backend.rebuild(corpus)
        assert self.ids(backend, "쉘터")[0] == 3, "쉘터 finds 셸터"
        assert self.ids(backend, "노인 돌봄")[0] == 5
        assert 4 in self.ids(backend, "대기질")
        assert 6 in self.ids(backend, "스마트폴")

    def test_english_and_latin_typos(self, backend, corpus):
        backend.rebuild(corpus)
        assert self.ids(backend, "smart parking")[0] == 2
        results = backend.search(SearchQuery(text="smart parkng"))
        assert results.hits and results.hits[0].object_id == 2
        assert results.suggestion == "smart parking"

    def test_bad_input_never_fails(self, backend, corpus):
        backend.rebuild(corpus)
        attacks = ['"', "*", "NEAR", "주차 OR", "-주차", "주차 AND NOT", "((( )))", "?!.,", "'; DROP TABLE x; --"]
        for text in [*attacks, "가" * 1000]:
            results = backend.search(SearchQuery(text=text))
            assert results.total >= 0

    def test_empty_query_browses_everything_of_the_kind(self, backend, corpus):
        backend.rebuild(corpus)
        results = backend.search(SearchQuery(text=""))
        assert results.total == 7 and len(results.hits) == 7

    def test_filters_and_facets(self, backend, corpus):
        backend.rebuild(corpus)
        results = backend.search(SearchQuery(text="", filters={"domain": ("TRN",)}))
        assert {h.object_id for h in results.hits} == {1, 2, 3}
        assert dict(results.facets["type"]) == {"TRN-04": 1, "TRN-07": 1, "TRN-13": 1}
        assert dict(results.facets["has_reference"]) == {"true": 2, "false": 1}
        assert dict(results.facets["domain"])["ENV"] == 2, "a filtered facet still counts its other values"
        both = backend.search(SearchQuery(text="", filters={"domain": ("TRN",), "province": ("41",)}))
        assert [h.object_id for h in both.hits] == [1]
        either = backend.search(SearchQuery(text="", filters={"type": ("TRN-04", "ENV-01")}))
        assert {h.object_id for h in either.hits} == {1, 4}

    def test_highlight_marks_and_escapes(self, backend, corpus):
        backend.rebuild(corpus)
        hit = backend.search(SearchQuery(text="불법주정차")).hits[0]
        assert "<mark>" in hit.highlight_title and "<script" not in hit.highlight_title

    def test_pagination_and_page_past_the_end(self, backend, corpus):
        backend.rebuild(corpus)
        first = backend.search(SearchQuery(text="", page=1, page_size=3))
        second = backend.search(SearchQuery(text="", page=2, page_size=3))
        assert first.total == 7 and first.num_pages == 3
        assert not {h.object_id for h in first.hits} & {h.object_id for h in second.hits}
        beyond = backend.search(SearchQuery(text="", page=99, page_size=3))
        assert beyond.hits == [] and beyond.total == 7

    def test_stable_tie_order(self, backend, corpus):
        backend.rebuild(corpus)
        assert self.ids(backend, "") == self.ids(backend, "")

    def test_kinds(self, backend, corpus):
        backend.rebuild(corpus)
        assert self.ids(backend, "파크뷰", kinds=("organization",)) == [101]
        assert 101 not in self.ids(backend, "파크뷰")

    def test_suggest(self, backend, corpus):
        backend.rebuild(corpus)
        titles = [s.text for s in backend.suggest("스마트")]
        assert titles and all("스마트" in t for t in titles) and len(titles) <= 10
        assert backend.suggest("") == []

    def test_index_replaces_and_delete_removes(self, backend, corpus):
        backend.rebuild(corpus)
        changed = corpus[0].__class__(**{**corpus[0].__dict__, "title": "무브아이 드론 순찰"})
        backend.index([changed])
        assert 1 in self.ids(backend, "드론") and 1 not in self.ids(backend, "감시")
        backend.delete("solution", [1])
        assert 1 not in self.ids(backend, "")
