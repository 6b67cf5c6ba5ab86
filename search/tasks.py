"""Celery tasks that keep the index current; thin wrappers over ``search.services``."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def drain_outbox() -> int:
    return services.outbox_drain()


def drain_outbox_soon() -> None:
    drain_outbox.delay()
