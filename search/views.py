"""``/search/?q=``: one results page for solutions and organizations, with facets."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from marketplace import selectors
from marketplace.models import Domain, Organization, PriceBand, Province
from portal.selectors import pages_search

from .backends.base import MAX_QUERY_LENGTH, SearchQuery
from .catalogue import in_rank_order
from .engine import get_backend

PAGE_SIZE = 10
ORGANIZATION_PREVIEW = 6
PAGE_PREVIEW = 5
PAGE_FACETS = ("domain", "price_band", "province", "has_reference", "startup")


def _page(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def search_page(request):
    text = (request.GET.get("q") or "").strip()
    notice = ""
    if len(text) > MAX_QUERY_LENGTH:
        notice = _("검색어가 너무 깁니다. 앞의 %(n)s자로 찾았습니다.") % {"n": MAX_QUERY_LENGTH}
        text = text[:MAX_QUERY_LENGTH]
    filters = {name: tuple(request.GET.getlist(name)) for name in PAGE_FACETS if request.GET.get(name)}
    backend = get_backend()
    results = backend.search(SearchQuery(text=text, filters=filters, page=_page(request), page_size=PAGE_SIZE))
    if results.page > results.num_pages:
        results = backend.search(SearchQuery(text=text, filters=filters, page=results.num_pages, page_size=PAGE_SIZE))
    organizations = None
    if text and not filters:
        organizations = backend.search(
            SearchQuery(text=text, kinds=("organization",), page_size=ORGANIZATION_PREVIEW, with_facets=False)
        )
    solutions = in_rank_order(selectors.solution_list(), results)
    querystring = request.GET.copy()
    querystring.pop("page", None)
    context = {
        "q": text,
        "notice": notice,
        "results": results,
        "solutions": solutions,
        "organizations": in_rank_order(Organization.objects.all(), organizations) if organizations else [],
        "organization_total": organizations.total if organizations else 0,
        # News, programmes, case studies, guides … found by Wagtail's search (first page only).
        "pages": pages_search(text, limit=PAGE_PREVIEW) if text and not filters and results.page == 1 else [],
        "facets": results.facets,
        "active_filters": filters,
        "facet_labels": {
            "domain": {d.code: d.name for d in Domain.objects.all()},
            "price_band": dict(PriceBand.choices),
            "province": dict(Province.choices),
        },
        "page_obj": Paginator(range(results.total), PAGE_SIZE).get_page(results.page),
        "querystring": querystring.urlencode(),
        "breadcrumbs": [(_("통합 검색"), None)],
    }
    return render(request, "search/search_page.html", context)
