"""Context source registrations: /csourceRegistrations and /csourceRegistrations/{id} (ETSI GS CIM 009 §5.9).

Creating, changing and deleting registrations writes to the tenant (the organization's own tenant, like entity
writes); listing and reading need a key that may read the tenant. ``GET /csourceRegistrations?type=T`` keeps the
registrations that provide entities of type T.
"""

from __future__ import annotations

from django.views.decorators.http import require_http_methods

from .. import ngsi
from ..models import ContextSourceRegistration
from ..services import registrations as services
from . import params
from .http import JSON_LD, ApiRequest, empty, ld_response, ngsi_view, plain_json
from .subscriptions import _context_value


def render(registration: ContextSourceRegistration) -> dict:
    body = dict(registration.document)
    body["id"] = registration.registration_id
    body["type"] = services.TYPE
    body["createdAt"] = ngsi.format_time(registration.created_at)
    body["modifiedAt"] = ngsi.format_time(registration.modified_at)
    return body


def _answer(api: ApiRequest, data, **kwargs):
    if api.accept == JSON_LD:
        return ld_response(api, data, **kwargs)
    return plain_json(data, **kwargs)


@require_http_methods(["GET", "POST"])
@ngsi_view()
def csource_registrations(request, api: ApiRequest):
    if request.method == "POST":
        registration = services.csource_registration_create(
            tenant=api.tenant, key=api.key, document=api.body, context=_context_value(api, request)
        )
        return empty(201, {"Location": api.url("csourceRegistrations", registration.registration_id)})
    found = services.csource_registrations_visible(tenant=api.tenant, key=api.key, entity_type=api.query.get("type"))
    limit = params.integer(api.query, "limit", params.DEFAULT_LIMIT)
    offset = params.integer(api.query, "offset", 0)
    response = _answer(api, [render(r) for r in found[offset : offset + limit]] if limit else [])
    if params.count_requested(api.query):
        response["NGSILD-Results-Count"] = str(len(found))
    return response


@require_http_methods(["GET", "PATCH", "DELETE"])
@ngsi_view()
def csource_registration(request, api: ApiRequest, registration_id: str):
    kwargs = {"tenant": api.tenant, "key": api.key, "registration_id": registration_id}
    if request.method == "DELETE":
        services.csource_registration_delete(**kwargs)
        return empty()
    if request.method == "PATCH":
        services.csource_registration_update(**kwargs, patch=api.body, context=_context_value(api, request))
        return empty()
    return _answer(api, render(services.csource_registration_get(**kwargs)))
