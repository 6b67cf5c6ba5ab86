"""Pages of the data hub: the "Sandbox > API keys" page."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.forms import apply_service_errors
from marketplace.models import Organization
from marketplace.permissions import user_organization_ids

from . import services
from .forms import ApiKeyForm
from .models import ApiKey
from .services.keys import organization_tenant_name, usage_last_days


@login_required
def keys(request):
    organizations = Organization.objects.filter(pk__in=user_organization_ids(request.user)).order_by("name")
    form = ApiKeyForm(request.POST or None, organizations=organizations)
    created = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        expires = data["expires_at"]
        try:
            key, raw = services.api_key_create(
                actor=request.user,
                organization=data["organization"],
                name=data["name"],
                scopes=data["scopes"],
                expires_at=timezone.make_aware(datetime.combine(expires, time.max)) if expires else None,
                rate_limit_per_minute=data["rate_limit_per_minute"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            created = {"key": key, "secret": raw}
            form = ApiKeyForm(organizations=organizations)
    api_keys = list(ApiKey.objects.filter(organization__in=organizations).select_related("organization"))
    for key in api_keys:
        key.usage = usage_last_days(key)
    context = {
        "form": form,
        "created": created,
        "api_keys": api_keys,
        "organizations": organizations,
        "tenants": [(org, organization_tenant_name(org)) for org in organizations],
        "api_root": request.build_absolute_uri("/ngsi-ld/v1/"),
        "breadcrumbs": [(_("샌드박스"), None), (_("API 키"), None)],
    }
    return render(request, "datahub/api_keys.html", context)


@login_required
@require_POST
def key_revoke(request, pk: int):
    key = get_object_or_404(ApiKey.objects.select_related("organization"), pk=pk)
    services.api_key_revoke(actor=request.user, key=key)
    messages.success(
        request, _("API 키 '%(name)s'을(를) 폐기했습니다. 이 키로 보낸 요청은 이제 거부됩니다.") % {"name": key.name}
    )
    return redirect("datahub:keys")
