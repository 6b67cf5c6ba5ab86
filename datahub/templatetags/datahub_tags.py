"""Template tags of the data hub for other apps' pages."""

from django import template

from marketplace.permissions import user_organization_ids

from ..models import ApiKey

register = template.Library()


@register.inclusion_tag("datahub/includes/api_key_usage.html")
def api_key_usage(user):
    """The signed-in member's organizations' API keys with their usage counters (for the dashboard)."""
    keys = list(
        ApiKey.objects.filter(organization_id__in=user_organization_ids(user), revoked_at__isnull=True)
        .select_related("organization")
        .order_by("-request_count", "name")[:10]
    )
    return {"api_keys": keys, "total": sum(k.request_count for k in keys)}
