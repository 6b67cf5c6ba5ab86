"""The national taxonomy: 9 domains and 60 solution types of the 4th Smart City Plan."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class LocalizedNameMixin:
    """``name`` in the active language: Korean by default, English when the site is in English."""

    @property
    def name(self) -> str:
        if (get_language() or "ko").startswith("en") and self.name_en:
            return self.name_en
        return self.name_ko

    def __str__(self):
        return f"{self.code} {self.name}"


class Domain(LocalizedNameMixin, models.Model):
    """A domain (분야) such as 교통 (TRN) or 환경·에너지 (ENV)."""

    code = models.CharField(_("코드"), max_length=3, unique=True)
    name_ko = models.CharField(_("이름(한국어)"), max_length=50)
    name_en = models.CharField(_("이름(영어)"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("정렬 순서"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("분야")
        verbose_name_plural = _("분야")


class SolutionType(LocalizedNameMixin, models.Model):
    """A solution type (솔루션 유형) such as TRN-04 불법주정차 단속, with the Smart Data Models
    entity types such a solution usually produces."""

    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="types", verbose_name=_("분야"))
    code = models.CharField(_("코드"), max_length=6, unique=True)
    name_ko = models.CharField(_("이름(한국어)"), max_length=80)
    name_en = models.CharField(_("이름(영어)"), max_length=120)
    smart_data_models = models.JSONField(_("Smart Data Models 엔티티 유형"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("솔루션 유형")
        verbose_name_plural = _("솔루션 유형")
