"""Celery tasks of the data hub (found by ``autodiscover_tasks``)."""

from .subscriptions.tasks import deliver_notification

__all__ = ["deliver_notification"]
