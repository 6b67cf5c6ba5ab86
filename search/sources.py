"""What the search index knows: ``IndexDocument``s built from marketplace objects and CMS pages.

Only published solutions and live, public pages are searchable; everything else is removed from the index.
"""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.search import index as wagtail_index

from marketplace.models import (
    Organization,
    OrganizationKind,
    PriceBand,
    Reference,
    Solution,
    SolutionStatus,
    SolutionType,
)

from .backends.base import IndexDocument

# Ranking nudges (multiplied into the text score): a solution that already runs somewhere is a
# safer choice for a city, so it wins close calls; it never beats a clearly better text match.
REFERENCE_BOOST = 1.15
BATCH = 500


def solution_queryset() -> QuerySet[Solution]:
    return (
        Solution.objects.filter(status=SolutionStatus.PUBLISHED)
        .select_related("company", "main_type__domain")
        .prefetch_related(
            Prefetch("types", queryset=SolutionType.objects.select_related("domain")),
            Prefetch("references", queryset=Reference.objects.select_related("municipality")),
        )
        .order_by("pk")
    )


def solution_document(solution: Solution) -> IndexDocument:
    types = list(solution.types.all())
    references = list(solution.references.all())
    band = PriceBand.of(solution.price_min)
    body = "\n".join(
        [
            solution.description,
            " ".join(solution.problems),
            " ".join(solution.features),
            " ".join(solution.tags),
            " ".join(f"{k} {v}" for k, v in solution.specs.items()),
            f"{solution.company.name} {solution.company.name_en}",
            " ".join(f"{t.code} {t.name_ko} {t.name_en} {t.domain.name_ko} {t.domain.name_en}" for t in types),
            " ".join(solution.data_models_produced),
        ]
    )
    return IndexDocument(
        kind="solution",
        object_id=solution.pk,
        title=solution.name,
        title_en=solution.name_en,
        summary=solution.summary,
        body=body,
        url=solution.get_absolute_url(),
        facets={
            "domain": sorted({t.domain.code for t in types}),
            "type": sorted(t.code for t in types),
            "price_band": [band.value] if band else [],
            "province": sorted({r.municipality.province for r in references if r.municipality.province}),
            "company": [solution.company.slug],
            "startup": ["true" if solution.company.is_startup else "false"],
            "has_reference": ["true" if references else "false"],
            "open_source": ["true" if solution.open_source_license else "false"],
        },
        boost=REFERENCE_BOOST if references else 1.0,
    )


def organization_queryset() -> QuerySet[Organization]:
    return Organization.objects.exclude(kind=OrganizationKind.OPERATOR).order_by("pk")


def organization_document(organization: Organization) -> IndexDocument:
    return IndexDocument(
        kind="organization",
        object_id=organization.pk,
        title=organization.name,
        title_en=organization.name_en,
        summary=(organization.description or "")[:200],
        body=f"{organization.description}\n{organization.description_en}",
        url=organization.get_absolute_url(),
        facets={
            "kind": [organization.kind],
            "province": [organization.province] if organization.province else [],
            "startup": ["true" if organization.is_startup else "false"],
        },
    )


def page_queryset() -> QuerySet[Page]:
    """Live, public CMS pages (not the tree's root)."""
    return Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("pk")


def page_text(page: Page) -> list[str]:
    """The text of a page's own ``search_fields`` (StreamField blocks through their searchable content)."""
    texts = []
    for field in page.search_fields:
        if not isinstance(field, wagtail_index.SearchField) or field.field_name in ("title", "search_description"):
            continue
        value = getattr(page, field.field_name, None)
        if callable(value):
            value = value()
        if isinstance(value, StreamValue):
            texts.extend(value.stream_block.get_searchable_content(value))
        elif value:
            texts.append(strip_tags(str(value)))
    return texts


def page_document(page: Page) -> IndexDocument:
    specific = page.specific
    body = "\n".join(page_text(specific))
    summary = specific.search_description or Truncator(" ".join(body.split())).chars(200)
    return IndexDocument(
        kind="page",
        object_id=page.pk,
        title=page.title,
        summary=summary,
        body=body,
        url=page.get_url() or page.url_path,
        facets={
            "locale": [page.locale.language_code],
            "page_type": [specific._meta.model_name],
        },
    )


def all_documents() -> Iterator[IndexDocument]:
    for solution in solution_queryset().iterator(chunk_size=BATCH):
        yield solution_document(solution)
    for organization in organization_queryset().iterator(chunk_size=BATCH):
        yield organization_document(organization)
    for page in page_queryset().iterator(chunk_size=BATCH):
        yield page_document(page)


def documents_for(kind: str, object_ids: list[int]) -> tuple[list[IndexDocument], list[int]]:
    """Fresh documents for the given objects, and the ids that must leave the index."""
    if kind == "solution":
        objects = {s.pk: s for s in solution_queryset().filter(pk__in=object_ids)}
        make = solution_document
    elif kind == "page":
        objects = {p.pk: p for p in page_queryset().filter(pk__in=object_ids)}
        make = page_document
    else:
        objects = {o.pk: o for o in organization_queryset().filter(pk__in=object_ids)}
        make = organization_document
    documents = [make(objects[pk]) for pk in object_ids if pk in objects]
    return documents, [pk for pk in object_ids if pk not in objects]
