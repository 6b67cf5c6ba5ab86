"""Reads for the portal's pages: key figures, featured content, case studies of a solution.
Everything here only returns live pages. (Pages are found through the search engine: search/.)"""

from django.utils import translation
from wagtail.models import Locale


def current_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def key_figures() -> dict[str, int]:
    """The home page's live numbers: the catalogue's figures plus published case studies."""
    from marketplace import selectors
    from portal.models import CaseStudyPage

    figures = selectors.catalogue_stats()
    figures["case_studies"] = CaseStudyPage.objects.live().filter(locale=Locale.get_default()).count()
    return figures


def home_featured_solutions(home, *, limit: int = 6):
    """The operator's picks that are still published, else the newest published solutions."""
    from marketplace import selectors

    picked = list(
        home.featured_solutions.filter(solution__status="published").values_list("solution_id", flat=True)[:limit]
    )
    if not picked and home.locale != Locale.get_default():
        default_home = home.get_default_locale_root()
        if default_home is not None:
            picked = list(
                default_home.specific.featured_solutions.filter(solution__status="published").values_list(
                    "solution_id", flat=True
                )[:limit]
            )
    if picked:
        by_id = {solution.pk: solution for solution in selectors.solution_list().filter(pk__in=picked)}
        return [by_id[pk] for pk in picked if pk in by_id]
    return selectors.solution_latest_published(limit=limit)


def home_case_studies(home, *, limit: int = 3):
    """The operator's featured case studies, else the newest ones, in the home page's language."""
    from portal.models import CaseStudyPage

    live = CaseStudyPage.objects.live().select_related("municipality")
    picked = list(live.filter(pk__in=home.featured_case_studies.values("pk"))[:limit])
    if picked:
        return picked
    newest = live.order_by("-year", "-first_published_at")
    return list(newest.filter(locale=home.locale)[:limit]) or list(newest.filter(locale=Locale.get_default())[:limit])


def latest_news(locale, *, limit: int = 3):
    from portal.models import NewsPage

    newest = NewsPage.objects.live().order_by("-date", "-first_published_at")
    return list(newest.filter(locale=locale)[:limit]) or list(newest.filter(locale=Locale.get_default())[:limit])


def faq_list(*, category: str | None = None):
    from portal.models import FAQ

    locale = current_locale()
    faqs = FAQ.objects.filter(locale=locale)
    if not faqs.exists():
        faqs = FAQ.objects.filter(locale=Locale.get_default())
    if category:
        faqs = faqs.filter(category=category)
    return list(faqs.order_by("category", "sort_order", "id"))


def case_studies_for_solution(solution, *, language: str | None = None):
    """Live case studies linking ``solution`` with their KPI rows, in the visitor's language when a
    translation exists (else Korean)."""
    from portal.models import CaseStudyPage

    language = language or translation.get_language()
    pages = list(
        CaseStudyPage.objects.live()
        .filter(solutions=solution)
        .select_related("municipality", "locale")
        .order_by("-year", "title")
    )
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return list(chosen.values())
