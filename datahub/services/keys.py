"""API keys of the NGSI-LD API: creation (secret shown once, SHA-256 kept), revocation, authentication,
per-key rate limit and usage counting."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import Organization
from marketplace.permissions import user_is_member

from ..errors import RateLimited, Unauthorized
from ..models import ApiKey, ApiKeyDailyUsage, ApiKeyScope, Tenant

KEY_PREFIX = "olk_"
DEFAULT_RATE_LIMIT = 600
MAX_KEYS_PER_ORGANIZATION = 20


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def organization_tenant_name(organization: Organization) -> str:
    """The private tenant of an organization (the value of the ``NGSILD-Tenant`` header)."""
    return f"org-{organization.pk}"


def organization_tenant(organization: Organization) -> Tenant:
    tenant, _created = Tenant.objects.get_or_create(
        name=organization_tenant_name(organization), defaults={"organization": organization}
    )
    return tenant


@transaction.atomic
def api_key_create(
    *,
    actor,
    organization: Organization,
    name: str,
    scopes: list[str],
    expires_at: datetime | None = None,
    rate_limit_per_minute: int = DEFAULT_RATE_LIMIT,
) -> tuple[ApiKey, str]:
    """Create a key for ``organization``; returns the key and its secret, which is never shown again."""
    if not user_is_member(actor, organization):
        raise PermissionDenied(_("소속 기관의 API 키만 만들 수 있습니다."))
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("키 이름을 입력하세요.")
    valid = set(ApiKeyScope.values)
    if not scopes or not set(scopes) <= valid:
        errors["scopes"] = _("권한을 하나 이상 고르세요.")
    if expires_at is not None and expires_at <= timezone.now():
        errors["expires_at"] = _("만료일은 오늘 이후여야 합니다.")
    if not 1 <= rate_limit_per_minute <= 6000:
        errors["rate_limit_per_minute"] = _("분당 요청 한도는 1~6000 사이여야 합니다.")
    active = ApiKey.objects.filter(organization=organization, revoked_at__isnull=True).count()
    if active >= MAX_KEYS_PER_ORGANIZATION:
        errors["name"] = _("기관당 사용 중인 키는 %(n)d개까지입니다. 쓰지 않는 키를 폐기하세요.") % {
            "n": MAX_KEYS_PER_ORGANIZATION
        }
    if errors:
        raise ValidationError(errors)
    tenant = organization_tenant(organization)
    raw = KEY_PREFIX + secrets.token_urlsafe(30)
    key = ApiKey.objects.create(
        organization=organization,
        created_by=actor,
        name=name,
        prefix=raw[: len(KEY_PREFIX) + 8],
        hashed=hash_key(raw),
        scopes=sorted(set(scopes)),
        tenant=tenant.name,
        expires_at=expires_at,
        rate_limit_per_minute=rate_limit_per_minute,
    )
    return key, raw


@transaction.atomic
def api_key_revoke(*, actor, key: ApiKey) -> ApiKey:
    if not user_is_member(actor, key.organization):
        raise PermissionDenied(_("소속 기관의 API 키만 폐기할 수 있습니다."))
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        cache.delete(_cache_key(key.hashed))
        transaction.on_commit(lambda: cache.delete(_cache_key(key.hashed)))
    return key


def _cache_key(hashed: str) -> str:
    return f"datahub:key:{hashed}"


def api_key_authenticate(raw: str) -> ApiKey:
    """The active key for a secret, or :class:`Unauthorized` saying why not.

    Keys are cached for ``DATAHUB_KEY_CACHE_SECONDS`` (default 30); revoking a key clears its entry, so with a
    shared cache (Redis) revocation is immediate, with per-process memory caches it takes effect within that time.
    """
    if not raw or not raw.startswith(KEY_PREFIX):
        raise Unauthorized("Send your API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
    hashed = hash_key(raw)
    key = cache.get(_cache_key(hashed))
    if key is None:
        key = ApiKey.objects.filter(hashed=hashed).first()
        if key is None:
            raise Unauthorized("Unknown API key")
        cache.set(_cache_key(hashed), key, timeout=getattr(settings, "DATAHUB_KEY_CACHE_SECONDS", 30))
    if key.revoked_at is not None:
        raise Unauthorized("This API key has been revoked")
    if key.expires_at is not None and key.expires_at <= timezone.now():
        raise Unauthorized("This API key expired on " + key.expires_at.isoformat())
    return key


def api_key_check_rate(key: ApiKey, *, now: datetime | None = None) -> None:
    """Fixed one-minute window per key in the cache; over the limit raises 429 with Retry-After."""
    now = now or timezone.now()
    window = int(now.timestamp()) // 60
    cache_key = f"datahub:rate:{key.pk}:{window}"
    cache.add(cache_key, 0, timeout=120)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=120)
        count = 1
    if count > key.rate_limit_per_minute:
        retry_after = 60 - int(now.timestamp()) % 60
        raise RateLimited(
            f"More than {key.rate_limit_per_minute} requests in one minute; retry in {retry_after} s",
            headers={"Retry-After": str(retry_after)},
        )


def api_key_record_use(key: ApiKey, *, now: datetime | None = None) -> None:
    """Count a request: total, per day, and last use.

    Counts gather in the cache and are written to the database at most every ``DATAHUB_USAGE_FLUSH_SECONDS``
    (default 10) per key, so a busy key costs two UPDATEs per interval, not per request.
    """
    now = now or timezone.now()
    pending_key, flushed_key = f"datahub:usage:{key.pk}", f"datahub:usage-flushed:{key.pk}"
    cache.add(pending_key, 0, timeout=None)
    try:
        pending = cache.incr(pending_key)
    except ValueError:
        cache.set(pending_key, 1, timeout=None)
        pending = 1
    interval = getattr(settings, "DATAHUB_USAGE_FLUSH_SECONDS", 10)
    if interval and not cache.add(flushed_key, 1, timeout=interval):
        return
    cache.decr(pending_key, pending)
    ApiKey.objects.filter(pk=key.pk).update(request_count=F("request_count") + pending, last_used_at=now)
    day = timezone.localdate(now)
    updated = ApiKeyDailyUsage.objects.filter(key_id=key.pk, day=day).update(requests=F("requests") + pending)
    if not updated:
        ApiKeyDailyUsage.objects.get_or_create(key_id=key.pk, day=day, defaults={"requests": pending})


def usage_last_days(key: ApiKey, days: int = 7) -> list[tuple]:
    today = timezone.localdate()
    counts = dict(
        ApiKeyDailyUsage.objects.filter(key=key, day__gt=today - timedelta(days=days)).values_list("day", "requests")
    )
    return [(today - timedelta(days=i), counts.get(today - timedelta(days=i), 0)) for i in range(days - 1, -1, -1)]
