"""Support programmes (지원사업) and the rules a need must meet to be funded by one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    """A national support programme such as 스마트도시 솔루션 확산사업, with structured eligibility rules.

    The rules are read by ``marketplace.matching.eligibility``: a need qualifies when its city meets the
    population limit and city types, and a solution keeps it eligible when it meets the mandatory criteria
    (open source, data hub linkage, data hub certification). The editorial page about a programme lives in
    the CMS; this is the part the matching engine can reason about.
    """

    name = models.CharField(_("사업명"), max_length=120, unique=True)
    name_en = models.CharField(_("영문 사업명"), max_length=160, blank=True)
    slug = models.SlugField(_("주소용 이름"), max_length=140, unique=True, allow_unicode=True)
    summary = models.TextField(_("사업 개요"), blank=True)
    max_population = models.PositiveIntegerField(
        _("인구 상한"),
        null=True,
        blank=True,
        help_text=_("이 인구 미만인 지자체만 신청할 수 있습니다. 비우면 제한 없음"),
    )
    city_types = models.JSONField(
        _("대상 도시 유형"),
        default=list,
        blank=True,
        help_text=_("비우면 모든 도시 유형. 가능한 값: new_town, existing, rural"),
    )
    requires_open_source = models.BooleanField(_("오픈소스 솔루션 필수"), default=False)
    requires_data_hub_linkage = models.BooleanField(_("데이터허브 연계 필수"), default=False)
    requires_data_hub_certification = models.BooleanField(_("데이터허브 인증 필수"), default=False)
    min_climate_inclusion_share = models.PositiveSmallIntegerField(
        _("기후·디지털포용 솔루션 최소 예산 비율(%)"),
        null=True,
        blank=True,
        help_text=_("사업비 중 기후대응·디지털포용 솔루션에 써야 하는 최소 비율"),
    )
    application_deadline = models.DateField(_("신청 마감일"), null=True, blank=True)
    is_active = models.BooleanField(_("모집 중"), default=True)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("지원사업")
        verbose_name_plural = _("지원사업")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (English when the site is in English and one is given)."""
        from django.utils.translation import get_language

        return self.name_en if (get_language() or "ko").startswith("en") and self.name_en else self.name
