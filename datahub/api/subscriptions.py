"""Subscriptions: /subscriptions and /subscriptions/{id} (ETSI GS CIM 009 §5.8).

Subscriptions only read data, so a key with the ``read-sandbox`` scope may subscribe to the shared sandbox
tenant. Each subscription shows its notification status (``timesSent``, ``timesFailed``, ``lastSuccess``,
``lastFailure``, ``lastFailureReason`` and ``status`` ok/failed) and ``GET /subscriptions/{id}/deliveries``
lists its last 50 deliveries (the delivery log).
"""

from __future__ import annotations

from django.views.decorators.http import require_GET, require_http_methods

from .. import ngsi
from ..models import Subscription, SubscriptionStatus
from ..services import subscriptions as services
from . import params
from .http import JSON_LD, ApiRequest, empty, ld_response, ngsi_view, plain_json


def _context_value(api: ApiRequest, request):
    if api.body is not None and isinstance(api.body, dict) and "@context" in api.body:
        return api.body["@context"]
    from .http import _link_context

    return _link_context(request)


def _time(value):
    return ngsi.format_time(value) if value else None


def render(sub: Subscription) -> dict:
    body = dict(sub.document)
    body["id"] = sub.subscription_id
    body["type"] = "Subscription"
    body["isActive"] = sub.is_active
    body["status"] = "active" if sub.status == SubscriptionStatus.FAILED else sub.status
    notification = dict(body.get("notification") or {})
    notification["status"] = "failed" if sub.status == SubscriptionStatus.FAILED else "ok"
    notification["timesSent"] = sub.times_sent
    notification["timesFailed"] = sub.times_failed
    for key, value in (
        ("lastNotification", sub.last_notification),
        ("lastSuccess", sub.last_success),
        ("lastFailure", sub.last_failure),
    ):
        if value:
            notification[key] = _time(value)
    if sub.status == SubscriptionStatus.FAILED and sub.last_failure_reason:
        notification["lastFailureReason"] = sub.last_failure_reason
    body["notification"] = notification
    if sub.expires_at:
        body["expiresAt"] = _time(sub.expires_at)
    return body


def _answer(api: ApiRequest, data, **kwargs):
    # A subscription keeps the short names it was written with; answer with the context it was created with.
    if api.accept == JSON_LD:
        return ld_response(api, data, **kwargs)
    return plain_json(data, **kwargs)


@require_http_methods(["GET", "POST"])
@ngsi_view(write_methods=())
def subscriptions(request, api: ApiRequest):
    if request.method == "POST":
        sub = services.subscription_create(
            tenant=api.tenant, key=api.key, document=api.body, context=_context_value(api, request)
        )
        return empty(201, {"Location": api.url("subscriptions", sub.subscription_id)})
    qs = services.subscriptions_visible(tenant=api.tenant, key=api.key)
    limit = params.integer(api.query, "limit", params.DEFAULT_LIMIT)
    offset = params.integer(api.query, "offset", 0)
    page = [render(s) for s in qs[offset : offset + limit]] if limit else []
    response = _answer(api, page)
    if params.count_requested(api.query):
        response["NGSILD-Results-Count"] = str(qs.count())
    return response


@require_http_methods(["GET", "PATCH", "DELETE"])
@ngsi_view(write_methods=())
def subscription(request, api: ApiRequest, subscription_id: str):
    kwargs = {"tenant": api.tenant, "key": api.key, "subscription_id": subscription_id}
    if request.method == "DELETE":
        services.subscription_delete(**kwargs)
        return empty()
    if request.method == "PATCH":
        context = _context_value(api, request)
        services.subscription_update(**kwargs, patch=api.body, context=context)
        return empty()
    return _answer(api, render(services.subscription_get(**kwargs)))


@require_GET
@ngsi_view(write_methods=())
def subscription_deliveries(request, api: ApiRequest, subscription_id: str):
    sub = services.subscription_get(tenant=api.tenant, key=api.key, subscription_id=subscription_id)
    return plain_json(
        [
            {
                "notificationId": d.notification_id,
                "status": d.status,
                "attempts": d.attempts,
                "responseStatus": d.response_status,
                "error": d.error,
                "createdAt": _time(d.created_at),
                "deliveredAt": _time(d.delivered_at),
            }
            for d in sub.deliveries.all()[:50]
        ]
    )
