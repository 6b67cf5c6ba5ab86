"""Who may do what. Services call these before writing; selectors use them to scope reads."""

from django.db.models import QuerySet

from .models import Membership, MembershipRole, MembershipStatus, Organization, OrganizationKind, Solution


def _active_memberships(user) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE)


def user_organization_ids(user, *, kind: str | None = None, role: str | None = None) -> set[int]:
    memberships = _active_memberships(user)
    if kind:
        memberships = memberships.filter(organization__kind=kind)
    if role:
        memberships = memberships.filter(role=role)
    return set(memberships.values_list("organization_id", flat=True))


def user_is_operator(user) -> bool:
    """Operator staff (운영기관) approve listings; a superuser counts as one."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(user_organization_ids(user, kind=OrganizationKind.OPERATOR))


def user_is_member(user, organization: Organization) -> bool:
    return organization.pk in user_organization_ids(user)


def user_is_org_admin(user, organization: Organization) -> bool:
    return organization.pk in user_organization_ids(user, role=MembershipRole.ADMIN)


def user_can_edit_solution(user, solution: Solution) -> bool:
    """Only members of the owning company edit its solutions (operators approve, not edit)."""
    return user_is_member(user, solution.company)


def user_companies(user) -> QuerySet[Organization]:
    return Organization.objects.filter(pk__in=user_organization_ids(user, kind=OrganizationKind.COMPANY)).order_by(
        "name"
    )
