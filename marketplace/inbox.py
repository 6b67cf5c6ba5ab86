"""The in-site inbox (알림함) and notification emails, honouring each person's preferences.

``notify`` is called by services inside their transaction: inbox rows are written with the data, and the
email is queued to a Celery task that runs once the transaction commits.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Membership, MembershipStatus, Notification, NotificationPreference

INBOX_PAGE_SIZE = 50


def organization_member_ids(organization_ids: Iterable[int]) -> list[int]:
    return list(
        Membership.objects.filter(organization_id__in=list(organization_ids), status=MembershipStatus.ACTIVE)
        .values_list("user_id", flat=True)
        .distinct()
    )


def _opted_out(user_ids: list[int], kind: str, channel: str) -> set[int]:
    return set(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind, **{channel: False}).values_list(
            "user_id", flat=True
        )
    )


def notify(*, user_ids: Iterable[int], kind: str, title: str, body: str = "", url: str = "") -> int:
    """Put a message in each person's inbox and queue its email, each as they chose. Returns inbox count."""
    from . import tasks

    user_ids = list(dict.fromkeys(user_ids))
    if not user_ids:
        return 0
    no_inbox = _opted_out(user_ids, kind, "inbox")
    Notification.objects.bulk_create(
        Notification(recipient_id=pk, kind=kind, title=title, body=body, url=url)
        for pk in user_ids
        if pk not in no_inbox
    )
    no_email = _opted_out(user_ids, kind, "email")
    emailed = [pk for pk in user_ids if pk not in no_email]
    if emailed:
        tasks.enqueue_on_commit(tasks.send_notification_email, emailed, title, body, url)
    return len(user_ids) - len(no_inbox)


def send_email(user_ids: list[int], subject: str, body: str, url: str) -> int:
    from django.contrib.auth import get_user_model

    emails = list(get_user_model().objects.filter(pk__in=user_ids, is_active=True).values_list("email", flat=True))
    if not emails:
        return 0
    text = f"{body}\n\n{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}" if url else body
    subject = _("[스마트도시 오픈랩] %(subject)s") % {"subject": subject}
    messages = [(subject, text, settings.DEFAULT_FROM_EMAIL, [email]) for email in emails]
    return send_mass_mail(messages, fail_silently=False)


@transaction.atomic
def mark_read(*, user, notification_ids: Iterable[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())


@transaction.atomic
def preferences_set(*, user, choices: dict[str, dict[str, bool]]) -> None:
    """``choices`` maps a kind to {"inbox": bool, "email": bool}."""
    for kind, channels in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"inbox": bool(channels.get("inbox")), "email": bool(channels.get("email"))}
        )
