"""The in-site inbox and each person's choice of what reaches them by email."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    NEW_MATCHING_NEED = "new_matching_need", _("우리 솔루션에 맞는 새 수요")
    INVITATION = "invitation", _("제안 초청")
    PROPOSAL = "proposal", _("새 제안 접수")
    AWARD = "award", _("선정 결과")
    QUESTION = "question", _("질의응답")


class Notification(models.Model):
    """One message in a person's inbox (알림함)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("받는 사람")
    )
    kind = models.CharField(_("종류"), max_length=30, choices=NotificationKind.choices)
    title = models.CharField(_("제목"), max_length=200)
    body = models.TextField(_("내용"), blank=True)
    url = models.CharField(_("바로가기"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("읽은 일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("일시"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("알림")
        verbose_name_plural = _("알림")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.title


class NotificationPreference(models.Model):
    """Whether one kind of notification goes to a person's inbox and email. No row means both on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("사용자"),
    )
    kind = models.CharField(_("종류"), max_length=30, choices=NotificationKind.choices)
    inbox = models.BooleanField(_("알림함"), default=True)
    email = models.BooleanField(_("이메일"), default=True)

    class Meta:
        verbose_name = _("알림 설정")
        verbose_name_plural = _("알림 설정")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notificationpreference_unique_kind")]
