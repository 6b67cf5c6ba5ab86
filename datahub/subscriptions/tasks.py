"""Celery task delivering one notification, with retries and exponential back-off."""

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from .. import ldcontext
from ..models import NotificationDelivery, Subscription, SubscriptionStatus
from .notify import DeliveryError, send

MAX_ATTEMPTS = 5


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1)
def deliver_notification(self, delivery_id: int) -> str:
    delivery = NotificationDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != NotificationDelivery.Status.PENDING:
        return "skipped"
    sub = delivery.subscription
    delivery.attempts += 1
    try:
        status = send(sub, ldcontext.resolve(sub.context), delivery.payload)
    except DeliveryError as exc:
        delivery.error = str(exc)[:500]
        delivery.response_status = exc.status
        if self.request.retries < self.max_retries:
            delivery.save(update_fields=["attempts", "error", "response_status"])
            raise self.retry(countdown=2 ** (self.request.retries + 1)) from None
        now = timezone.now()
        delivery.status = NotificationDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "error", "response_status", "status"])
        Subscription.objects.filter(pk=sub.pk).update(
            status=SubscriptionStatus.FAILED,
            times_failed=F("times_failed") + 1,
            last_failure=now,
            last_failure_reason=delivery.error,
        )
        return "failed"
    now = timezone.now()
    delivery.status = NotificationDelivery.Status.SENT
    delivery.response_status = status
    delivery.delivered_at = now
    delivery.error = ""
    delivery.save(update_fields=["attempts", "status", "response_status", "delivered_at", "error"])
    Subscription.objects.filter(pk=sub.pk).update(
        times_sent=F("times_sent") + 1, last_success=now, status=SubscriptionStatus.ACTIVE
    )
    return "sent"
