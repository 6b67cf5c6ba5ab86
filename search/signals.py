"""Every write to an indexed model records an outbox row in the same transaction.

Signals are the one place that sees every save path (services, admin, seeding), and writing the
outbox row is bookkeeping, not a business rule. ``queryset.update()`` sends no signal: code that
uses it on indexed models calls ``search.services.outbox_enqueue`` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from marketplace.models import Organization, OrganizationKind, Reference, Solution

from .services import outbox_enqueue


@receiver([post_save, post_delete], sender=Solution)
def solution_changed(sender, instance, **kwargs):
    outbox_enqueue(kind="solution", object_ids=[instance.pk])


@receiver(m2m_changed, sender=Solution.types.through)
def solution_types_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Solution):
        outbox_enqueue(kind="solution", object_ids=[instance.pk])


@receiver([post_save, post_delete], sender=Reference)
def reference_changed(sender, instance, **kwargs):
    # References decide the has_reference and province facets and the ranking boost.
    outbox_enqueue(kind="solution", object_ids=[instance.solution_id])


@receiver([post_save, post_delete], sender=Organization)
def organization_changed(sender, instance, **kwargs):
    if instance.kind != OrganizationKind.OPERATOR:
        outbox_enqueue(kind="organization", object_ids=[instance.pk])
    if instance.kind == OrganizationKind.COMPANY and kwargs.get("signal") is post_save:
        # Company name and startup flag are part of every solution document.
        outbox_enqueue(kind="solution", object_ids=list(instance.solutions.values_list("pk", flat=True)))


@receiver([page_published, page_unpublished])
def page_changed(sender, instance, **kwargs):
    outbox_enqueue(kind="page", object_ids=[instance.pk])


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and sender is Page:
        outbox_enqueue(kind="page", object_ids=[instance.pk])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # A move changes the URL of the page and of everything below it.
    outbox_enqueue(
        kind="page", object_ids=list(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
    )
