"""The Elasticsearch index for catalogue search: analysis settings, the mapping, and document sources.

One index holds every searchable ``IndexDocument`` (solutions, organizations and CMS pages, told apart by ``kind``).
Text is analysed with the Korean morphological analyzer ``nori`` (plugin ``analysis-nori``): particles and
endings are dropped (주차장을 → 주차장), compounds are indexed whole and split (스마트주차장 → 스마트주차장,
스마트, 주차장), and domain words from ``search.synonyms.USER_DICTIONARY`` stay whole. Synonyms apply at
search time only, so editing ``search.synonyms`` needs a rebuild but never re-tokenises stored text wrongly.
"""

import zlib
from typing import Any

from elasticsearch_dsl import (
    Document,
    Float,
    Index,
    InnerDoc,
    Keyword,
    Long,
    MetaField,
    Object,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

from .backends.base import SOLUTION_FACETS, IndexDocument
from .synonyms import USER_DICTIONARY, elasticsearch_rules

# Organization documents carry "kind" (company, municipality, …) as a facet; it lives under
# ``facets.kind`` and never clashes with the document's own ``kind`` (solution/organization).
FACETS = (*SOLUTION_FACETS, "kind", "locale", "page_type")

# Part-of-speech tags nori drops: endings (E), particles (J), verb/adjective/noun suffixes, interjections,
# determiners, conjunctive adverbs, punctuation and unknown tokens. Nouns, verbs, foreign words (SL) and
# numbers (SN) stay, so "CCTV", "PM2.5" and 주차장을 → 주차장 all match.
NORI_STOPTAGS = (
    "E",
    "IC",
    "J",
    "MAJ",
    "MM",
    "SP",
    "SSC",
    "SSO",
    "SC",
    "SE",
    "XPN",
    "XSA",
    "XSN",
    "XSV",
    "UNA",
    "NA",
    "VSV",
)
NGRAM_MAX = 20
# Elasticsearch refuses to page deeper than this (from + size); search.queries clamps pages to it.
MAX_RESULT_WINDOW = 10_000

korean_pos = token_filter("korean_part_of_speech", "nori_part_of_speech", stoptags=list(NORI_STOPTAGS))

# Index time: "mixed" keeps a compound and its parts, so 스마트주차장 is found by 주차장 and by itself.
korean_index_tokenizer = tokenizer(
    "korean_index_tokenizer",
    "nori_tokenizer",
    decompound_mode="mixed",
    discard_punctuation=True,
    user_dictionary_rules=list(USER_DICTIONARY),
)
# Search time: "discard" gives one token per position. A synonym filter cannot parse rules from a
# stream with stacked tokens (mixed mode), and the parts of a query compound already match the
# parts indexed above.
korean_search_tokenizer = tokenizer(
    "korean_search_tokenizer",
    "nori_tokenizer",
    decompound_mode="discard",
    discard_punctuation=True,
    user_dictionary_rules=list(USER_DICTIONARY),
)
# "lenient" skips a rule member the analyzer reduces to nothing (a lone particle) instead of
# refusing to create the index; every other member of that group still works.
domain_synonyms = token_filter("domain_synonyms", "synonym_graph", synonyms=elasticsearch_rules(), lenient=True)

korean = analyzer(
    "korean",
    tokenizer=korean_index_tokenizer,
    filter=[korean_pos, "nori_readingform", "lowercase"],
)
korean_search = analyzer(
    "korean_search",
    tokenizer=korean_search_tokenizer,
    filter=[korean_pos, "nori_readingform", "lowercase", domain_synonyms],
)
# Autocomplete and partial words: every word's prefixes up to 20 characters (스, 스마, 스마트, …).
autocomplete = analyzer(
    "autocomplete",
    tokenizer=tokenizer(
        "autocomplete_edge_ngram",
        "edge_ngram",
        min_gram=1,
        max_gram=NGRAM_MAX,
        token_chars=["letter", "digit"],
    ),
    filter=["lowercase"],
)
# The typed prefix is matched whole against those prefixes; longer words are cut to the longest stored one.
autocomplete_search = analyzer(
    "autocomplete_search",
    tokenizer="standard",
    filter=["lowercase", token_filter("autocomplete_truncate", "truncate", length=NGRAM_MAX)],
)
# "Did you mean": the phrase suggester scores corrections with word uni-, bi- and trigrams.
spelling = analyzer(
    "spelling",
    tokenizer="standard",
    filter=["lowercase", token_filter("spelling_shingle", "shingle", min_shingle_size=2, max_shingle_size=3)],
)


def _korean_text(*, keyword: bool = False) -> Text:
    fields: dict[str, Any] = {"ngram": Text(analyzer=autocomplete, search_analyzer=autocomplete_search)}
    if keyword:
        fields["keyword"] = Keyword(ignore_above=256)
    return Text(analyzer=korean, search_analyzer=korean_search, fields=fields, copy_to="spelling")


class Facets(InnerDoc):
    """Keyword values a search can be filtered and counted by (see ``search.backends.base.SOLUTION_FACETS``)."""

    domain = Keyword()
    type = Keyword()
    price_band = Keyword()
    province = Keyword()
    company = Keyword()
    startup = Keyword()
    has_reference = Keyword()
    open_source = Keyword()
    kind = Keyword()
    locale = Keyword()
    page_type = Keyword()


class SearchDocument(Document):
    """One searchable catalogue object as stored in Elasticsearch; built from an ``IndexDocument``."""

    kind = Keyword()
    object_id = Long()
    title = _korean_text(keyword=True)
    title_en = _korean_text()
    summary = Text(analyzer=korean, search_analyzer=korean_search, copy_to="spelling")
    body = Text(analyzer=korean, search_analyzer=korean_search, copy_to="spelling")
    spelling = Text(analyzer=spelling)
    url = Keyword(index=False, doc_values=False)
    facets = Object(Facets)
    boost = Float()
    tiebreak = Long()

    class Meta:
        # A typo in a field name fails loudly at index time instead of creating a stray mapping.
        dynamic = MetaField("strict")


def index_definition(name: str = "openlab-search") -> Index:
    index = Index(name)
    index.settings(
        # One shard: the catalogue is small (≈100k documents), and term statistics from a single shard
        # keep scores, and so the order of results, identical on every request.
        number_of_shards=1,
        # A replica when a second node exists; none on a single-node cluster, which then stays green.
        auto_expand_replicas="0-1",
        max_result_window=MAX_RESULT_WINDOW,
    )
    index.document(SearchDocument)
    return index


def index_settings() -> dict[str, Any]:
    return index_definition().to_dict()["settings"]


def index_mappings() -> dict[str, Any]:
    return index_definition().to_dict()["mappings"]


def tiebreak(key: str) -> int:
    """A stable pseudo-random rank for equal scores: no vendor wins every tie by having a lower id."""
    return zlib.crc32(key.encode())


def document_source(document: IndexDocument) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "object_id": document.object_id,
        "title": document.title,
        "title_en": document.title_en,
        "summary": document.summary,
        "body": document.body,
        "url": document.url,
        "facets": {name: list(values) for name, values in document.facets.items() if name in FACETS},
        "boost": document.boost,
        "tiebreak": tiebreak(document.key),
    }
