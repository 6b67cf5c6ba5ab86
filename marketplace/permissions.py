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


# -- needs and proposals (수요·제안) -------------------------------------------------------------------


def user_can_manage_need(user, need) -> bool:
    """Members of the municipality that posted a need run its procurement; nobody else does."""
    return user_is_member(user, need.municipality)


def need_visibility_q(user):
    """Which needs ``user`` may see: published public needs for everyone; invited-only needs for the
    invited companies; drafts only for their own municipality. Operators see every non-draft need."""
    from django.db.models import Q

    from .models import NeedStatus, NeedVisibility

    public = Q(visibility=NeedVisibility.PUBLIC) & ~Q(status=NeedStatus.DRAFT)
    if not getattr(user, "is_authenticated", False):
        return public
    org_ids = user_organization_ids(user)
    own = Q(municipality_id__in=org_ids)
    invited = ~Q(status=NeedStatus.DRAFT) & Q(invitations__company_id__in=org_ids)
    if user_is_operator(user):
        return own | ~Q(status=NeedStatus.DRAFT)
    return public | own | invited


def user_can_see_need(user, need) -> bool:
    from .models import Need

    return Need.objects.filter(need_visibility_q(user), pk=need.pk).exists()


def user_can_see_proposal(user, proposal) -> bool:
    """Only the need's municipality and the proposing company see a proposal."""
    org_ids = user_organization_ids(user)
    return proposal.company_id in org_ids or proposal.need.municipality_id in org_ids
