"""Which subscriptions an entity change triggers; matched deliveries are queued after commit."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .. import ldcontext, query
from ..errors import NgsiLdError
from ..models import Entity, NotificationDelivery, Subscription, SubscriptionStatus


def _watches(sub: Subscription, ctx, entity: Entity, changed: list[str]) -> bool:
    doc = sub.document
    selectors = doc.get("entities") or []
    if selectors:
        ok = False
        for selector in selectors:
            if selector.get("type") and ctx.expand(selector["type"]) != entity.type:
                continue
            if selector.get("id") and selector["id"] != entity.entity_id:
                continue
            pattern = selector.get("idPattern")
            if pattern:
                try:
                    if not re.fullmatch(pattern, entity.entity_id):
                        continue
                except re.error:
                    continue
            ok = True
            break
        if not ok:
            return False
    watched = doc.get("watchedAttributes")
    if watched and not ({ctx.expand(w) for w in watched} & set(changed)):
        return False
    if doc.get("q"):
        try:
            if not query.matches(query.parse_q(doc["q"]), entity.data, ctx, entity.entity_id):
                return False
        except NgsiLdError:
            return False
    geo = doc.get("geoQ")
    if geo:
        try:
            coords = geo.get("coordinates")
            geo_query = query.parse_geoquery(
                geo.get("georel"),
                geo.get("geometry"),
                coords if isinstance(coords, str) else json.dumps(coords),
                geo.get("geoproperty"),
            )
        except NgsiLdError:
            return False
        if geo_query and not query.geo_matches(geo_query, entity.data, ctx):
            return False
    return True


def entity_changed(entity: Entity, changed: list[str], *, created: bool = False, deleted: bool = False) -> int:
    """Queue a notification for every active subscription of the tenant that this change triggers."""
    from .notify import build_notification
    from .tasks import deliver_notification

    now = timezone.now()
    subscriptions = Subscription.objects.filter(
        tenant=entity.tenant, is_active=True, status__in=[SubscriptionStatus.ACTIVE, SubscriptionStatus.FAILED]
    )
    queued = 0
    for sub in subscriptions:
        if sub.expires_at and sub.expires_at <= now:
            Subscription.objects.filter(pk=sub.pk).update(status=SubscriptionStatus.EXPIRED)
            continue
        if deleted:
            continue
        ctx = ldcontext.resolve(sub.context)
        if not _watches(sub, ctx, entity, changed):
            continue
        if sub.throttling and sub.last_notification and sub.last_notification > now - timedelta(seconds=sub.throttling):
            continue
        delivery = NotificationDelivery.objects.create(
            subscription=sub,
            notification_id=f"urn:ngsi-ld:Notification:{sub.pk}-{now.timestamp():.6f}-{queued}",
            payload=build_notification(sub, ctx, [entity], now),
        )
        Subscription.objects.filter(pk=sub.pk).update(last_notification=now)
        sub.last_notification = now
        transaction.on_commit(lambda pk=delivery.pk: deliver_notification.delay(pk), robust=True)
        queued += 1
    return queued
