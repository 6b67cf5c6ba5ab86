"""The portal's Wagtail pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The portal's front page: what the Open Lab is, the catalogue by domain, new listings."""

    intro = models.CharField(_("소개 문구"), max_length=255, blank=True)
    body = RichTextField(_("본문"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("홈페이지")

    def get_context(self, request, *args, **kwargs):
        from marketplace import selectors

        context = super().get_context(request, *args, **kwargs)
        context["domains"] = selectors.domain_list_with_counts()
        context["latest_solutions"] = selectors.solution_latest_published(limit=6)
        context["stats"] = selectors.catalogue_stats()
        return context
