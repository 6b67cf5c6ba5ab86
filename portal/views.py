"""Site-level views: health check, onboarding (create or join an organization), membership
decisions by organization admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from marketplace import selectors, services
from marketplace.exceptions import ConflictError
from marketplace.forms import JoinForm, OrganizationForm, apply_service_errors
from marketplace.models import Membership


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": str(exc.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def onboarding(request):
    """After sign-up: register a new organization (you become its admin) or ask to join one."""
    create_form = OrganizationForm(request.POST if request.POST.get("action") == "create" else None, prefix="org")
    join_form = JoinForm(request.POST if request.POST.get("action") == "join" else None, prefix="join")
    if request.method == "POST" and create_form.is_bound and create_form.is_valid():
        try:
            organization = services.organization_create(actor=request.user, **create_form.service_kwargs())
        except ValidationError as exc:
            apply_service_errors(create_form, exc)
        except PermissionDenied as exc:
            create_form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("%(name)s을(를) 등록했습니다. 이제 기관 관리자입니다.") % {"name": organization.name}
            )
            return redirect("marketplace:dashboard")
    if request.method == "POST" and join_form.is_bound and join_form.is_valid():
        try:
            services.membership_request(
                user=request.user,
                organization=join_form.cleaned_data["organization"],
                message=join_form.cleaned_data["message"],
            )
        except ConflictError as exc:
            join_form.add_error(None, exc.message)
        else:
            messages.success(request, _("가입을 신청했습니다. 기관 관리자가 승인하면 알려 드립니다."))
            return redirect("marketplace:dashboard")
    bad = (create_form.is_bound and create_form.errors) or (join_form.is_bound and join_form.errors)
    context = {
        "create_form": create_form,
        "join_form": join_form,
        "memberships": selectors.user_memberships(request.user),
        "breadcrumbs": [(_("기관 등록·가입"), None)],
    }
    return render(request, "portal/onboarding.html", context, status=400 if bad else 200)


@login_required
@require_POST
def membership_decide(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("organization", "user"), pk=pk)
    decide = services.membership_approve if request.POST.get("decision") == "approve" else services.membership_decline
    try:
        decide(actor=request.user, membership=membership)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except ConflictError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(user)s 님의 가입 신청을 '%(status)s' 처리했습니다.")
            % {"user": membership.user.email, "status": membership.get_status_display()},
        )
    return redirect("marketplace:dashboard")
