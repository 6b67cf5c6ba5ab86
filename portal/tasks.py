"""Celery tasks of the portal: thin wrappers around Wagtail management commands."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled_pages() -> None:
    """Publish pages whose go-live time has passed and unpublish expired ones (beat, every minute)."""
    call_command("publish_scheduled", verbosity=0)
