"""The operators' side of the Open Lab in the Wagtail admin, under one "오픈랩" menu: the review
of solutions, organizations, memberships, versions, media, references and their outcome KPIs,
the status history, and the taxonomy; plus the dashboard panel of pending approvals.

Only operators (``user_is_operator``) holding the model permission see these views, and only the
actions a policy lists exist: operators approve listings and verify organizations, but content is
written by the members of the owning company through the site.
"""

from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, register_admin_url_finder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import BooleanColumn, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from marketplace.admin_views import (
    REVIEW_ACTIONS,
    SolutionInspectView,
    SolutionReviewActionView,
    SolutionReviewIndexView,
    field_label,
    review_queue_url,
)
from marketplace.models import (
    Domain,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
    OutcomeKPI,
    Programme,
    Reference,
    Solution,
    SolutionMedia,
    SolutionStatus,
    SolutionTransition,
    SolutionType,
    SolutionVersion,
)
from marketplace.permissions import user_is_operator
from marketplace.services.solutions import EDITABLE_FIELDS

OPERATOR_GROUP_NAME = "운영기관"


def _is_operator(user) -> bool:
    # Listings ask once per row; one membership query per request is enough.
    if not hasattr(user, "_marketplace_is_operator"):
        user._marketplace_is_operator = user_is_operator(user)
    return user._marketplace_is_operator


class OperatorPermissionPolicy(ModelPermissionPolicy):
    """Operators holding the model permission may do ``actions`` in the admin; nobody may do
    anything else there (creating and deleting go through the site's services)."""

    def __init__(self, model, *, actions):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action) and _is_operator(user)

    def users_with_any_permission(self, actions):
        allowed = self.actions.intersection(actions)
        if not allowed:
            return get_user_model().objects.none()
        operators = Q(is_superuser=True) | Q(
            memberships__status=MembershipStatus.ACTIVE, memberships__organization__kind=OrganizationKind.OPERATOR
        )
        return super().users_with_any_permission(allowed).filter(operators).distinct()


# Policies must be registered before anything asks for a model's fallback policy.
POLICIES = {
    Solution: OperatorPermissionPolicy(Solution, actions={"view"}),
    Organization: OperatorPermissionPolicy(Organization, actions={"view", "change"}),
    Domain: OperatorPermissionPolicy(Domain, actions={"view"}),
    SolutionType: OperatorPermissionPolicy(SolutionType, actions={"view"}),
    Programme: OperatorPermissionPolicy(Programme, actions={"view", "add", "change"}),
    Membership: OperatorPermissionPolicy(Membership, actions={"view"}),
    SolutionVersion: OperatorPermissionPolicy(SolutionVersion, actions={"view"}),
    SolutionMedia: OperatorPermissionPolicy(SolutionMedia, actions={"view"}),
    Reference: OperatorPermissionPolicy(Reference, actions={"view"}),
    OutcomeKPI: OperatorPermissionPolicy(OutcomeKPI, actions={"view"}),
    SolutionTransition: OperatorPermissionPolicy(SolutionTransition, actions={"view"}),
}
for policy in POLICIES.values():
    register_permission_policy(policy.model, policy)


class OpenLabViewSet(ModelViewSet):
    """A model in the operators' admin: only the views in ``views`` are routed and linked."""

    views = ("index", "index_results", "inspect")
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None

    @cached_property
    def menu_name(self):
        return self.url_prefix

    def get_common_view_kwargs(self, **kwargs):
        unrouted = {
            f"{view}_url_name": None
            for view in ("add", "edit", "delete", "copy", "history", "usage")
            if view not in self.views
        }
        return super().get_common_view_kwargs(**{**unrouted, "url_namespace": self.url_namespace, **kwargs})

    def get_urlpatterns(self):
        pk = f"<{self.pk_path_converter}:pk>"
        routes = {
            "index": "",
            "index_results": "results/",
            "inspect": f"inspect/{pk}/",
            "edit": f"edit/{pk}/",
            "history": f"history/{pk}/",
            "history_results": f"history-results/{pk}/",
            "usage": f"usage/{pk}/",
        }
        return [path(routes[view], getattr(self, f"{view}_view"), name=view) for view in self.views]

    def get_permissions_to_register(self):
        codenames = [get_permission_codename(action, self.model_opts) for action in POLICIES[self.model].actions]
        return super().get_permissions_to_register().filter(codename__in=codenames)

    @property
    def url_finder_class(self):
        if "edit" in self.views:
            return super().url_finder_class
        inspect_url_name = self.get_url_name("inspect")

        class InspectURLFinder(ModelAdminURLFinder):
            def construct_edit_url(self, instance):
                return reverse(inspect_url_name, args=(quote(instance.pk),))

            def get_edit_url(self, instance):
                if self.user and not policy_registry.get(instance).user_has_permission(self.user, "view"):
                    return None
                return self.construct_edit_url(instance)

        return InspectURLFinder

    def register_admin_url_finder(self):
        register_admin_url_finder(self.model, self.url_finder_class)


class SolutionReviewViewSet(OpenLabViewSet):
    model = Solution
    name = "solutions"
    icon = "tasks"
    menu_label = _("솔루션 심사")
    index_view_class = SolutionReviewIndexView
    inspect_view_class = SolutionInspectView
    list_display = [
        "name",
        "company",
        "main_type",
        StatusTagColumn(
            "get_status_display",
            label=field_label(Solution, "status"),
            sort_key="status",
            primary=lambda solution: solution.status == SolutionStatus.SUBMITTED,
        ),
        DateColumn("updated_at", label=field_label(Solution, "updated_at"), sort_key="updated_at"),
    ]
    list_filter = ["status"]
    search_fields = ["name", "company__name"]
    ordering = "-updated_at"
    inspect_view_fields = [
        "company",
        "main_type",
        "types",
        *EDITABLE_FIELDS,
        "status",
        "published_at",
        "updated_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"{action.name}/<{self.pk_path_converter}:pk>/",
                self.construct_view(SolutionReviewActionView, action=action),
                name=action.name,
            )
            for action in REVIEW_ACTIONS
        ]


class OrganizationViewSet(OpenLabViewSet):
    model = Organization
    name = "organizations"
    icon = "group"
    menu_label = _("기관")
    views = ("index", "index_results", "inspect", "edit", "history", "history_results", "usage")
    list_display = [
        "name",
        "kind",
        "province",
        BooleanColumn("is_verified", label=field_label(Organization, "is_verified"), sort_key="is_verified"),
    ]
    list_filter = ["kind", "is_verified"]
    search_fields = ["name", "name_en"]
    ordering = "name"
    form_fields = ["is_verified", "name", "name_en", "description", "description_en", "website", "email", "phone"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, **kwargs)


class DomainViewSet(OpenLabViewSet):
    model = Domain
    name = "domains"
    icon = "folder-open-1"
    menu_label = _("분류체계: 분야")
    list_display = ["name_ko", "code", "name_en"]
    ordering = "sort_order"


class SolutionTypeViewSet(OpenLabViewSet):
    model = SolutionType
    name = "solution_types"
    url_prefix = "solution-types"
    icon = "list-ul"
    menu_label = _("분류체계: 솔루션 유형")
    list_display = ["name_ko", "code", "domain", "name_en"]
    list_filter = ["domain"]
    search_fields = ["code", "name_ko", "name_en"]
    ordering = "code"
    list_per_page = 60


class MembershipViewSet(OpenLabViewSet):
    model = Membership
    name = "memberships"
    icon = "user"
    menu_label = _("기관 구성원")
    list_display = ["user", "organization", "role", StatusTagColumn("get_status_display", label=_("상태"))]
    list_filter = ["status", "role", "organization__kind"]
    search_fields = ["user__email", "user__name", "organization__name"]
    ordering = "-id"
    inspect_view_fields = ["user", "organization", "role", "status", "message"]


class SolutionVersionViewSet(OpenLabViewSet):
    model = SolutionVersion
    name = "solution_versions"
    url_prefix = "solution-versions"
    icon = "history"
    menu_label = _("솔루션 버전")
    list_display = ["solution", "version", DateColumn("released_on", label=field_label(SolutionVersion, "released_on"))]
    list_filter = ["solution__status", "released_on"]
    search_fields = ["solution__name", "solution__company__name", "version"]
    ordering = "-released_on"
    inspect_view_fields = ["solution", "version", "released_on", "changelog", "created_at"]


class SolutionMediaViewSet(OpenLabViewSet):
    model = SolutionMedia
    name = "solution_media"
    url_prefix = "solution-media"
    icon = "image"
    menu_label = _("솔루션 첨부파일")
    list_display = ["__str__", "solution", "kind"]
    list_filter = ["kind"]
    search_fields = ["caption", "solution__name"]
    ordering = "-id"
    inspect_view_fields = ["solution", "kind", "file", "caption", "sort_order", "created_at"]


class ReferenceViewSet(OpenLabViewSet):
    model = Reference
    name = "references"
    icon = "pick"
    menu_label = _("구축 사례(솔루션)")
    list_display = ["solution", "municipality", "year", "programme"]
    list_filter = ["year", "municipality__province", "solution__status"]
    search_fields = ["solution__name", "municipality__name", "programme", "summary"]
    ordering = "-year"
    inspect_view_fields = ["solution", "municipality", "year", "programme", "budget_krw", "summary", "created_at"]


class OutcomeKPIViewSet(OpenLabViewSet):
    model = OutcomeKPI
    name = "outcome_kpis"
    url_prefix = "outcome-kpis"
    icon = "order"
    menu_label = _("성과 지표")
    list_display = ["metric", "reference", "baseline", "result", "unit", "verified_by"]
    list_filter = ["lower_is_better", "reference__year"]
    search_fields = ["metric", "verified_by", "reference__municipality__name", "reference__solution__name"]
    ordering = "-id"
    inspect_view_fields = ["reference", "metric", "baseline", "result", "unit", "lower_is_better", "verified_by"]


class SolutionTransitionViewSet(OpenLabViewSet):
    model = SolutionTransition
    name = "solution_transitions"
    url_prefix = "solution-transitions"
    icon = "list-ul"
    menu_label = _("상태 변경 이력")
    list_display = ["solution", "from_status", "to_status", "actor", DateColumn("created_at", label=_("일시"))]
    list_filter = ["to_status", "from_status"]
    search_fields = ["solution__name", "actor__email", "note"]
    ordering = "-created_at"
    inspect_view_fields = ["solution", "from_status", "to_status", "actor", "note", "created_at"]


class PendingReviewMenuItem(MenuItem):
    """Links to the submissions waiting for a decision and says how many there are."""

    def is_shown(self, request):
        return POLICIES[Solution].user_has_permission(request.user, "view")

    def render_component(self, request):
        count = Solution.objects.filter(status=SolutionStatus.SUBMITTED).count()
        return LinkMenuItem(self.name, f"{self.label} ({count})", self.url, icon_name=self.icon_name, attrs=self.attrs)


class OpenLabViewSetGroup(ViewSetGroup):
    menu_label = _("오픈랩")
    menu_name = "openlab"
    menu_icon = "site"
    menu_order = 150
    items = (
        SolutionReviewViewSet,
        OrganizationViewSet,
        MembershipViewSet,
        SolutionVersionViewSet,
        SolutionMediaViewSet,
        ReferenceViewSet,
        OutcomeKPIViewSet,
        SolutionTransitionViewSet,
        DomainViewSet,
        SolutionTypeViewSet,
    )

    def get_submenu_items(self):
        review = self.registerables[0]
        pending = PendingReviewMenuItem(
            _("심사 대기"), review_queue_url(review.url_namespace), name="pending-review", icon_name="time", order=0
        )
        return [pending, *super().get_submenu_items()]


@hooks.register("register_admin_viewset")
def register_openlab_admin():
    return OpenLabViewSetGroup()


class PendingApprovalsPanel(Component):
    """Dashboard panel: submissions waiting for a decision and organizations not yet verified."""

    name = "openlab_pending_approvals"
    order = 50
    template_name = "marketplace/admin/pending_approvals_panel.html"
    LIMIT = 5

    def __init__(self, review_namespace: str, organizations_namespace: str):
        self.review_namespace = review_namespace
        self.organizations_namespace = organizations_namespace

    def get_context_data(self, parent_context):
        submitted = Solution.objects.filter(status=SolutionStatus.SUBMITTED).select_related("company")
        unverified = Organization.objects.filter(is_verified=False).exclude(kind=OrganizationKind.OPERATOR)
        return {
            "submitted": list(submitted.order_by("updated_at")[: self.LIMIT]),
            "submitted_count": submitted.count(),
            "unverified": list(unverified.order_by("-id")[: self.LIMIT]),
            "unverified_count": unverified.count(),
            "queue_url": review_queue_url(self.review_namespace),
            "approve_url_name": f"{self.review_namespace}:approve",
            "inspect_url_name": f"{self.review_namespace}:inspect",
            "organization_url_name": f"{self.organizations_namespace}:edit",
            "organizations_url": reverse(f"{self.organizations_namespace}:index") + "?is_verified=false",
        }


@hooks.register("construct_homepage_panels")
def add_pending_approvals_panel(request, panels):
    if POLICIES[Solution].user_has_permission(request.user, "view"):
        panels.append(PendingApprovalsPanel("solutions", "organizations"))


OPERATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    *(
        (model._meta.app_label, get_permission_codename(action, model._meta))
        for model, policy in POLICIES.items()
        for action in sorted(policy.actions)
    ),
)


@transaction.atomic
def ensure_operator_group() -> Group:
    """The "운영기관" group: admin access plus what the operator policies above allow.

    Safe to run again; an operator user needs this group *and* an active membership in an
    operator organization (or to be a superuser).
    """
    group, _created = Group.objects.get_or_create(name=OPERATOR_GROUP_NAME)
    query = Q()
    for app_label, codename in OPERATOR_PERMISSIONS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query).select_related("content_type"))
    missing = set(OPERATOR_PERMISSIONS) - {(p.content_type.app_label, p.codename) for p in permissions}
    if missing:
        raise LookupError(f"Permissions {sorted(missing)} do not exist yet; run `manage.py migrate` first.")
    group.permissions.add(*permissions)
    return group


class ProgrammeViewSet(ModelViewSet):
    """Support programmes (지원사업) and their eligibility rules, which the matching engine reads.
    The editorial programme page lives in the CMS; this is the rule sheet behind it."""

    model = Programme
    icon = "clipboard-list"
    menu_label = _("지원사업 요건")
    url_prefix = "programmes"
    add_to_admin_menu = True
    menu_order = 151
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "max_population", "application_deadline", BooleanColumn("is_active")]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en"]
    form_fields = [
        "name",
        "name_en",
        "slug",
        "summary",
        "max_population",
        "city_types",
        "requires_open_source",
        "requires_data_hub_linkage",
        "requires_data_hub_certification",
        "min_climate_inclusion_share",
        "application_deadline",
        "is_active",
    ]


@hooks.register("register_admin_viewset")
def register_programme_admin():
    return ProgrammeViewSet("programmes")
