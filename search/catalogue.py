"""Catalogue search for the marketplace's pages and API: the engine's answer for a text query
with the catalogue's filters, and the solutions it names, in rank order."""

from django.db.models import Case, IntegerField, QuerySet, When

from .backends.base import MAX_PAGE_SIZE, SearchQuery, SearchResults
from .engine import get_backend


def facet_filters(cleaned: dict) -> dict[str, tuple[str, ...]]:
    """Map the catalogue filter form's cleaned values onto index facet names."""
    filters: dict[str, tuple[str, ...]] = {}
    if cleaned.get("domain"):
        filters["domain"] = (cleaned["domain"].code,)
    if cleaned.get("type"):
        filters["type"] = tuple(t.code for t in cleaned["type"])
    for name in ("price_band", "province"):
        if cleaned.get(name):
            filters[name] = (str(cleaned[name]),)
    if cleaned.get("company"):
        filters["company"] = (cleaned["company"].slug,)
    for name, facet in (("has_reference", "has_reference"), ("startup", "startup"), ("open_source", "open_source")):
        if cleaned.get(name) is not None:
            filters[facet] = ("true" if cleaned[name] else "false",)
    return filters


def solution_search(*, text: str, cleaned: dict, page: int = 1, page_size: int = 12) -> SearchResults:
    return get_backend().search(
        SearchQuery(
            text=text,
            kinds=("solution",),
            filters=facet_filters(cleaned),
            page=page,
            page_size=min(page_size, MAX_PAGE_SIZE),
        )
    )


def in_rank_order(queryset: QuerySet, results: SearchResults) -> list:
    """The objects of ``results``' hits, in the engine's order, skipping any not in ``queryset``."""
    ids = [hit.object_id for hit in results.hits]
    if not ids:
        return []
    order = Case(*[When(pk=pk, then=rank) for rank, pk in enumerate(ids)], output_field=IntegerField())
    objects = list(queryset.filter(pk__in=ids).order_by(order))
    highlights = {hit.object_id: hit for hit in results.hits}
    for obj in objects:
        obj.search_hit = highlights[obj.pk]
    return objects


def matching_ids(text: str, *, limit: int = 1000) -> list[int]:
    results = get_backend().search(SearchQuery(text=text, page_size=MAX_PAGE_SIZE, with_facets=False))
    ids = [hit.object_id for hit in results.hits]
    page = 2
    while len(ids) < min(results.total, limit):
        more = get_backend().search(SearchQuery(text=text, page=page, page_size=MAX_PAGE_SIZE, with_facets=False))
        if not more.hits:
            break
        ids.extend(hit.object_id for hit in more.hits)
        page += 1
    return ids
