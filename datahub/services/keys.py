"""API keys of the NGSI-LD API: creation (secret shown once, SHA-256 kept), revocation, authentication,
per-key rate limit and usage counting."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

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
    return key


def api_key_authenticate(raw: str) -> ApiKey:
    """The active key for a secret, or :class:`Unauthorized` saying why not."""
    if not raw or not raw.startswith(KEY_PREFIX):
        raise Unauthorized("Send your API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
    key = ApiKey.objects.select_related("organization").filter(hashed=hash_key(raw)).first()
    if key is None:
        raise Unauthorized("Unknown API key")
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
    """Count a request: total, per day, and last use (two small UPDATEs)."""
    now = now or timezone.now()
    ApiKey.objects.filter(pk=key.pk).update(request_count=F("request_count") + 1, last_used_at=now)
    day = timezone.localdate(now)
    updated = ApiKeyDailyUsage.objects.filter(key_id=key.pk, day=day).update(requests=F("requests") + 1)
    if not updated:
        ApiKeyDailyUsage.objects.get_or_create(key_id=key.pk, day=day, defaults={"requests": 1})


def usage_last_days(key: ApiKey, days: int = 7) -> list[tuple]:
    today = timezone.localdate()
    counts = dict(
        ApiKeyDailyUsage.objects.filter(key=key, day__gt=today - timedelta(days=days)).values_list("day", "requests")
    )
    return [(today - timedelta(days=i), counts.get(today - timedelta(days=i), 0)) for i in range(days - 1, -1, -1)]
