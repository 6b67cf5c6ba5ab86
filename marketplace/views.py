"""Public catalogue pages and the company dashboard. Views translate HTTP to selectors and
services and back; they hold no business rules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from search.catalogue import in_rank_order, solution_search

from . import selectors, services
from .exceptions import ConflictError
from .filters import SolutionFilter
from .forms import (
    MediaUploadForm,
    OutcomeKPIFormSet,
    ReferenceForm,
    SolutionForm,
    TransitionNoteForm,
    VersionForm,
    apply_service_errors,
)
from .models import Organization, OrganizationKind, PriceBand, Province, Solution
from .permissions import user_can_edit_solution, user_companies

CATALOGUE_PAGE_SIZE = 12
ORGANIZATIONS_PAGE_SIZE = 24


def _querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def solution_list(request):
    """The catalogue: browse newest first with filters, or search (ranked by the search engine,
    with highlights, "did you mean" and facet counts) when there is a search text."""
    filterset = SolutionFilter(request.GET or None, queryset=selectors.solution_list())
    status_code, results = 200, None
    if filterset.is_bound and not filterset.is_valid():
        status_code = 400
        page_obj = Paginator([], CATALOGUE_PAGE_SIZE).get_page(1)
        solutions = []
    else:
        cleaned = filterset.form.cleaned_data if filterset.is_bound else {}
        text = (cleaned.get("search") or "").strip()
        if text:
            results = solution_search(
                text=text, cleaned=cleaned, page=_page_number(request), page_size=CATALOGUE_PAGE_SIZE
            )
            if results.total and not results.hits:  # past the last page: show the last one
                results = solution_search(
                    text=text, cleaned=cleaned, page=results.num_pages, page_size=CATALOGUE_PAGE_SIZE
                )
            page_obj = Paginator(range(results.total), CATALOGUE_PAGE_SIZE).get_page(results.page)
            solutions = in_rank_order(selectors.solution_list(), results)
        else:
            page_obj = Paginator(filterset.qs, CATALOGUE_PAGE_SIZE).get_page(request.GET.get("page"))
            solutions = page_obj.object_list
            results = solution_search(text="", cleaned=cleaned, page_size=1)
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "solutions": solutions,
        "search_results": results,
        "facet_counts": {name: dict(values) for name, values in (results.facets if results else {}).items()},
        "domains": selectors.domain_list_with_counts(),
        "price_bands": PriceBand.choices,
        "provinces": Province.choices,
        "querystring": _querystring_without_page(request),
        "breadcrumbs": [(_("솔루션 카탈로그"), None)],
    }
    return render(request, "marketplace/solution_list.html", context, status=status_code)


def solution_detail(request, slug):
    solution = get_object_or_404(selectors.solution_detail_queryset(user=request.user), slug=slug)
    can_edit = user_can_edit_solution(request.user, solution)
    context = {
        "solution": solution,
        "can_edit": can_edit,
        "references": solution.references.all(),
        "breadcrumbs": [
            (_("솔루션 카탈로그"), reverse("marketplace:solution_list")),
            (solution.name, None),
        ],
    }
    return render(request, "marketplace/solution_detail.html", context)


def organization_list(request):
    kind = request.GET.get("kind") or ""
    if kind and kind not in (OrganizationKind.COMPANY, OrganizationKind.MUNICIPALITY, OrganizationKind.INSTITUTE):
        messages.error(request, _("알 수 없는 기관 유형입니다. 전체 목록을 보여 드립니다."))
        kind = ""
    page_obj = Paginator(selectors.organization_list(kind=kind or None), ORGANIZATIONS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page_obj": page_obj,
        "organizations": page_obj.object_list,
        "kind": kind,
        "kinds": [(k, label) for k, label in OrganizationKind.choices if k != OrganizationKind.OPERATOR],
        "querystring": _querystring_without_page(request),
        "breadcrumbs": [(_("기관"), None)],
    }
    return render(request, "marketplace/organization_list.html", context)


def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.exclude(kind=OrganizationKind.OPERATOR), slug=slug)
    context = {
        "organization": organization,
        "breadcrumbs": [(_("기관"), reverse("marketplace:organization_list")), (organization.name, None)],
    }
    if organization.is_company:
        context["solutions"] = selectors.company_solutions(company=organization)
        template = "marketplace/company_detail.html"
    elif organization.is_municipality:
        context["references"] = selectors.municipality_references(municipality=organization)
        template = "marketplace/municipality_detail.html"
    else:
        template = "marketplace/organization_detail.html"
    return render(request, template, context)


@login_required
def dashboard(request):
    context = {
        "memberships": selectors.user_memberships(request.user),
        "solutions": selectors.dashboard_solutions(request.user),
        "pending_requests": selectors.pending_memberships_for_admin(request.user),
        "companies": user_companies(request.user),
        "breadcrumbs": [(_("내 대시보드"), None)],
    }
    return render(request, "marketplace/dashboard.html", context)


def _editable_solution(request, slug) -> Solution:
    solution = get_object_or_404(Solution.objects.select_related("company"), slug=slug)
    if not user_can_edit_solution(request.user, solution):
        raise PermissionDenied(_("이 솔루션을 등록한 기업의 구성원만 수정할 수 있습니다."))
    return solution


@login_required
def solution_create(request):
    companies = list(user_companies(request.user))
    if not companies:
        messages.error(request, _("솔루션을 등록하려면 먼저 기업을 등록하거나 기업에 가입하세요."))
        return redirect("portal:onboarding")
    company = companies[0]
    if len(companies) > 1 and request.GET.get("company"):
        company = next((c for c in companies if c.slug == request.GET["company"]), company)
    form = SolutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            solution = services.solution_create(actor=request.user, company=company, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("솔루션을 임시 저장했습니다. 내용을 확인한 뒤 심사를 요청하세요."))
            return redirect("marketplace:solution_edit", slug=solution.slug)
    context = {
        "form": form,
        "company": company,
        "breadcrumbs": [(_("내 대시보드"), reverse("marketplace:dashboard")), (_("솔루션 등록"), None)],
    }
    return render(request, "marketplace/solution_form.html", context, status=400 if form.errors else 200)


@login_required
def solution_edit(request, slug):
    solution = _editable_solution(request, slug)
    form = SolutionForm(request.POST or None, initial=SolutionForm.initial_from(solution))
    if request.method == "POST" and form.is_valid():
        try:
            services.solution_update(actor=request.user, solution=solution, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        except ConflictError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("저장했습니다."))
            return redirect("marketplace:solution_edit", slug=solution.slug)
    context = {
        "form": form,
        "solution": solution,
        "company": solution.company,
        "media_form": MediaUploadForm(),
        "version_form": VersionForm(),
        "reference_form": ReferenceForm(prefix="ref"),
        "kpi_formset": OutcomeKPIFormSet(prefix="kpi"),
        "submit_form": TransitionNoteForm(),
        "breadcrumbs": [(_("내 대시보드"), reverse("marketplace:dashboard")), (solution.name, None)],
    }
    return render(request, "marketplace/solution_form.html", context, status=400 if form.errors else 200)


def _flash_errors(request, form) -> None:
    forms = getattr(form, "forms", [form])
    for each in forms:
        for errors in each.errors.values():
            for message in errors:
                messages.error(request, message)
    for message in getattr(form, "non_form_errors", list)():
        messages.error(request, message)


def _post_action(request, slug, action, success_message, *, forms=()):
    """Run one edit-page action (its own small form) and come back to the edit page with a message."""
    solution = _editable_solution(request, slug)
    invalid = [form for form in forms if not form.is_valid()]
    for form in invalid:
        _flash_errors(request, form)
    if not invalid:
        try:
            action(solution)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        except ConflictError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, success_message)
    return redirect("marketplace:solution_edit", slug=solution.slug)


@login_required
@require_POST
def solution_submit(request, slug):
    form = TransitionNoteForm(request.POST)
    return _post_action(
        request,
        slug,
        lambda s: services.solution_submit(actor=request.user, solution=s, **form.cleaned_data),
        _("심사를 요청했습니다. 운영기관이 검토한 뒤 게시합니다."),
        forms=[form],
    )


@login_required
@require_POST
def solution_media_add(request, slug):
    form = MediaUploadForm(request.POST, request.FILES)
    return _post_action(
        request,
        slug,
        lambda s: services.solution_media_add(actor=request.user, solution=s, **form.cleaned_data),
        _("파일을 올렸습니다."),
        forms=[form],
    )


@login_required
@require_POST
def solution_version_add(request, slug):
    form = VersionForm(request.POST)
    return _post_action(
        request,
        slug,
        lambda s: services.solution_version_add(actor=request.user, solution=s, **form.cleaned_data),
        _("버전을 등록했습니다."),
        forms=[form],
    )


@login_required
@require_POST
def solution_reference_add(request, slug):
    form = ReferenceForm(request.POST, prefix="ref")
    kpis = OutcomeKPIFormSet(request.POST, prefix="kpi")
    return _post_action(
        request,
        slug,
        lambda s: services.reference_create(
            actor=request.user, solution=s, kpis=[row for row in kpis.cleaned_data if row], **form.cleaned_data
        ),
        _("구축 사례를 등록했습니다."),
        forms=[form, kpis],
    )


@login_required
@require_POST
def solution_delete(request, slug):
    solution = _editable_solution(request, slug)
    try:
        services.solution_delete(actor=request.user, solution=solution)
    except ConflictError as exc:
        messages.error(request, exc.message)
        return redirect("marketplace:solution_edit", slug=solution.slug)
    messages.success(request, _("솔루션을 삭제했습니다."))
    return redirect("marketplace:dashboard")
