"""The Elasticsearch backend without a cluster: index settings and mappings, request bodies, reading
responses, and the backend's conversation with the cluster (through a fake HTTP node).

A mistake here shows up for users as Korean words not matching (analysis), wrong facet counts, results
in an order that favours one vendor, or a search page that breaks while the index is being rebuilt.
"""

import json
import zlib
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch import Elasticsearch

from search.backends.base import IndexDocument, SearchQuery
from search.backends.elasticsearch import ElasticsearchBackend, SearchUnavailable
from search.documents import FACETS, document_source, index_mappings, index_settings, tiebreak
from search.queries import build_search, build_suggest, parse_response, parse_suggestions
from search.synonyms import USER_DICTIONARY

INDEX = "openlab-search"


def body(query: SearchQuery, **kwargs) -> dict:
    return build_search(query, index=INDEX, **kwargs).to_dict()


def inner_query(search_body: dict) -> dict:
    """The bool query inside the function_score wrapper."""
    return search_body["query"]["function_score"]["query"]["bool"]


def doc(object_id: int, title: str, *, kind: str = "solution", **kwargs) -> IndexDocument:
    return IndexDocument(kind=kind, object_id=object_id, title=title, url=f"/{kind}s/{object_id}/", **kwargs)


# Analysis settings and mapping


def test_index_analyzer_is_nori_keeping_compounds_and_domain_words():
    analysis = index_settings()["analysis"]
    korean = analysis["analyzer"]["korean"]
    tokenizer = analysis["tokenizer"][korean["tokenizer"]]

    assert tokenizer["type"] == "nori_tokenizer"
    assert tokenizer["decompound_mode"] == "mixed"
    assert {"스마트쉘터", "스마트폴", "주정차"} <= set(tokenizer["user_dictionary_rules"])
    assert tokenizer["user_dictionary_rules"] == list(USER_DICTIONARY)
    assert korean["filter"][1:] == ["nori_readingform", "lowercase"]


def test_particles_and_endings_are_dropped_by_part_of_speech():
    analysis = index_settings()["analysis"]
    pos_filter = analysis["filter"][analysis["analyzer"]["korean"]["filter"][0]]

    assert pos_filter["type"] == "nori_part_of_speech"
    assert {"E", "J", "XSV"} <= set(pos_filter["stoptags"])
    # Nouns, foreign words and numbers are what people search for: CCTV, PM2.5, 주차장.
    assert not {"NNG", "NNP", "SL", "SN"} & set(pos_filter["stoptags"])


def test_synonyms_apply_at_search_time_only():
    analysis = index_settings()["analysis"]
    analyzers, filters = analysis["analyzer"], analysis["filter"]
    synonym_filters = [name for name, f in filters.items() if f["type"] == "synonym_graph"]

    assert len(synonym_filters) == 1
    (synonyms,) = synonym_filters
    assert synonyms in analyzers["korean_search"]["filter"]
    assert synonyms not in analyzers["korean"]["filter"]
    assert any("쉘터" in rule and "셸터" in rule for rule in filters[synonyms]["synonyms"])
    assert any("주차" in rule and "parking" in rule for rule in filters[synonyms]["synonyms"])
    # One token per position at search time, so multi-word rules ("버스정류장 쉼터") can be parsed.
    assert analysis["tokenizer"][analyzers["korean_search"]["tokenizer"]]["decompound_mode"] == "discard"


def test_autocomplete_analyzer_indexes_word_prefixes():
    analysis = index_settings()["analysis"]
    autocomplete = analysis["analyzer"]["autocomplete"]

    assert analysis["tokenizer"][autocomplete["tokenizer"]] == {
        "type": "edge_ngram",
        "min_gram": 1,
        "max_gram": 20,
        "token_chars": ["letter", "digit"],
    }
    assert "lowercase" in autocomplete["filter"]


def test_mapping_has_korean_text_ngram_subfields_and_keyword_facets():
    properties = index_mappings()["properties"]

    for name in ("title", "title_en", "summary", "body"):
        assert properties[name]["type"] == "text"
        assert properties[name]["analyzer"] == "korean"
        assert properties[name]["search_analyzer"] == "korean_search"
    assert properties["title"]["fields"]["ngram"]["analyzer"] == "autocomplete"
    assert properties["title"]["fields"]["ngram"]["search_analyzer"] == "autocomplete_search"
    assert properties["title"]["fields"]["keyword"]["type"] == "keyword"
    assert properties["kind"] == {"type": "keyword"}
    assert properties["object_id"]["type"] == "long"
    assert properties["url"] == {"type": "keyword", "index": False, "doc_values": False}
    assert properties["boost"]["type"] == "float"
    assert properties["tiebreak"]["type"] == "long"
    assert set(properties["facets"]["properties"]) == set(FACETS)
    assert all(field == {"type": "keyword"} for field in properties["facets"]["properties"].values())
    assert index_mappings()["dynamic"] == "strict"


def test_document_source_carries_facets_and_a_stable_tiebreak():
    document = doc(7, "스마트 주차", facets={"domain": ["mobility"], "startup": ["true"]}, boost=1.15)
    source = document_source(document)

    assert source["facets"] == {"domain": ["mobility"], "startup": ["true"]}
    assert source["boost"] == 1.15
    assert source["tiebreak"] == zlib.crc32(b"solution:7") == tiebreak("solution:7")
    assert set(source) <= set(index_mappings()["properties"])
    # Not ordered by id: a vendor with old (low) ids does not win every tie.
    ranks = [tiebreak(f"solution:{pk}") for pk in range(1, 30)]
    assert ranks != sorted(ranks)


# Search request


def test_text_is_matched_over_weighted_fields_with_the_korean_search_analyzer():
    query = inner_query(body(SearchQuery(text="주차장을 단속")))
    text = query["must"][0]["bool"]
    all_words = text["must"][0]["multi_match"]
    best = text["should"][0]["multi_match"]

    assert all_words["fields"] == best["fields"] == ["title^4", "title_en^3", "summary^2", "body"]
    assert all_words["analyzer"] == best["analyzer"] == "korean_search"
    assert (all_words["type"], all_words["operator"]) == ("cross_fields", "and")
    assert best["type"] == "best_fields" and best["tie_breaker"] == 0.3
    assert {"match": {"title.ngram": {"query": "주차장을 단속", "operator": "and"}}} in text["should"]
    assert query["filter"] == [{"terms": {"kind": ["solution"]}}]


def test_relaxed_search_accepts_documents_with_some_of_the_words():
    text = inner_query(body(SearchQuery(text="주차 단속"), relaxed=True))["must"][0]["bool"]

    assert "must" not in text
    assert text["minimum_should_match"] == 1
    assert {"cross_fields", "best_fields"} <= {
        c["multi_match"].get("type") for c in text["should"] if "multi_match" in c
    }


def test_typos_are_tolerated_in_latin_words_only():
    def fuzzy_clauses(text):
        should = inner_query(body(SearchQuery(text=text)))["must"][0]["bool"]["should"]
        return [c["multi_match"] for c in should if "fuzziness" in c.get("multi_match", {})]

    assert fuzzy_clauses("주차장 단속") == []
    (fuzzy,) = fuzzy_clauses("smart parkng 주차")
    assert fuzzy["query"] == "smart parkng"
    assert fuzzy["fuzziness"] == "AUTO"
    assert fuzzy["boost"] < 1


def test_facet_filters_narrow_hits_after_counting_other_facets():
    search = body(SearchQuery(text="주차", filters={"domain": ("mobility", "safety"), "startup": ("true",)}))
    domain_filter = {"terms": {"facets.domain": ["mobility", "safety"]}}
    startup_filter = {"terms": {"facets.startup": ["true"]}}

    assert search["post_filter"] == {"bool": {"filter": [domain_filter, startup_filter]}}
    assert "post_filter" not in json.dumps(search["query"])  # the query itself is not narrowed by facets
    # Each facet is counted with every filter but its own: other domains keep their counts.
    assert search["aggs"]["domain"]["filter"] == {"bool": {"filter": [startup_filter]}}
    assert search["aggs"]["startup"]["filter"] == {"bool": {"filter": [domain_filter]}}
    assert search["aggs"]["price_band"]["filter"] == {"bool": {"filter": [domain_filter, startup_filter]}}
    assert search["aggs"]["domain"]["aggs"]["values"] == {"terms": {"field": "facets.domain", "size": 50}}


def test_facets_follow_the_kinds_searched():
    solutions = body(SearchQuery(text="주차"))
    everything = body(SearchQuery(text="주차", kinds=("solution", "organization", "page")))

    assert set(solutions["aggs"]) == {
        "domain",
        "type",
        "price_band",
        "province",
        "company",
        "startup",
        "has_reference",
        "open_source",
    }
    assert set(everything["aggs"]) == set(FACETS)
    assert inner_query(everything)["filter"] == [{"terms": {"kind": ["solution", "organization", "page"]}}]
    assert all(agg["filter"] == {"match_all": {}} for agg in solutions["aggs"].values())
    assert "aggs" not in body(SearchQuery(text="주차", with_facets=False))


def test_an_unknown_facet_name_matches_nothing_instead_of_failing():
    search = body(SearchQuery(text="주차", filters={"colour": ("red",), "domain": ()}))

    assert search["post_filter"] == {"bool": {"filter": [{"match_none": {}}]}}


def test_matches_are_highlighted_with_escaped_html():
    highlight = body(SearchQuery(text="주차"))["highlight"]

    assert highlight["pre_tags"] == ["<mark>"] and highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert highlight["fields"] == {"title": {"number_of_fragments": 0}, "summary": {"number_of_fragments": 0}}


def test_score_is_text_relevance_times_the_documents_boost_with_a_stable_tiebreak():
    search = body(SearchQuery(text="주차"))
    function_score = search["query"]["function_score"]

    assert function_score["functions"] == [
        {"field_value_factor": {"field": "boost", "factor": 1.0, "modifier": "none", "missing": 1.0}}
    ]
    assert function_score["boost_mode"] == "multiply"
    assert search["sort"] == [{"_score": {"order": "desc"}}, {"tiebreak": {"order": "asc"}}]
    assert search["track_total_hits"] is True


@pytest.mark.parametrize(
    ("page", "page_size", "expected_from", "expected_size"),
    [
        (1, 20, 0, 20),
        (3, 10, 20, 10),
        (0, 10, 0, 10),  # pages start at 1
        (2, 1000, 100, 100),  # page size is capped
        (2, 0, 1, 1),
        (10**9, 20, 9980, 20),  # beyond Elasticsearch's result window: the last reachable page
    ],
)
def test_pagination(page, page_size, expected_from, expected_size):
    query = SearchQuery(text="주차", page=page, page_size=page_size)
    search = body(query)

    assert (search["from"], search["size"]) == (expected_from, expected_size)
    assert search["from"] + search["size"] <= 10_000


@pytest.mark.parametrize("text", ["", "   ", "?!…", '"*" -'])
def test_no_words_browses_everything_with_the_same_filters_and_facets(text):
    search = body(SearchQuery(text=text, filters={"domain": ("mobility",)}))

    assert inner_query(search)["must"] == [{"match_all": {}}]
    assert search["post_filter"] == {"bool": {"filter": [{"terms": {"facets.domain": ["mobility"]}}]}}
    assert "domain" in search["aggs"]
    assert "highlight" not in search and "suggest" not in search
    assert search["sort"][1] == {"tiebreak": {"order": "asc"}}


def test_operators_are_plain_text_and_long_queries_are_cut():
    operators = body(SearchQuery(text='주차 OR "단속" NEAR -cctv*'))
    long = body(SearchQuery(text="주차 " * 500))

    assert "query_string" not in json.dumps(operators)
    assert inner_query(operators)["must"][0]["bool"]["must"][0]["multi_match"]["query"] == '주차 OR "단속" NEAR -cctv*'
    assert len(inner_query(long)["must"][0]["bool"]["must"][0]["multi_match"]["query"]) <= 200


def test_did_you_mean_uses_the_phrase_suggester_checked_against_the_index():
    search = body(SearchQuery(text="smart parkng"))
    suggester = search["suggest"]["did_you_mean"]

    assert suggester["text"] == "smart parkng"
    assert suggester["phrase"]["field"] == "spelling"
    assert suggester["phrase"]["direct_generator"][0]["field"] == "spelling"
    assert "{{suggestion}}" in json.dumps(suggester["phrase"]["collate"])
    assert "suggest" not in body(SearchQuery(text="smart parkng"), relaxed=True)
    spelling = index_settings()["analysis"]["analyzer"]["spelling"]
    assert index_settings()["analysis"]["filter"][spelling["filter"][1]]["type"] == "shingle"
    assert index_mappings()["properties"]["title"]["copy_to"] == "spelling"


def test_suggest_matches_name_prefixes_of_every_kind():
    search = build_suggest("스마트 주", index=INDEX, limit=5).to_dict()
    query = search["query"]["function_score"]["query"]["bool"]

    assert query["must"] == [
        {"multi_match": {"query": "스마트 주", "fields": ["title.ngram", "title_en.ngram"], "operator": "and"}}
    ]
    assert {"prefix": {"title.keyword": {"value": "스마트 주", "boost": 3.0}}} in query["should"]
    assert query["filter"] == [{"terms": {"kind": ["solution", "organization", "page"]}}]
    assert search["size"] == 5
    assert build_suggest("스", index=INDEX, limit=500).to_dict()["size"] == 20
    assert build_suggest("", index=INDEX).to_dict()["query"]["function_score"]["query"] == {"match_none": {}}


# Reading responses

RESPONSE = {
    "took": 12,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 42, "relation": "eq"},
        "max_score": 18.2,
        "hits": [
            {
                "_index": "openlab-search-20250101000000000000",
                "_id": "solution:12",
                "_score": 18.2,
                "_source": {
                    "kind": "solution",
                    "object_id": 12,
                    "title": "스마트 주차장 안내 <베타>",
                    "url": "/solutions/12/",
                    "summary": "빈 주차면을 실시간으로 안내합니다",
                },
                "highlight": {
                    "title": ["스마트 <mark>주차장</mark> 안내 &lt;베타&gt;"],
                    "summary": ["빈 <mark>주차면</mark>을 실시간으로 안내합니다"],
                },
                "sort": [18.2, 1234],
            },
            {
                "_index": "openlab-search-20250101000000000000",
                "_id": "solution:3",
                "_score": 9.5,
                "_source": {
                    "kind": "solution",
                    "object_id": 3,
                    "title": "불법 주정차 단속 & 계도",
                    "url": "/solutions/3/",
                    "summary": "",
                },
                "sort": [9.5, 99],
            },
        ],
    },
    "aggregations": {
        "domain": {
            "doc_count": 42,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                    {"key": "mobility", "doc_count": 30},
                    {"key": "safety", "doc_count": 12},
                    {"key": "environment", "doc_count": 12},
                ],
            },
        },
        "startup": {
            "doc_count": 42,
            "values": {"buckets": [{"key": "false", "doc_count": 25}, {"key": "true", "doc_count": 17}]},
        },
        "province": {"doc_count": 0, "values": {"buckets": []}},
    },
    "suggest": {
        "did_you_mean": [{"text": "주차", "offset": 0, "length": 2, "options": [{"text": "주차장", "score": 0.4}]}]
    },
}


def test_parse_response_gives_hits_totals_and_facets():
    results = parse_response(RESPONSE, SearchQuery(text="주차", page=2, page_size=10))

    assert results.total == 42
    assert (results.page, results.page_size, results.num_pages) == (2, 10, 5)
    first, second = results.hits
    assert (first.kind, first.object_id, first.score, first.url) == ("solution", 12, 18.2, "/solutions/12/")
    assert first.title == "스마트 주차장 안내 <베타>"
    assert first.highlight_title == "스마트 <mark>주차장</mark> 안내 &lt;베타&gt;"
    assert first.highlight_summary == "빈 <mark>주차면</mark>을 실시간으로 안내합니다"
    # Nothing highlighted: the plain text, still escaped for HTML.
    assert second.highlight_title == "불법 주정차 단속 &amp; 계도"
    assert second.highlight_summary == ""
    # Most frequent first, ties by value; a facet without values is left out.
    assert results.facets == {
        "domain": [("mobility", 30), ("environment", 12), ("safety", 12)],
        "startup": [("false", 25), ("true", 17)],
    }
    # Something was found, so no correction is offered.
    assert results.suggestion == ""
    assert results.relaxed is False


def test_parse_response_offers_a_correction_when_nothing_matched():
    response = {
        "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
        "suggest": {"did_you_mean": [{"text": "smart parkng", "options": [{"text": "smart parking", "score": 0.2}]}]},
    }
    same = {**response, "suggest": {"did_you_mean": [{"text": "x", "options": [{"text": "Smart  Parkng"}]}]}}

    assert parse_response(response, SearchQuery(text="smart parkng")).suggestion == "smart parking"
    assert parse_response(same, SearchQuery(text="smart parkng")).suggestion == ""
    assert parse_response(response, SearchQuery(text="smart parkng"), relaxed=True).relaxed is False


def test_parse_response_marks_relaxed_results():
    results = parse_response(RESPONSE, SearchQuery(text="주차 드론"), relaxed=True)

    assert results.relaxed is True
    assert results.facets == parse_response(RESPONSE, SearchQuery(text="주차")).facets
    assert parse_response(RESPONSE, SearchQuery(text="주차", with_facets=False)).facets == {}


def test_parse_suggestions():
    response = {
        "hits": {
            "hits": [
                {"_source": {"kind": "solution", "object_id": 1, "title": "스마트쉘터", "url": "/solutions/1/"}},
                {"_source": {"kind": "organization", "object_id": 9, "title": "스마트시티랩", "url": "/o/9/"}},
            ]
        }
    }

    assert [(s.text, s.kind, s.url) for s in parse_suggestions(response)] == [
        ("스마트쉘터", "solution", "/solutions/1/"),
        ("스마트시티랩", "organization", "/o/9/"),
    ]


# The backend talking to a cluster


class NodeResponse(NamedTuple):
    meta: ApiResponseMeta
    body: bytes


class FakeCluster:
    """The Elasticsearch HTTP API as far as the backend uses it: indices, aliases, documents, bulk,
    search. Only the network is faked; the real client and bulk helpers run on top of it."""

    def __init__(self):
        self.requests: list[tuple[str, str, object]] = []
        self.aliases: dict[str, set[str]] = {}  # concrete index → its aliases
        self.documents: dict[str, dict[str, dict]] = {}
        self.settings: dict[str, dict] = {}
        self.search_responses: list[dict] = []
        self.create_error: dict | None = None
        self.unreachable = False

    def client(self) -> Elasticsearch:
        cluster = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
                if cluster.unreachable:
                    raise TransportConnectionError("Connection refused")
                status, payload = cluster.handle(method, target, body)
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders({"content-type": "application/json", "x-elastic-product": "Elasticsearch"}),
                    duration=0.0,
                    node=self.config,
                )
                return NodeResponse(meta, json.dumps(payload).encode() if method != "HEAD" else b"")

        return Elasticsearch("http://search.test:9200", node_class=Node, max_retries=0)

    # what the backend did

    def calls(self, method: str, path: str | None = None) -> list:
        return [body for m, p, body in self.requests if m == method and (path is None or p == path)]

    def bulk_actions(self) -> list[tuple[str, str, str]]:
        return [
            (op, meta["_index"], meta["_id"])
            for lines in self.calls("PUT", "/_bulk") + self.calls("POST", "/_bulk")
            for line in lines
            for op, meta in line.items()
            if op in ("index", "create", "delete")
        ]

    def behind(self, alias: str) -> list[str]:
        return sorted(index for index, aliases in self.aliases.items() if alias in aliases)

    # the API

    def handle(self, method: str, target: str, raw: bytes | None):
        parts = urlsplit(target)
        path = unquote(parts.path)
        text = raw.decode() if raw else ""
        if path.endswith("/_bulk"):
            body = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            body = json.loads(text) if text else None
        self.requests.append((method, path, body))
        segments = path.strip("/").split("/")

        if segments[0] == "_alias":
            found = self.behind(segments[1])
            if not found:
                return 404, {"error": f"alias [{segments[1]}] missing", "status": 404}
            return 200, {index: {"aliases": {segments[1]: {}}} for index in found}
        if path == "/_aliases":
            for action in body["actions"]:
                ((verb, spec),) = action.items()
                aliases = self.aliases[spec["index"]]
                if verb == "add":
                    aliases.add(spec["alias"])
                else:
                    aliases.discard(spec["alias"])
            return 200, {"acknowledged": True}
        if path == "/_bulk":
            return 200, self.bulk(body)
        if len(segments) == 1 and method == "PUT":
            if self.create_error:
                return 400, self.create_error
            self.aliases[segments[0]] = set((body or {}).get("aliases", {}))
            self.documents[segments[0]] = {}
            self.settings[segments[0]] = (body or {}).get("settings", {})
            return 200, {"acknowledged": True, "index": segments[0]}
        if len(segments) == 1 and method == "DELETE":
            self.aliases.pop(segments[0])
            self.documents.pop(segments[0])
            return 200, {"acknowledged": True}
        if segments[-1] in ("_settings", "_refresh"):
            return 200, {"acknowledged": True}
        if segments[-1] == "_search":
            if not self.resolve(segments[0]):
                return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
            return 200, self.search_responses.pop(0)
        raise AssertionError(f"unexpected request {method} {target}")

    def resolve(self, name: str) -> list[str]:
        return [name] if name in self.aliases else self.behind(name)

    def bulk(self, lines: list[dict]) -> dict:
        items = []
        rows = iter(lines)
        for line in rows:
            ((op, meta),) = line.items()
            targets = self.resolve(meta["_index"])
            item = {"_index": meta["_index"], "_id": meta["_id"]}
            if len(targets) != 1:
                items.append({op: {**item, "status": 404, "error": {"reason": f"no such index [{meta['_index']}]"}}})
                if op != "delete":
                    next(rows)
                continue
            stored = self.documents[targets[0]]
            if op == "delete":
                found = stored.pop(meta["_id"], None) is not None
                items.append(
                    {op: {**item, "status": 200 if found else 404, "result": "deleted" if found else "not_found"}}
                )
                continue
            source = next(rows)
            if op == "create" and meta["_id"] in stored:
                items.append({op: {**item, "status": 409, "error": {"type": "version_conflict_engine_exception"}}})
                continue
            stored[meta["_id"]] = source
            items.append({op: {**item, "status": 201, "result": "created"}})
        return {"took": 1, "errors": any(next(iter(i.values()))["status"] >= 300 for i in items), "items": items}


@pytest.fixture
def cluster():
    return FakeCluster()


@pytest.fixture
def backend(cluster):
    return ElasticsearchBackend("http://search.test:9200", client=cluster.client())


def test_index_creates_the_first_index_behind_the_alias_then_bulk_indexes(cluster, backend):
    documents = [doc(1, "스마트 주차", facets={"domain": ["mobility"]}), doc(2, "스마트쉘터")]

    assert backend.index(documents) == 2

    (index,) = cluster.behind("openlab-search")
    assert index.startswith("openlab-search-")
    (created,) = cluster.calls("PUT", f"/{index}")
    assert created["mappings"] == index_mappings()
    assert created["settings"]["analysis"] == index_settings()["analysis"]
    assert cluster.bulk_actions() == [
        ("index", "openlab-search", "solution:1"),
        ("index", "openlab-search", "solution:2"),
    ]
    assert cluster.documents[index]["solution:1"] == document_source(documents[0])
    # The index exists now: the next write goes straight to bulk.
    backend.index([doc(3, "드론")])
    assert len([p for m, p, _ in cluster.requests if m == "PUT" and not p.endswith("_bulk")]) == 1


def test_delete_removes_documents_and_ignores_those_already_gone(cluster, backend):
    backend.index([doc(1, "a"), doc(2, "b")])

    assert backend.delete("solution", [1, 99]) == 1

    assert ("delete", "openlab-search", "solution:99") in cluster.bulk_actions()
    (index,) = cluster.behind("openlab-search")
    assert set(cluster.documents[index]) == {"solution:2"}


def test_rebuild_loads_a_new_index_and_swaps_the_alias_atomically(cluster, backend):
    backend.index([doc(1, "old")])
    (old,) = cluster.behind("openlab-search")

    assert backend.rebuild([doc(1, "주차"), doc(2, "쉘터"), doc(3, "드론", kind="organization")]) == 3

    (new,) = cluster.behind("openlab-search")
    assert new != old and new.startswith("openlab-search-")
    assert old not in cluster.aliases  # the previous index is deleted
    assert cluster.calls("DELETE", f"/{old}") == [None]
    assert set(cluster.documents[new]) == {"solution:1", "solution:2", "organization:3"}
    (created,) = cluster.calls("PUT", f"/{new}")
    assert created["aliases"] == {"openlab-search-next": {}}
    assert created["settings"]["refresh_interval"] == "-1"
    assert cluster.calls("PUT", f"/{new}/_settings") == [{"index": {"refresh_interval": None}}]
    assert cluster.calls("POST", f"/{new}/_refresh") == [None]
    (swap,) = cluster.calls("POST", "/_aliases")
    assert swap["actions"] == [
        {"remove": {"index": old, "alias": "openlab-search"}},
        {"add": {"index": new, "alias": "openlab-search"}},
        {"remove": {"index": new, "alias": "openlab-search-next"}},
    ]
    # Loaded with "create", so a fresher copy written during the rebuild is never overwritten.
    assert {op for op, index, _ in cluster.bulk_actions() if index == new} == {"create"}


def test_writes_during_a_rebuild_reach_both_indices_and_win(cluster, backend):
    backend.index([doc(1, "old")])

    def documents():
        yield doc(1, "snapshot taken before the edit")
        backend.index([doc(2, "edited during the rebuild")])
        yield doc(2, "snapshot taken before the edit")

    backend.rebuild(documents())

    (new,) = cluster.behind("openlab-search")
    assert cluster.documents[new]["solution:2"]["title"] == "edited during the rebuild"
    assert ("index", "openlab-search-next", "solution:2") in cluster.bulk_actions()


def test_a_failed_rebuild_leaves_the_live_index_alone(cluster, backend):
    backend.index([doc(1, "live")])
    (live,) = cluster.behind("openlab-search")

    def documents():
        yield doc(1, "new")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(documents())

    assert cluster.behind("openlab-search") == [live]
    assert list(cluster.aliases) == [live]  # the half-built index is removed
    assert cluster.documents[live]["solution:1"]["title"] == "live"


def test_search_sends_the_built_body_to_the_alias(cluster, backend):
    cluster.aliases["openlab-search-1"] = {"openlab-search"}
    cluster.search_responses.append(RESPONSE)
    query = SearchQuery(text="주차", filters={"domain": ("mobility",)})

    results = backend.search(query)

    assert [p for m, p, _ in cluster.requests] == ["/openlab-search/_search"]
    assert cluster.calls("POST", "/openlab-search/_search") == [build_search(query, index="openlab-search").to_dict()]
    assert [hit.object_id for hit in results.hits] == [12, 3]
    assert results.facets["domain"][0] == ("mobility", 30)


def test_search_with_no_strict_match_tries_the_correction_then_some_words(cluster, backend):
    cluster.aliases["openlab-search-1"] = {"openlab-search"}
    empty = {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
    cluster.search_responses += [
        {**empty, "suggest": {"did_you_mean": [{"text": "smart parkng", "options": [{"text": "smart parking"}]}]}},
        empty,
        RESPONSE,
    ]

    results = backend.search(SearchQuery(text="smart parkng"))

    strict, corrected, relaxed = cluster.calls("POST", "/openlab-search/_search")
    assert strict["suggest"]["did_you_mean"]["text"] == "smart parkng"
    assert inner_query(corrected)["must"][0]["bool"]["must"][0]["multi_match"]["query"] == "smart parking"
    assert inner_query(relaxed)["must"][0]["bool"]["minimum_should_match"] == 1
    assert (results.suggestion, results.relaxed, results.total) == ("smart parking", True, 42)


def test_suggest(cluster, backend):
    cluster.aliases["openlab-search-1"] = {"openlab-search"}
    cluster.search_responses.append(
        {"hits": {"hits": [{"_source": {"kind": "solution", "object_id": 1, "title": "스마트쉘터", "url": "/s/1/"}}]}}
    )

    assert [s.text for s in backend.suggest("스마", limit=3)] == ["스마트쉘터"]
    assert cluster.calls("POST", "/openlab-search/_search")[0]["size"] == 3
    assert backend.suggest("  ?! ") == []  # nothing to complete: no request
    assert len(cluster.requests) == 1


def test_an_unreachable_cluster_says_how_to_fix_it(cluster, backend):
    cluster.unreachable = True

    with pytest.raises(SearchUnavailable, match="unset ELASTICSEARCH_URL to use the database backend"):
        backend.search(SearchQuery(text="주차"))
    with pytest.raises(SearchUnavailable, match="is not reachable"):
        backend.index([doc(1, "주차")])


def test_a_refused_connection_hides_the_password():
    backend = ElasticsearchBackend("http://elastic:s3cret@127.0.0.1:9", timeout=2)

    with pytest.raises(SearchUnavailable) as raised:
        backend.search(SearchQuery(text="주차"))

    message = str(raised.value)
    assert "Elasticsearch at http://127.0.0.1:9 is not reachable" in message
    assert "s3cret" not in message


def test_a_missing_index_says_to_rebuild(cluster, backend):
    with pytest.raises(SearchUnavailable, match=r"manage\.py search_index --rebuild"):
        backend.search(SearchQuery(text="주차"))


def test_a_cluster_without_nori_says_to_install_it(cluster, backend):
    cluster.create_error = {
        "error": {
            "type": "illegal_argument_exception",
            "reason": "Unknown tokenizer type [nori_tokenizer] for [korean_index_tokenizer]",
        },
        "status": 400,
    }

    with pytest.raises(SearchUnavailable, match="install the analysis-nori plugin"):
        backend.rebuild([doc(1, "주차")])
