"""Solutions companies list, their versions, media, and where they already run (references)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.validators import validate_brochure_upload, validate_image_upload

from .organizations import Organization
from .taxonomy import SolutionType


class SolutionStatus(models.TextChoices):
    DRAFT = "draft", _("작성 중")
    SUBMITTED = "submitted", _("심사 중")
    PUBLISHED = "published", _("게시됨")
    RETIRED = "retired", _("게시 중단")


class PricingModel(models.TextChoices):
    LICENSE = "license", _("라이선스 구매")
    SUBSCRIPTION = "subscription", _("구독(SaaS)")
    BUILD = "build", _("구축형 용역")
    PER_UNIT = "per_unit", _("설치 단위")
    FREE = "free", _("무상(오픈소스)")


class DeploymentOption(models.TextChoices):
    ON_PREMISE = "on_premise", _("설치형(온프레미스)")
    CLOUD = "cloud", _("클라우드")
    SAAS = "saas", _("SaaS")
    HYBRID = "hybrid", _("하이브리드")


class PriceBand(models.TextChoices):
    """Bands of the lowest listed price, as procurement officers talk about budgets."""

    UNDER_10M = "under_10m", _("1천만 원 미만")
    FROM_10M = "10m_50m", _("1천만~5천만 원")
    FROM_50M = "50m_100m", _("5천만~1억 원")
    FROM_100M = "100m_500m", _("1억~5억 원")
    OVER_500M = "over_500m", _("5억 원 이상")

    @classmethod
    def bounds(cls, band: str) -> tuple[int, int | None]:
        return {
            cls.UNDER_10M: (0, 10_000_000),
            cls.FROM_10M: (10_000_000, 50_000_000),
            cls.FROM_50M: (50_000_000, 100_000_000),
            cls.FROM_100M: (100_000_000, 500_000_000),
            cls.OVER_500M: (500_000_000, None),
        }[cls(band)]

    @classmethod
    def of(cls, price: int | None) -> "PriceBand | None":
        if price is None:
            return None
        for band in cls:
            low, high = cls.bounds(band)
            if price >= low and (high is None or price < high):
                return band
        return None


class Solution(models.Model):
    """A company's product (솔루션) in the national taxonomy.

    Goes draft → submitted → published → retired; only operators publish or retire, and every
    change of status is a ``SolutionTransition``. The first of ``types`` is its main type.
    """

    company = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="solutions", verbose_name=_("공급기업")
    )
    name = models.CharField(_("솔루션명"), max_length=150)
    name_en = models.CharField(_("영문 솔루션명"), max_length=200, blank=True)
    slug = models.SlugField(_("주소용 이름"), max_length=180, unique=True, allow_unicode=True)
    summary = models.CharField(_("한 줄 소개"), max_length=200)
    description = models.TextField(_("상세 설명"))
    types = models.ManyToManyField(SolutionType, related_name="solutions", verbose_name=_("솔루션 유형"))
    main_type = models.ForeignKey(
        SolutionType, on_delete=models.PROTECT, related_name="main_solutions", verbose_name=_("대표 유형")
    )
    problems = models.JSONField(_("해결하는 도시문제"), default=list, blank=True)
    features = models.JSONField(_("주요 기능"), default=list, blank=True)
    specs = models.JSONField(_("사양"), default=dict, blank=True)
    tags = models.JSONField(_("키워드"), default=list, blank=True)
    pricing_model = models.CharField(_("가격 모델"), max_length=20, choices=PricingModel.choices)
    price_min = models.PositiveBigIntegerField(_("최저 가격(원)"), null=True, blank=True)
    price_max = models.PositiveBigIntegerField(_("최고 가격(원)"), null=True, blank=True)
    price_unit = models.CharField(_("가격 단위"), max_length=30, blank=True, help_text=_("예: 개소당, 대당, 연간"))
    deployment_options = models.JSONField(_("구축 방식"), default=list, blank=True)
    open_source_license = models.CharField(
        _("오픈소스 라이선스"), max_length=40, blank=True, help_text=_("SPDX 식별자(예: Apache-2.0)")
    )
    data_models_produced = models.JSONField(_("생산 데이터 모델"), default=list, blank=True)
    data_models_consumed = models.JSONField(_("사용 데이터 모델"), default=list, blank=True)
    status = models.CharField(
        _("상태"), max_length=20, choices=SolutionStatus.choices, default=SolutionStatus.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("게시일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("솔루션")
        verbose_name_plural = _("솔루션")
        constraints = [
            models.UniqueConstraint(fields=["company", "name"], name="solution_unique_company_name"),
            models.CheckConstraint(
                condition=models.Q(price_min__isnull=True)
                | models.Q(price_max__isnull=True)
                | models.Q(price_min__lte=models.F("price_max")),
                name="solution_price_range_ordered",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("marketplace:solution_detail", kwargs={"slug": self.slug})

    @property
    def domain(self):
        return self.main_type.domain

    @property
    def price_band(self):
        return PriceBand.of(self.price_min)

    @property
    def is_open_source(self) -> bool:
        return bool(self.open_source_license)


class SolutionVersion(models.Model):
    """A released version of a solution; certification (later) attaches to a version."""

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="versions", verbose_name=_("솔루션"))
    version = models.CharField(_("버전"), max_length=30)
    released_on = models.DateField(_("출시일"), null=True, blank=True)
    changelog = models.TextField(_("변경 내역"), blank=True)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)

    class Meta:
        ordering = ["-released_on", "-id"]
        verbose_name = _("솔루션 버전")
        verbose_name_plural = _("솔루션 버전")
        constraints = [models.UniqueConstraint(fields=["solution", "version"], name="solutionversion_unique_version")]

    def __str__(self):
        return f"{self.solution} {self.version}"


class SolutionMedia(models.Model):
    """A screenshot/photo or the PDF brochure of a solution; type and size are checked on upload."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("이미지")
        BROCHURE = "brochure", _("브로슈어(PDF)")

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="media", verbose_name=_("솔루션"))
    kind = models.CharField(_("종류"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("파일"), upload_to="solutions/%Y/%m/")
    caption = models.CharField(_("설명"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("정렬 순서"), default=0)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)

    VALIDATORS = {Kind.IMAGE: validate_image_upload, Kind.BROCHURE: validate_brochure_upload}

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("솔루션 첨부파일")
        verbose_name_plural = _("솔루션 첨부파일")

    def __str__(self):
        return self.caption or self.file.name


class StatusTransition(models.Model):
    """The audit row every status change writes: who, when, and why. Subclasses add the object and its
    from/to statuses (with their own choices)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("처리자")
    )
    note = models.TextField(_("사유·메모"), blank=True)
    created_at = models.DateTimeField(_("일시"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


class SolutionTransition(StatusTransition):
    """One change of a solution's status: who, when, from, to, and why."""

    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("솔루션")
    )
    from_status = models.CharField(_("이전 상태"), max_length=20, choices=SolutionStatus.choices)
    to_status = models.CharField(_("변경 상태"), max_length=20, choices=SolutionStatus.choices)

    class Meta(StatusTransition.Meta):
        verbose_name = _("솔루션 상태 변경 이력")
        verbose_name_plural = _("솔루션 상태 변경 이력")

    def __str__(self):
        return f"{self.solution}: {self.from_status} → {self.to_status}"


class Reference(models.Model):
    """A deployment or demonstration of a solution in a municipality (구축·실증 사례)."""

    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="references", verbose_name=_("솔루션")
    )
    municipality = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="references", verbose_name=_("지자체")
    )
    year = models.PositiveSmallIntegerField(_("구축 연도"))
    programme = models.CharField(_("사업명"), max_length=100, blank=True)
    budget_krw = models.PositiveBigIntegerField(_("사업비(원)"), null=True, blank=True)
    summary = models.TextField(_("사례 요약"), blank=True)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "id"]
        verbose_name = _("구축 사례")
        verbose_name_plural = _("구축 사례")

    def __str__(self):
        return f"{self.solution} @ {self.municipality} ({self.year})"


class OutcomeKPI(models.Model):
    """A measured outcome of a reference: metric, baseline, result (e.g. 불법주정차 −30%)."""

    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="kpis", verbose_name=_("구축 사례"))
    metric = models.CharField(_("지표"), max_length=120)
    baseline = models.DecimalField(_("도입 전"), max_digits=16, decimal_places=2)
    result = models.DecimalField(_("도입 후"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("단위"), max_length=30, blank=True)
    lower_is_better = models.BooleanField(_("낮을수록 좋음"), default=False)
    verified_by = models.CharField(_("검증 기관"), max_length=120, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("성과 지표")
        verbose_name_plural = _("성과 지표")

    def __str__(self):
        return f"{self.metric}: {self.baseline} → {self.result} {self.unit}"

    @property
    def change_percent(self) -> Decimal | None:
        if not self.baseline:
            return None
        return ((self.result - self.baseline) / self.baseline * 100).quantize(Decimal("0.1"))

    @property
    def improved(self) -> bool:
        return self.result < self.baseline if self.lower_is_better else self.result > self.baseline
