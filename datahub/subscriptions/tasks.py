"""Celery task delivering one notification, with retries and exponential back-off (2, 4, 8, 16 s)."""

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from .. import ldcontext
from ..models import NotificationDelivery, Subscription, SubscriptionStatus
from .notify import DeliveryError, send

MAX_ATTEMPTS = 5


def delivery_attempt(delivery_id: int, *, final: bool) -> bool | None:
    """One attempt. True: sent (or nothing to do); False: failed and may be retried; None: failed for good."""
    delivery = NotificationDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != NotificationDelivery.Status.PENDING:
        return True
    sub = delivery.subscription
    delivery.attempts += 1
    try:
        status = send(sub, ldcontext.resolve(sub.context), delivery.payload)
    except DeliveryError as exc:
        delivery.error = str(exc)[:500]
        delivery.response_status = exc.status
        if not final:
            delivery.save(update_fields=["attempts", "error", "response_status"])
            return False
        delivery.status = NotificationDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "error", "response_status", "status"])
        Subscription.objects.filter(pk=sub.pk).update(
            status=SubscriptionStatus.FAILED,
            times_failed=F("times_failed") + 1,
            last_failure=timezone.now(),
            last_failure_reason=delivery.error,
        )
        return None
    now = timezone.now()
    delivery.status = NotificationDelivery.Status.SENT
    delivery.response_status = status
    delivery.delivered_at = now
    delivery.error = ""
    delivery.save(update_fields=["attempts", "status", "response_status", "delivered_at", "error"])
    Subscription.objects.filter(pk=sub.pk).update(
        times_sent=F("times_sent") + 1, last_success=now, status=SubscriptionStatus.ACTIVE
    )
    return True


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1)
def deliver_notification(self, delivery_id: int) -> str:
    if self.request.is_eager:
        # Eager mode (tests, no worker): the same attempts in a row, without the back-off waits.
        for attempt in range(MAX_ATTEMPTS):
            outcome = delivery_attempt(delivery_id, final=attempt == MAX_ATTEMPTS - 1)
            if outcome is not False:
                return "sent" if outcome else "failed"
        return "failed"
    outcome = delivery_attempt(delivery_id, final=self.request.retries >= self.max_retries)
    if outcome is False:
        raise self.retry(countdown=2 ** (self.request.retries + 1))
    return "sent" if outcome else "failed"
