"""Celery tasks: thin wrappers that take ids and call ``marketplace.notifications``."""

from celery import shared_task
from django.db import transaction

from . import notifications


def enqueue_on_commit(task, *args) -> None:
    """Queue ``task`` once the current transaction commits (a worker never sees uncommitted rows).

    ``robust``: if the broker is down the error is logged and the request that saved the data
    still succeeds; notifications are best-effort.
    """
    transaction.on_commit(lambda: task.delay(*args), robust=True)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_membership_requested(membership_id: int) -> int:
    return notifications.membership_requested(membership_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_membership_decided(membership_id: int) -> int:
    return notifications.membership_decided(membership_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_solution_transition(transition_id: int) -> int:
    return notifications.solution_transitioned(transition_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_email(user_ids: list[int], subject: str, body: str, url: str) -> int:
    from . import inbox

    return inbox.send_email(user_ids, subject, body, url)


@shared_task(retry_backoff=True, max_retries=3)
def recompute_matches_for_need(need_id: int) -> int:
    from .services.matches import matches_recompute_for_need

    return matches_recompute_for_need(need_id=need_id)


@shared_task(retry_backoff=True, max_retries=3)
def recompute_matches_for_solution(solution_id: int) -> int:
    from .services.matches import matches_recompute_for_solution

    return matches_recompute_for_solution(solution_id=solution_id)
