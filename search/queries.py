"""Elasticsearch request bodies for catalogue search, and reading the responses back.

Pure functions, no I/O: ``build_search``/``build_suggest`` return ``elasticsearch_dsl.Search`` objects
(``.to_dict()`` is the request body) and ``parse_response``/``parse_suggestions`` turn a raw response
dict into the backend-neutral dataclasses of ``search.backends.base``. The field names and analyzers
used here are defined in ``search.documents``.
"""

import html
import re
from typing import Any

from elasticsearch_dsl import SF, Q, Search

from .backends.base import (
    KINDS,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    SOLUTION_FACETS,
    Hit,
    SearchQuery,
    SearchResults,
    Suggestion,
)
from .documents import FACETS, MAX_RESULT_WINDOW

# Where a word matters most: the name, then the English name, the summary, then everything else
# (description, problems, features, tags, company, type and domain names, all in ``body``).
TEXT_FIELDS = ("title^4", "title_en^3", "summary^2", "body")
# Facets counted for each kind of document.
KIND_FACETS = {
    "solution": SOLUTION_FACETS,
    "organization": ("kind", "province", "startup"),
    "page": ("locale", "page_type"),
}
FACET_SIZE = 50
MAX_SUGGESTIONS = 20
DID_YOU_MEAN = "did_you_mean"
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}

_WORD = re.compile(r"[^\W_]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")


def normalize_text(text: str) -> str:
    """The query text as searched: whitespace collapsed, at most MAX_QUERY_LENGTH characters; "" when it
    holds no letter or digit (only punctuation browses, like an empty query)."""
    text = " ".join((text or "").split())[:MAX_QUERY_LENGTH].strip()
    return text if _WORD.search(text) else ""


def page_window(query: SearchQuery) -> tuple[int, int]:
    """(page, page_size) actually served: page size within 1..MAX_PAGE_SIZE, page within what
    Elasticsearch can page to (a page far beyond the end comes back empty, never as an error)."""
    page_size = min(max(1, query.page_size), MAX_PAGE_SIZE)
    page = min(max(1, query.page), MAX_RESULT_WINDOW // page_size)
    return page, page_size


def facet_names(kinds: tuple[str, ...]) -> tuple[str, ...]:
    names = {name for kind in kinds for name in KIND_FACETS.get(kind, ())}
    return tuple(name for name in FACETS if name in names)


def facet_filters(filters: dict[str, tuple[str, ...]]) -> dict[str, Q]:
    """One ``terms`` filter per facet: values of one facet are alternatives (OR), facets combine with AND.
    A name that is not a facet matches nothing, as an unknown value does: an empty result, never an error."""
    return {
        name: Q("terms", **{f"facets.{name}": list(values)}) if name in FACETS else Q("match_none")
        for name, values in filters.items()
        if values
    }


def text_query(text: str, *, relaxed: bool = False) -> Q:
    """Strict: every word must occur, in whichever fields (cross_fields AND). Relaxed, the fallback when
    nothing matches strictly: any word will do, documents holding more of them first."""
    all_words = Q(
        "multi_match",
        query=text,
        fields=list(TEXT_FIELDS),
        type="cross_fields",
        operator="and",
        analyzer="korean_search",
    )
    scoring = [
        Q(
            "multi_match",
            query=text,
            fields=list(TEXT_FIELDS),
            type="best_fields",
            tie_breaker=0.3,
            analyzer="korean_search",
        ),
        # Partial words and prefixes of names (스마트주 → 스마트주차장), with the field's own search analyzer.
        Q("match", **{"title.ngram": {"query": text, "operator": "and"}}),
    ]
    latin = _LATIN_WORD.findall(text)
    if latin:
        # Typos are tolerated in Latin-script words only ("parkng", "shelterr"): one edit on a two- or
        # three-syllable Korean word is usually a different word. No synonyms here; the clause is weak.
        scoring.append(
            Q(
                "multi_match",
                query=" ".join(latin),
                fields=list(TEXT_FIELDS),
                fuzziness="AUTO",
                prefix_length=1,
                max_expansions=20,
                analyzer="korean",
                boost=0.5,
            )
        )
    if relaxed:
        return Q("bool", should=[all_words, *scoring], minimum_should_match=1)
    return Q("bool", must=[all_words], should=scoring)


def ranked(query: Q) -> Q:
    # Text score × the document's boost (search.sources: 1.15 for a solution already running in a city,
    # 1.0 otherwise). A nudge for close calls, never enough to beat a clearly better text match.
    return Q(
        "function_score",
        query=query,
        functions=[SF("field_value_factor", field="boost", factor=1.0, modifier="none", missing=1.0)],
        score_mode="multiply",
        boost_mode="multiply",
    )


def build_search(query: SearchQuery, *, index: str, relaxed: bool = False) -> Search:
    """The search request: strict by default; ``relaxed`` is the fallback the backend sends when a strict
    search found nothing (see ``text_query``)."""
    text = normalize_text(query.text)
    page, page_size = page_window(query)
    kinds = list(query.kinds or KINDS)
    base = Q(
        "bool", must=[text_query(text, relaxed=relaxed) if text else Q("match_all")], filter=[Q("terms", kind=kinds)]
    )

    search = Search(index=index).query(ranked(base))
    filters = facet_filters(query.filters)
    # Facet filters narrow the hits after aggregation (post_filter); each facet's counts apply every
    # filter except its own, so choosing one domain still shows how many results the other domains have.
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    if query.with_facets:
        for name in facet_names(tuple(kinds)):
            others = [f for other, f in filters.items() if other != name]
            search.aggs.bucket(name, "filter", filter=Q("bool", filter=others) if others else Q("match_all")).bucket(
                "values", "terms", field=f"facets.{name}", size=FACET_SIZE
            )
    if text:
        search = (
            search.highlight_options(**HIGHLIGHT_TAGS)
            .highlight("title", number_of_fragments=0)
            .highlight("summary", number_of_fragments=0)
        )
        if not relaxed:
            search = search.suggest(DID_YOU_MEAN, text, phrase=_did_you_mean())
    start = (page - 1) * page_size
    return (
        search.sort({"_score": {"order": "desc"}}, {"tiebreak": {"order": "asc"}})
        .source(["kind", "object_id", "title", "url", "summary"])
        .extra(track_total_hits=True)[start : start + page_size]
    )


def _did_you_mean() -> dict[str, Any]:
    # Phrase suggester over word shingles of all text; a correction is offered only if it finds documents.
    return {
        "field": "spelling",
        "size": 1,
        "gram_size": 3,
        "max_errors": 2,
        "direct_generator": [{"field": "spelling", "suggest_mode": "always", "min_word_length": 2}],
        "collate": {
            "query": {
                "source": {
                    "multi_match": {
                        "query": "{{suggestion}}",
                        "fields": ["title", "title_en", "summary", "body"],
                        "type": "cross_fields",
                        "operator": "and",
                    }
                }
            },
            "prune": False,
        },
    }


def build_suggest(prefix: str, *, index: str, limit: int = 10) -> Search:
    """Names that start with what has been typed so far, solutions and organizations alike."""
    text = normalize_text(prefix)
    size = min(max(1, limit), MAX_SUGGESTIONS)
    match = (
        Q(
            "bool",
            must=[Q("multi_match", query=text, fields=["title.ngram", "title_en.ngram"], operator="and")],
            should=[
                Q("prefix", **{"title.keyword": {"value": text, "boost": 3.0}}),
                Q("match", title={"query": text, "analyzer": "korean_search", "boost": 2.0}),
            ],
            filter=[Q("terms", kind=list(KINDS))],
        )
        if text
        else Q("match_none")
    )
    return (
        Search(index=index)
        .query(ranked(match))
        .sort({"_score": {"order": "desc"}}, {"tiebreak": {"order": "asc"}})
        .source(["kind", "object_id", "title", "url"])[:size]
    )


def parse_response(response: dict[str, Any], query: SearchQuery, *, relaxed: bool = False) -> SearchResults:
    """Results of one request; ``relaxed`` says it was the fallback request. A "did you mean" correction
    is offered only when the search found nothing (the backend then searches for the correction)."""
    text = normalize_text(query.text)
    page, page_size = page_window(query)
    raw_hits = response.get("hits", {}).get("hits", [])
    total = response.get("hits", {}).get("total", 0)
    total = total["value"] if isinstance(total, dict) else int(total)
    return SearchResults(
        hits=[_hit(raw) for raw in raw_hits],
        total=total,
        page=page,
        page_size=page_size,
        facets=_facets(response.get("aggregations", {})) if query.with_facets else {},
        suggestion="" if total else _suggestion(response.get("suggest", {}), text),
        relaxed=relaxed and total > 0,
    )


def parse_suggestions(response: dict[str, Any]) -> list[Suggestion]:
    return [
        Suggestion(text=raw["_source"]["title"], kind=raw["_source"]["kind"], url=raw["_source"].get("url", ""))
        for raw in response.get("hits", {}).get("hits", [])
    ]


def _hit(raw: dict[str, Any]) -> Hit:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    title, summary = source.get("title", ""), source.get("summary", "")
    score = raw.get("_score")
    if score is None:
        score = (raw.get("sort") or [0.0])[0]
    return Hit(
        kind=source["kind"],
        object_id=int(source["object_id"]),
        score=float(score),
        title=title,
        url=source.get("url", ""),
        summary=summary,
        highlight_title=(highlight.get("title") or [html.escape(title)])[0],
        highlight_summary=(highlight.get("summary") or [html.escape(summary)])[0],
    )


def _facets(aggregations: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    facets = {}
    for name in FACETS:
        if name in aggregations:
            buckets = aggregations[name]["values"]["buckets"]
            counts = [(str(bucket["key"]), int(bucket["doc_count"])) for bucket in buckets if bucket["doc_count"]]
            if counts:
                facets[name] = sorted(counts, key=lambda item: (-item[1], item[0]))
    return facets


def _suggestion(suggest: dict[str, Any], text: str) -> str:
    for entry in suggest.get(DID_YOU_MEAN, []):
        for option in entry.get("options", []):
            corrected = " ".join(option["text"].split())
            if corrected and corrected.casefold() != text.casefold():
                return corrected
    return ""
