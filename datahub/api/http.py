"""HTTP plumbing of the NGSI-LD API: authentication by API key, tenancy, media types, @context, ProblemDetails.

Rules (ETSI GS CIM 009 §6.3):

* Requests with a body must be ``application/json`` (the @context, if any, in a ``Link`` header) or
  ``application/ld+json`` (``@context`` in the body, no ``Link`` header); PATCH also accepts
  ``application/merge-patch+json``. Anything else is 415. Bodies over ``DATAHUB_MAX_PAYLOAD_BYTES``
  (default 1 MiB; batch operations 8 MiB) are 413.
* Answers are ``application/json`` with the @context in a ``Link`` header, or ``application/ld+json`` with
  ``@context`` in the body when the client accepts only that, or ``application/geo+json`` for GeoJSON.
* Every request needs an API key (``Authorization: Bearer <key>`` or ``X-API-Key: <key>``): 401 otherwise.
  Without ``NGSILD-Tenant`` the request works on the shared sandbox tenant (read-only, scope
  ``read-sandbox``); with the key's own tenant it may also write (scope ``write-own-tenant``); any other
  tenant is ``NonexistentTenant`` (404) — tenants of other organizations are not even confirmed to exist.
* Errors are ProblemDetails (``application/json``) with NGSI-LD error types.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .. import ldcontext
from ..errors import (
    BadRequestData,
    Forbidden,
    InvalidRequest,
    NgsiLdError,
    NonexistentTenant,
    NotAcceptable,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
)
from ..ldcontext import Context
from ..models import ApiKey, ApiKeyScope
from ..services import keys as key_services
from ..tenancy import DEFAULT_TENANT

JSON = "application/json"
JSON_LD = "application/ld+json"
GEO_JSON = "application/geo+json"
MERGE_PATCH = "application/merge-patch+json"
LINK_REL = "http://www.w3.org/ns/json-ld#context"
LINK_RE = re.compile(r'^\s*<([^>]+)>\s*(;\s*[a-zA-Z]+\s*=\s*"?[^";]*"?\s*)*$')


def max_payload(batch: bool = False) -> int:
    if batch:
        return getattr(settings, "DATAHUB_MAX_BATCH_PAYLOAD_BYTES", 8 * 1024 * 1024)
    return getattr(settings, "DATAHUB_MAX_PAYLOAD_BYTES", 1024 * 1024)


@dataclass
class ApiRequest:
    key: ApiKey
    tenant: str
    tenant_header: str | None
    ctx: Context
    accept: str
    body: object = None
    query: dict = field(default_factory=dict)
    base: str = "/ngsi-ld/v1/"

    def url(self, path: str, resource_id: str) -> str:
        """Where a created resource lives, under the prefix the request came in on."""
        return f"{self.base}{path}/{quote(resource_id, safe=':')}"


def json_dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def problem_response(error: NgsiLdError, tenant_header: str | None = None) -> HttpResponse:
    response = HttpResponse(json_dumps(error.problem()), status=error.status, content_type=JSON)
    for name, value in error.headers.items():
        response[name] = value
    if error.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="ngsi-ld"'
    return response


def _link_context(request) -> str | None:
    header = request.headers.get("Link")
    if not header:
        return None
    for part in header.split(","):
        if LINK_REL in part:
            match = LINK_RE.match(part)
            if not match:
                raise BadRequestData(f"Invalid Link header: {header}")
            return match.group(1)
    return None


def _media_type(value: str) -> str:
    return value.split(";")[0].strip().lower()


def _negotiate(request, allow_geo: bool) -> str:
    header = request.headers.get("Accept", "") or "*/*"
    offered = [JSON, JSON_LD] + ([GEO_JSON] if allow_geo else [])
    ranked = []
    for index, item in enumerate(header.split(",")):
        media = _media_type(item)
        quality = 1.0
        for param in item.split(";")[1:]:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0
        ranked.append((-quality, index, media))
    for _q, _i, media in sorted(ranked):
        if _q == 0:
            continue
        if media in offered:
            return media
        if media in ("*/*", "application/*"):
            return JSON
    raise NotAcceptable(f"Accept must allow one of {', '.join(offered)}")


def _authenticate(request) -> ApiKey:
    raw = request.headers.get("X-API-Key", "")
    auth = request.headers.get("Authorization", "")
    if auth.lower().startswith("bearer "):
        raw = auth[7:].strip()
    if not raw:
        raise Unauthorized("An API key is required: create one on the Sandbox > API keys page")
    key = key_services.api_key_authenticate(raw)
    key_services.api_key_check_rate(key)
    key_services.api_key_record_use(key)
    return key


def _tenant(request, key: ApiKey, write: bool) -> tuple[str, str | None]:
    header = request.headers.get("NGSILD-Tenant")
    if header is None or header == DEFAULT_TENANT:
        if write:
            raise Forbidden(
                "The shared sandbox city data is read-only; send 'NGSILD-Tenant: " + key.tenant + "' to write "
                "into your organization's own tenant"
            )
        if ApiKeyScope.READ_SANDBOX not in key.scopes:
            raise Forbidden("This API key has no read-sandbox scope")
        return DEFAULT_TENANT, header
    if header != key.tenant:
        raise NonexistentTenant(f"Tenant {header!r} does not exist or is not yours")
    if write and ApiKeyScope.WRITE_OWN_TENANT not in key.scopes:
        raise Forbidden("This API key has no write-own-tenant scope")
    return header, header


def _body(request, batch: bool):
    length = int(request.headers.get("Content-Length") or 0)
    limit = max_payload(batch)
    if length > limit or len(request.body) > limit:
        raise PayloadTooLarge(f"The body exceeds the limit of {limit} bytes")
    content_type = _media_type(request.headers.get("Content-Type", ""))
    allowed = (JSON, JSON_LD, MERGE_PATCH) if request.method == "PATCH" else (JSON, JSON_LD)
    if content_type not in allowed:
        raise UnsupportedMediaType(f"Content-Type must be one of {', '.join(allowed)}, not {content_type or 'none'!r}")
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidRequest(f"The body is not valid JSON: {exc}") from None
    return content_type, body


def _context(request, content_type: str | None, body) -> Context:
    link = _link_context(request)
    if content_type == JSON_LD:
        if link:
            raise BadRequestData("With Content-Type application/ld+json the @context goes in the body, not a Link")
        contexts = _body_contexts(body)
        if contexts is None and isinstance(body, list) and all(isinstance(item, str) for item in body):
            return ldcontext.core()  # a batch delete body is only ids: nothing to expand
        if contexts is None:
            raise BadRequestData("A body of type application/ld+json must contain @context")
        return ldcontext.resolve(contexts)
    if content_type in (JSON, MERGE_PATCH) and _body_contexts(body) is not None:
        raise BadRequestData("A body of type application/json must not contain @context; use a Link header")
    return ldcontext.resolve(link)


def _body_contexts(body):
    if isinstance(body, dict):
        return body.get("@context")
    if isinstance(body, list):
        found = [item.get("@context") for item in body if isinstance(item, dict) and "@context" in item]
        return found[0] if found else None
    return None


def ngsi_view(*, write_methods=("POST", "PATCH", "PUT", "DELETE"), read_only_post=False, batch=False, geo=False):
    """Wrap a view ``view(request, api: ApiRequest, **kwargs) -> HttpResponse`` with the rules above."""

    def decorator(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            tenant_header = request.headers.get("NGSILD-Tenant")
            # One transaction per request: usage counters, the write, its history and its queued
            # notifications commit together (one commit instead of several). Services nest savepoints, so an
            # operation that fails rolls back only itself, and a batch keeps what succeeded.
            with transaction.atomic():
                try:
                    response, tenant_header = _handle(request, view, args, kwargs, tenant_header)
                except NgsiLdError as error:
                    response = problem_response(error)
            if tenant_header:
                response["NGSILD-Tenant"] = tenant_header
            return response

        def _handle(request, view, args, kwargs, tenant_header):
            key = _authenticate(request)
            write = request.method in write_methods and not read_only_post
            tenant, tenant_header = _tenant(request, key, write)
            accept = _negotiate(request, geo)
            content_type, body = None, None
            if request.method in ("POST", "PATCH", "PUT"):
                content_type, body = _body(request, batch)
            ctx = _context(request, content_type, body)
            base = "/datahub/" if request.path.startswith("/datahub/") else "/ngsi-ld/v1/"
            api = ApiRequest(key, tenant, tenant_header, ctx, accept, body, request.GET, base)
            return view(request, api, *args, **kwargs), tenant_header

        return wrapper

    return decorator


def ld_response(api: ApiRequest, data, status: int = 200, headers: dict | None = None) -> HttpResponse:
    """Answer ``data`` (compacted with ``api.ctx``) in the negotiated media type."""
    if api.accept == JSON_LD:
        context = list(api.ctx.urls) or [ldcontext.CORE_CONTEXT_URL]
        if isinstance(data, list):
            data = [{**item, "@context": context} if isinstance(item, dict) else item for item in data]
        elif isinstance(data, dict):
            data = {**data, "@context": context}
        response = HttpResponse(json_dumps(data), status=status, content_type=JSON_LD)
    elif api.accept == GEO_JSON:
        response = HttpResponse(json_dumps(data), status=status, content_type=GEO_JSON)
        response["Link"] = api.ctx.link_header()
    else:
        response = HttpResponse(json_dumps(data), status=status, content_type=JSON)
        response["Link"] = api.ctx.link_header()
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def empty(status: int = 204, headers: dict | None = None) -> HttpResponse:
    response = HttpResponse(status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def plain_json(data, status: int = 200) -> HttpResponse:
    return HttpResponse(json_dumps(data), status=status, content_type=JSON)
