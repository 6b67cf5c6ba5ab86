"""The one small interface both search backends implement (database and Elasticsearch).

Callers build a ``SearchQuery`` and get ``SearchResults``; they never see which backend answered.
Documents to index are ``IndexDocument``s made by ``search.sources`` from marketplace models.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

# Facets every solution document carries (name → values); filters use the same names.
SOLUTION_FACETS = ("domain", "type", "price_band", "province", "company", "startup", "has_reference", "open_source")
KINDS = ("solution", "organization", "page")
MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class IndexDocument:
    kind: str  # "solution" | "organization"
    object_id: int
    title: str
    title_en: str = ""
    summary: str = ""
    body: str = ""  # everything else worth matching: description, problems, features, tags, company, types
    url: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    boost: float = 1.0  # small, documented: referenced or certified solutions rank a little higher

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}"


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    kinds: tuple[str, ...] = ("solution",)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    page: int = 1
    page_size: int = 20
    with_facets: bool = True


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    score: float
    title: str
    url: str
    summary: str
    highlight_title: str  # HTML-escaped, matches wrapped in <mark>
    highlight_summary: str


@dataclass(frozen=True)
class SearchResults:
    hits: list[Hit]
    total: int
    page: int
    page_size: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str = ""  # "did you mean", when the query was corrected or had no strict match
    relaxed: bool = False  # no document matched every word; results match some of them

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class Suggestion:
    text: str
    kind: str
    url: str


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults: ...

    def suggest(self, prefix: str, *, limit: int = 10) -> list[Suggestion]: ...

    def index(self, documents: Iterable[IndexDocument]) -> int: ...

    def delete(self, kind: str, object_ids: Iterable[int]) -> int: ...

    def rebuild(self, documents: Iterable[IndexDocument]) -> int: ...
