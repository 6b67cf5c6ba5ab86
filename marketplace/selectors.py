"""Reads. Every list is built with a fixed number of queries, whatever its length."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import (
    Domain,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    OutcomeKPI,
    Reference,
    Solution,
    SolutionMedia,
    SolutionStatus,
    SolutionType,
)
from .permissions import user_is_operator, user_organization_ids


def solution_visible_to(user) -> QuerySet[Solution]:
    """Anonymous users and other organizations see published solutions; a company also sees its
    own drafts and submissions; operators see everything."""
    qs = Solution.objects.all()
    if user_is_operator(user):
        return qs
    own = user_organization_ids(user, kind=OrganizationKind.COMPANY)
    return qs.filter(Q(status=SolutionStatus.PUBLISHED) | Q(company_id__in=own))


def _with_card_data(qs: QuerySet[Solution]) -> QuerySet[Solution]:
    """Everything a catalogue card shows, in a constant number of queries."""
    return (
        qs.select_related("company", "main_type__domain")
        .prefetch_related(
            Prefetch("types", queryset=SolutionType.objects.select_related("domain")),
            Prefetch(
                "media",
                queryset=SolutionMedia.objects.filter(kind=SolutionMedia.Kind.IMAGE),
                to_attr="images",
            ),
        )
        .annotate(
            reference_count=Count("references", distinct=True),
            has_reference=Exists(Reference.objects.filter(solution=OuterRef("pk"))),
        )
    )


def solution_list(*, user=None, published_only: bool = True) -> QuerySet[Solution]:
    qs = Solution.objects.filter(status=SolutionStatus.PUBLISHED) if published_only else solution_visible_to(user)
    return _with_card_data(qs).order_by("-published_at", "-id")


def solution_detail_queryset(*, user=None) -> QuerySet[Solution]:
    return _with_card_data(solution_visible_to(user)).prefetch_related(
        "versions",
        "media",
        Prefetch(
            "references",
            queryset=Reference.objects.select_related("municipality").prefetch_related(
                Prefetch("kpis", queryset=OutcomeKPI.objects.order_by("id"))
            ),
        ),
        "transitions__actor",
    )


def solution_latest_published(*, limit: int = 6) -> list[Solution]:
    return list(solution_list()[:limit])


def domain_list_with_counts() -> QuerySet[Domain]:
    published = Q(types__solutions__status=SolutionStatus.PUBLISHED)
    return (
        Domain.objects.annotate(
            solution_count=Count("types__solutions", filter=published, distinct=True),
            type_count=Count("types", distinct=True),
        )
        .prefetch_related("types")
        .order_by("sort_order", "code")
    )


def catalogue_stats() -> dict[str, int]:
    published = Solution.objects.filter(status=SolutionStatus.PUBLISHED)
    return {
        "solutions": published.count(),
        "companies": published.values("company").distinct().count(),
        "municipalities": Reference.objects.filter(solution__status=SolutionStatus.PUBLISHED)
        .values("municipality")
        .distinct()
        .count(),
        "references": Reference.objects.filter(solution__status=SolutionStatus.PUBLISHED).count(),
    }


def organization_list(*, kind: str | None = None) -> QuerySet[Organization]:
    qs = Organization.objects.exclude(kind=OrganizationKind.OPERATOR)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.annotate(
        published_solution_count=Count(
            "solutions", filter=Q(solutions__status=SolutionStatus.PUBLISHED), distinct=True
        ),
        reference_count=Count(
            "references", filter=Q(references__solution__status=SolutionStatus.PUBLISHED), distinct=True
        ),
    ).order_by("kind", "name")


def company_solutions(*, company: Organization) -> QuerySet[Solution]:
    """A company profile shows its published solutions; drafts live on the company dashboard."""
    return solution_list().filter(company=company)


def municipality_references(*, municipality: Organization) -> QuerySet[Reference]:
    return (
        Reference.objects.filter(municipality=municipality, solution__status=SolutionStatus.PUBLISHED)
        .select_related("solution__company", "solution__main_type__domain")
        .prefetch_related("kpis")
        .order_by("-year", "id")
    )


def user_memberships(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")


def pending_memberships_for_admin(user) -> QuerySet[Membership]:
    admin_of = user_organization_ids(user, role=MembershipRole.ADMIN)
    return (
        Membership.objects.filter(organization_id__in=admin_of, status=MembershipStatus.PENDING)
        .select_related("user", "organization")
        .order_by("created_at")
    )


def dashboard_solutions(user) -> QuerySet[Solution]:
    companies = user_organization_ids(user, kind=OrganizationKind.COMPANY)
    return (
        Solution.objects.filter(company_id__in=companies)
        .select_related("company", "main_type__domain")
        .prefetch_related(Prefetch("transitions", to_attr="history"))
        .order_by("company__name", "-updated_at")
    )
