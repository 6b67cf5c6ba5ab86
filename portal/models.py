"""The portal's Wagtail pages and snippets: what operators publish around the catalogue.

The tree is Home → {news, programmes, case studies, events, guides, standard pages}; each index
holds only its own kind of page. Pages exist in Korean (default locale) and English; a page
asked for in a language it has no translation for is served in Korean with a notice
(``HomePage.route``). Anonymous visitors get the page body from the cache; publishing any page
clears it (``portal.cache``).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from marketplace.models import OutcomeKPI, SolutionStatus
from portal import blocks
from portal.cache import anonymous_cache_key

LISTING_PAGE_SIZE = 12


def _image_alt_errors(page, pairs) -> dict[str, ValidationError]:
    return {
        alt_field: ValidationError(_("이미지의 대체 텍스트를 입력하세요."))
        for image_field, alt_field in pairs
        if getattr(page, f"{image_field}_id") and not (getattr(page, alt_field) or "").strip()
    }


class PortalPage(Page):
    """Behaviour every portal page shares: the anonymous body cache and the search summary."""

    summary = models.CharField(
        _("요약"), max_length=300, blank=True, help_text=_("목록과 검색 결과에 보이는 한두 문장")
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_cache_key"], context["page_cache_seconds"] = anonymous_cache_key(request, self)
        return context


class HomePage(PortalPage):
    """The portal's front page: what the Open Lab offers each audience, latest news, featured
    solutions and case studies, and live key figures from the catalogue."""

    hero_title = models.CharField(
        _("대표 문구"), max_length=120, blank=True, help_text=_("비워 두면 페이지 제목을 씁니다.")
    )
    intro = models.CharField(_("소개 문구"), max_length=255, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("대표 이미지"),
    )
    hero_image_alt = models.CharField(_("대표 이미지 대체 텍스트"), max_length=250, blank=True)
    audiences = StreamField([("entry", blocks.AudienceEntryBlock())], blank=True, verbose_name=_("이용자별 바로가기"))
    featured_case_studies = ParentalManyToManyField(
        "portal.CaseStudyPage",
        blank=True,
        related_name="+",
        verbose_name=_("추천 구축 사례"),
        help_text=_("비워 두면 최근 사례 3건을 보여 줍니다."),
    )
    body = StreamField(blocks.BodyBlock(), blank=True, verbose_name=_("본문"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("첫 화면"),
        ),
        FieldPanel("audiences"),
        InlinePanel(
            "featured_solutions", label=_("추천 솔루션"), help_text=_("비워 두면 최근 게시 솔루션을 보여 줍니다.")
        ),
        FieldPanel("featured_case_studies"),
        FieldPanel("body"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("hero_title"), index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("홈페이지")

    def clean(self):
        super().clean()
        errors = _image_alt_errors(self, [("hero_image", "hero_image_alt")])
        if errors:
            raise ValidationError(errors)

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # No translation of this page here: serve the Korean one; the template says so.
            default_home = self.get_default_locale_root()
            if default_home is None or default_home.pk == self.pk:
                raise
            return default_home.specific.route(request, path_components)

    def get_default_locale_root(self):
        return self.get_translations(inclusive=True).filter(locale=Locale.get_default()).first()

    def get_context(self, request, *args, **kwargs):
        from marketplace import selectors
        from portal import selectors as portal_selectors

        context = super().get_context(request, *args, **kwargs)
        # Lazy, so a cached body costs no queries.
        context["stats"] = SimpleLazyObject(portal_selectors.key_figures)
        context["domains"] = selectors.domain_list_with_counts()
        context["featured_solutions"] = SimpleLazyObject(lambda: portal_selectors.home_featured_solutions(self))
        context["featured_case_studies"] = SimpleLazyObject(lambda: portal_selectors.home_case_studies(self))
        context["latest_news"] = SimpleLazyObject(lambda: portal_selectors.latest_news(self.locale, limit=3))
        return context


class HomeFeaturedSolution(Orderable):
    """A solution the operator puts on the home page."""

    page = ParentalKey(HomePage, related_name="featured_solutions", on_delete=models.CASCADE)
    solution = models.ForeignKey(
        "marketplace.Solution", on_delete=models.CASCADE, related_name="+", verbose_name=_("솔루션")
    )

    panels = [FieldPanel("solution")]

    def clean(self):
        super().clean()
        if self.solution_id and self.solution.status != SolutionStatus.PUBLISHED:
            raise ValidationError({"solution": _("게시된 솔루션만 홈페이지에 추천할 수 있습니다.")})


class IndexPage(RoutablePageMixin, PortalPage):
    """A listing of its child pages, newest first, paginated."""

    intro = RichTextField(_("소개"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    child_order = ("-first_published_at",)

    class Meta:
        abstract = True

    def children(self):
        return self.get_children().live().specific().order_by(*self.child_order)

    def paginate(self, request, items):
        return Paginator(items, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request, self.children())
        return context


class NewsCategory(models.TextChoices):
    NOTICE = "notice", _("공지사항")
    PRESS = "press", _("보도자료")
    CALL = "call", _("사업공고")
    STORY = "story", _("소식")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("portal.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsIndexPage(IndexPage):
    """News and notices (공지·소식), filterable by category and tag, with an RSS feed."""

    subpage_types = ["portal.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("뉴스 목록")

    def children(self):
        return NewsPage.objects.child_of(self).live().order_by("-date", "-first_published_at")

    @path("")
    def index_route(self, request):
        news = self.children()
        category = request.GET.get("category", "")
        tag = request.GET.get("tag", "")
        if category in NewsCategory.values:
            news = news.filter(category=category)
        else:
            category = ""
        if tag:
            news = news.filter(tags__name=tag).distinct()
        return self.render(
            request,
            context_overrides={
                "items": self.paginate(request, news),
                "categories": NewsCategory.choices,
                "active_category": category,
                "active_tag": tag,
                "page_cache_key": "uncached",
                "page_cache_seconds": 0,
            },
        )

    @path("feed/", name="feed")
    def feed_route(self, request):
        from portal.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(PortalPage):
    """A news item or notice."""

    date = models.DateField(_("게시일"), default=date.today)
    category = models.CharField(_("분류"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.STORY)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("태그"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("대표 이미지"),
    )
    image_alt = models.CharField(_("대표 이미지 대체 텍스트"), max_length=250, blank=True)
    body = StreamField(blocks.BodyBlock(), verbose_name=_("본문"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("summary"),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("대표 이미지")),
        FieldPanel("body"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body"), index.FilterField("category")]
    parent_page_types = ["portal.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("뉴스")
        verbose_name_plural = _("뉴스")

    def clean(self):
        super().clean()
        errors = _image_alt_errors(self, [("image", "image_alt")])
        if errors:
            raise ValidationError(errors)


class ProgrammeIndexPage(IndexPage):
    """Support programmes (지원사업): open ones first, then closed."""

    subpage_types = ["portal.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("지원사업 목록")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = list(ProgrammePage.objects.child_of(self).live().order_by("application_deadline", "title"))
        context["open_programmes"] = [p for p in programmes if not p.is_closed]
        context["closed_programmes"] = sorted(
            (p for p in programmes if p.is_closed), key=lambda p: p.application_deadline or date.min, reverse=True
        )
        return context


class ProgrammePage(PortalPage):
    """An editorial page about a support programme (e.g. 스마트도시 솔루션 확산사업): who may apply,
    when, for which solution types, and where to apply. A programme whose deadline has passed
    stays readable and is shown as closed, without the apply link."""

    organizer = models.CharField(_("주관 기관"), max_length=120, blank=True)
    body = StreamField(blocks.BodyBlock(), blank=True, verbose_name=_("사업 소개"))
    eligibility = StreamField(
        [("row", blocks.EligibilityRowBlock())], blank=True, verbose_name=_("신청 자격·필수 요건")
    )
    application_opens = models.DateField(_("접수 시작일"), null=True, blank=True)
    application_deadline = models.DateField(_("접수 마감일"), null=True, blank=True)
    milestones = StreamField([("milestone", blocks.MilestoneBlock())], blank=True, verbose_name=_("주요 일정"))
    solution_types = ParentalManyToManyField(
        "marketplace.SolutionType", blank=True, related_name="+", verbose_name=_("대상 솔루션 유형")
    )
    apply_url = models.URLField(_("신청 주소"), blank=True)
    budget_note = models.CharField(
        _("지원 규모"), max_length=200, blank=True, help_text=_("예: 개소당 국비 최대 15억 원")
    )
    programme = models.ForeignKey(
        "marketplace.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("자격 규칙"),
        help_text=_("매칭 엔진이 수요의 자격을 판정할 때 쓰는 지원사업 규칙. 이 페이지에 그대로 표시됩니다."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("organizer"),
        FieldPanel("budget_note"),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("application_opens"), FieldPanel("application_deadline")]),
                FieldPanel("milestones"),
                FieldPanel("apply_url"),
            ],
            heading=_("접수 일정"),
        ),
        FieldPanel("solution_types"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body"), index.SearchField("organizer")]

    @property
    def rule_city_type_labels(self) -> list[str]:
        """The linked rules' city types, as the visitor reads them."""
        from marketplace.models import CityType

        labels = dict(CityType.choices)
        return [str(labels.get(value, value)) for value in (self.programme.city_types if self.programme else [])]

    parent_page_types = ["portal.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("지원사업")
        verbose_name_plural = _("지원사업")

    def clean(self):
        super().clean()
        if self.application_opens and self.application_deadline and self.application_opens > self.application_deadline:
            raise ValidationError({"application_deadline": _("접수 마감일은 접수 시작일보다 빠를 수 없습니다.")})

    @property
    def is_closed(self) -> bool:
        return bool(self.application_deadline and self.application_deadline < timezone.localdate())

    @property
    def is_upcoming(self) -> bool:
        return bool(self.application_opens and self.application_opens > timezone.localdate())

    @property
    def days_left(self) -> int | None:
        if not self.application_deadline or self.is_closed:
            return None
        return (self.application_deadline - timezone.localdate()).days


class CaseStudyIndexPage(IndexPage):
    """Case studies (실증·구축 사례), filterable by year."""

    subpage_types = ["portal.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("구축 사례 목록")

    def children(self):
        return CaseStudyPage.objects.child_of(self).live().select_related("municipality").order_by("-year", "title")


class CaseStudyPageForm(WagtailAdminPageForm):
    def clean_solutions(self):
        solutions = self.cleaned_data.get("solutions")
        unpublished = [s.name for s in solutions or () if s.status != SolutionStatus.PUBLISHED]
        if unpublished:
            raise ValidationError(
                _("게시되지 않은 솔루션은 연결할 수 없습니다: %(names)s"), params={"names": ", ".join(unpublished)}
            )
        return solutions


class CaseStudyPage(PortalPage):
    """A deployment or demonstration told as a story: which municipality, which solutions, under
    which programme, at what cost, and what it achieved (outcome KPIs). Its KPIs also appear on
    the pages of the linked solutions."""

    municipality = models.ForeignKey(
        "marketplace.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("지자체"),
        limit_choices_to={"kind": "municipality"},
    )
    solutions = ParentalManyToManyField(
        "marketplace.Solution",
        blank=True,
        related_name="case_study_pages",
        verbose_name=_("사용 솔루션"),
        help_text=_("게시된 솔루션만 연결할 수 있습니다."),
    )
    programme_name = models.CharField(_("사업명"), max_length=120, blank=True)
    programme_page = models.ForeignKey(
        "portal.ProgrammePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        verbose_name=_("지원사업 페이지"),
    )
    year = models.PositiveSmallIntegerField(_("구축 연도"))
    budget_krw = models.PositiveBigIntegerField(_("사업비(원)"), null=True, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("대표 이미지"),
    )
    image_alt = models.CharField(_("대표 이미지 대체 텍스트"), max_length=250, blank=True)
    kpis = StreamField([("kpi", blocks.KPIRowBlock())], blank=True, verbose_name=_("성과 지표"))
    body = StreamField(blocks.BodyBlock(), blank=True, verbose_name=_("본문"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("year")]),
        FieldPanel("solutions"),
        FieldRowPanel([FieldPanel("programme_name"), FieldPanel("budget_krw")]),
        FieldPanel("programme_page"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("대표 이미지")),
        FieldPanel("kpis"),
        FieldPanel("body"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("programme_name"),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]
    parent_page_types = ["portal.CaseStudyIndexPage"]
    subpage_types = []
    base_form_class = CaseStudyPageForm

    class Meta:
        verbose_name = _("구축 사례")
        verbose_name_plural = _("구축 사례")

    def clean(self):
        super().clean()
        errors = _image_alt_errors(self, [("image", "image_alt")])
        if self.year and not 2000 <= self.year <= timezone.localdate().year + 1:
            errors["year"] = ValidationError(_("구축 연도를 확인하세요(2000년 이후)."))
        if errors:
            raise ValidationError(errors)

    def kpi_rows(self) -> list["KPIRow"]:
        return [KPIRow(block.value) for block in self.kpis]

    def published_solutions(self):
        return self.solutions.filter(status=SolutionStatus.PUBLISHED).select_related("company")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["linked_solutions"] = self.published_solutions()
        return context


class EventIndexPage(IndexPage):
    subpage_types = ["portal.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("행사 목록")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().order_by("start_date")
        today = timezone.localdate()
        context["upcoming"] = [e for e in events if (e.end_date or e.start_date) >= today]
        context["past"] = [e for e in reversed(events) if (e.end_date or e.start_date) < today]
        return context


class EventPage(PortalPage):
    """An event (e.g. World Smart City Expo): when, where, who organizes, how to register."""

    start_date = models.DateField(_("시작일"))
    end_date = models.DateField(_("종료일"), null=True, blank=True)
    location = models.CharField(_("장소"), max_length=200)
    organizer = models.CharField(_("주최·주관"), max_length=200, blank=True)
    registration_url = models.URLField(_("참가 신청 주소"), blank=True)
    body = StreamField(blocks.BodyBlock(), blank=True, verbose_name=_("본문"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("location"),
        FieldPanel("organizer"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("location"), index.SearchField("body")]
    parent_page_types = ["portal.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("행사")
        verbose_name_plural = _("행사")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("종료일은 시작일보다 빠를 수 없습니다.")})

    @property
    def is_past(self) -> bool:
        return (self.end_date or self.start_date) < timezone.localdate()


class GuideIndexPage(IndexPage):
    subpage_types = ["portal.GuidePage"]
    max_count_per_parent = 1
    child_order = ("path",)

    class Meta:
        verbose_name = _("이용 안내 목록")


class GuidePage(PortalPage):
    """A how-to guide ("인증 받는 방법", "샌드박스 데이터 받는 방법") for one audience."""

    audience = models.CharField(_("대상"), max_length=20, choices=blocks.AUDIENCES, default="company")
    body = StreamField(blocks.BodyBlock(), verbose_name=_("본문"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("audience"), FieldPanel("body")]
    search_fields = [*PortalPage.search_fields, index.SearchField("body")]
    parent_page_types = ["portal.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("이용 안내")
        verbose_name_plural = _("이용 안내")


class StandardPage(PortalPage):
    """A plain content page (소개, 이용약관, 자주 묻는 질문 …)."""

    body = StreamField(blocks.BodyBlock(), verbose_name=_("본문"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*PortalPage.search_fields, index.SearchField("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("일반 페이지")
        verbose_name_plural = _("일반 페이지")


@register_snippet
class FAQ(TranslatableMixin, index.Indexed, models.Model):
    """A frequently asked question; shown by the FAQ list block, per category and language."""

    question = models.CharField(_("질문"), max_length=250)
    answer = RichTextField(_("답변"), features=["bold", "italic", "link", "ul", "ol"])
    category = models.CharField(_("분류"), max_length=20, choices=blocks.FAQ_CATEGORIES, default="general")
    sort_order = models.PositiveSmallIntegerField(_("정렬 순서"), default=0)

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("category"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("question"), index.SearchField("answer"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["category", "sort_order", "id"]
        verbose_name = _("자주 묻는 질문")
        verbose_name_plural = _("자주 묻는 질문")

    def __str__(self):
        return self.question


class KPIRow:
    """A case-study KPI row with the interface of ``marketplace.OutcomeKPI`` (change, direction),
    so both render with the same table."""

    def __init__(self, value):
        self.metric = value["metric"]
        self.baseline = value["baseline"]
        self.result = value["result"]
        self.unit = value.get("unit") or ""
        self.lower_is_better = bool(value.get("lower_is_better"))
        self.verified_by = value.get("verified_by") or ""

    change_percent = OutcomeKPI.change_percent
    improved = OutcomeKPI.improved
