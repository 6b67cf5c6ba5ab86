"""Text relevance from the search engine, through its public interface only.

The need's title and problem text are the query; the engine's ranked answer (up to ``TEXT_DEPTH``
solutions) becomes ``TextHit``s. Whichever backend is configured (database or Elasticsearch) answers.
"""

from search.backends.base import MAX_PAGE_SIZE, SearchQuery
from search.engine import get_backend

from .factors import TEXT_DEPTH, TextHit


def text_hits(text: str) -> dict[int, TextHit]:
    if not (text or "").strip():
        return {}
    results = get_backend().search(
        SearchQuery(text=text, kinds=("solution",), page_size=min(TEXT_DEPTH, MAX_PAGE_SIZE), with_facets=False)
    )
    if not results.hits:
        return {}
    best = max(hit.score for hit in results.hits) or 1.0
    return {
        hit.object_id: TextHit(rank=rank, relevance=max(0.0, min(1.0, hit.score / best)))
        for rank, hit in enumerate(results.hits, start=1)
    }
