"""Solutions indexed by Wagtail's own database search backend, for side-by-side comparisons only.

The search benchmark (``tests/bench/search.py``) compares our database backend with Wagtail's
(``wagtail.search.backends.database``: FTS5 on SQLite, ``tsvector`` on PostgreSQL, both via
``modelsearch``). Wagtail indexes models that mix in ``index.Indexed`` and declare
``search_fields``; ``WagtailSolution`` is a *proxy* of ``Solution`` that does, so it needs no
table of its own. Wagtail's index entries point at the concrete model's content type
(``ContentType.get_for_model`` follows proxies), and rows live in Wagtail's ``IndexEntry`` table.

This module lives with the benchmarks and is not imported by the app (``models.py``, ``apps.py``): importing it
registers the proxy model, which ``makemigrations`` would then want to record, and Wagtail's
signal handlers are connected at start-up only for models known then, so nothing in the portal
indexes into Wagtail's table. Import it after ``django.setup()`` (the benchmark does), and
rebuild with ``rebuild()`` — ``manage.py update_index`` restricted to this model.

The search fields mirror what our ``IndexDocument`` holds (``search.sources``): name (as Wagtail's
``title``, the field its database backends weight), English name, summary, description,
problems, features, tags, company and type names. Filters go through ``FilterField("id")``
(``pk__in`` a subquery), facets through the model's own foreign keys: Wagtail's database
backends cannot facet many-to-many types or reference provinces.
"""

from django.db.models import QuerySet
from wagtail.search import index

from marketplace.models import Solution, SolutionStatus

CHUNK_SIZE = 1000  # update_index's default


class WagtailSolution(index.Indexed, Solution):
    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("name_en", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("problems"),
        index.SearchField("features"),
        index.SearchField("tags"),
        index.RelatedFields("company", [index.SearchField("name"), index.SearchField("name_en")]),
        index.RelatedFields(
            "types", [index.SearchField("code"), index.SearchField("name_ko"), index.SearchField("name_en")]
        ),
        index.FilterField("id"),
        index.FilterField("status"),
        index.FilterField("main_type"),
        index.FilterField("company"),
    ]

    class Meta:
        proxy = True
        app_label = "search"

    @property
    def title(self) -> str:
        return self.name

    @classmethod
    def get_indexed_objects(cls) -> QuerySet:
        return super().get_indexed_objects().filter(status=SolutionStatus.PUBLISHED)


def backend():
    """The project's configured Wagtail backend (``WAGTAILSEARCH_BACKENDS["default"]``)."""
    from wagtail.search.backends import get_search_backend

    return get_search_backend()


def published() -> QuerySet:
    return WagtailSolution.objects.filter(status=SolutionStatus.PUBLISHED)


def rebuild(chunk_size: int = CHUNK_SIZE) -> int:
    """What ``manage.py update_index`` does, for ``WagtailSolution`` only: start the backend's
    (atomic) rebuilder, add the model, add its indexed objects ``chunk_size`` at a time in primary
    key order, finish (which recomputes title norms)."""
    search_backend = backend()
    search_index = search_backend.get_index_for_model(WagtailSolution)
    rebuilder = search_backend.rebuilder_class(search_index)
    search_index = rebuilder.start()
    search_index.add_model(WagtailSolution)
    queryset = WagtailSolution.get_indexed_objects().order_by("pk")
    count, last_pk = 0, 0
    while chunk := list(queryset.filter(pk__gt=last_pk)[:chunk_size]):
        search_index.add_items(WagtailSolution, chunk)
        count += len(chunk)
        last_pk = chunk[-1].pk
    rebuilder.finish()
    return count
