"""Template helpers of the portal: the language switcher's targets, page breadcrumbs, the case
studies shown on a solution page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """For each language: (code, local name, translated name, url of this page in that language).

    A Wagtail page links to its live translation; a page without one, and every other view, to
    the same address under the other prefix (a missing translation then shows the Korean page
    with a notice, never a 404).
    """
    request = context.get("request")
    page = context.get("page")
    path = request.get_full_path() if request else "/"
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        other = translations.get(code)
        if other is not None:
            with translation.override(code):
                url = other.get_url(request)
        else:
            url = translate_url(path, code)
        alternates.append(
            {"code": code, "name_local": info["name_local"], "name_translated": info["name_translated"], "url": url}
        )
    return alternates


@register.simple_tag(takes_context=True)
def page_breadcrumbs(context, page):
    """(title, url) pairs from below the home page down to ``page`` for includes/breadcrumb.html."""
    request = context.get("request")
    ancestors = page.get_ancestors().filter(depth__gt=2).specific(defer=True)
    return [*((a.title, a.get_url(request)) for a in ancestors), (page.title, None)]


@register.simple_tag(takes_context=True)
def site_home_url(context):
    """The home page in the active language."""
    return f"/{translation.get_language() or settings.LANGUAGE_CODE}/"


@register.filter
def is_fallback(page) -> bool:
    """True when ``page`` is shown in a language other than its own (no translation yet)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return isinstance(page, Page) and page.locale.language_code != language


@register.inclusion_tag("portal/includes/solution_case_studies.html", takes_context=True)
def solution_case_studies(context, solution):
    from portal.selectors import case_studies_for_solution

    return {"case_studies": case_studies_for_solution(solution), "request": context.get("request")}


@register.simple_tag
def default_locale():
    return Locale.get_default()


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The home page's children flagged "show in menus", in the active language."""
    from portal.models import HomePage

    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_portal_menu", None)
    if cached is None:
        home = HomePage.objects.filter(locale__language_code=translation.get_language()).first()
        home = home or HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        cached = []
        if home is not None:
            cached = [(p.title, p.get_url(request)) for p in home.get_children().live().in_menu().specific(defer=True)]
        request._portal_menu = cached
    return cached
