"""Celery tasks: thin wrappers that take ids and call ``marketplace.notifications``."""

from celery import shared_task

from . import notifications


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_membership_requested(membership_id: int) -> int:
    return notifications.membership_requested(membership_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_membership_decided(membership_id: int) -> int:
    return notifications.membership_decided(membership_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_solution_transition(transition_id: int) -> int:
    return notifications.solution_transitioned(transition_id)
