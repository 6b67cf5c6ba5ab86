"""Dashboard panels for needs and matching, so the dashboard view itself stays as it is."""

from django import template

from marketplace import need_selectors
from marketplace.models import Organization, OrganizationKind
from marketplace.permissions import user_is_operator, user_organization_ids

register = template.Library()


@register.inclusion_tag("marketplace/includes/dashboard_matching.html", takes_context=True)
def dashboard_matching(context):
    """A municipality's diffusion recommendations and needs; a company's matching needs; the inbox count."""
    user = context["request"].user
    municipalities = Organization.objects.filter(
        pk__in=user_organization_ids(user, kind=OrganizationKind.MUNICIPALITY)
    ).order_by("name")
    company_ids = user_organization_ids(user, kind=OrganizationKind.COMPANY)
    return {
        "request": context["request"],
        "diffusion": [(m, need_selectors.diffusion_recommendations(municipality=m, limit=5)) for m in municipalities],
        "my_needs": list(need_selectors.need_list(user=user, mine=True)[:10]) if municipalities else [],
        "my_need_count": need_selectors.need_list(user=user, mine=True).count() if municipalities else 0,
        "matching": need_selectors.matching_needs(user=user, company_ids=company_ids, limit=5) if company_ids else [],
        "is_company": bool(company_ids),
        "is_operator": user_is_operator(user),
        "unread": need_selectors.unread_count(user),
    }
