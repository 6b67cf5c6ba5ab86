"""The anonymous page-body cache.

Page templates wrap their body in ``{% cache %}`` keyed by ``anonymous_cache_key``: the page,
its last publication, the language and a site-wide content version. Publishing, unpublishing,
moving or deleting any page, and any change of a solution's status, bump the version, so a
visitor never reads a stale home page or listing for longer than the request that changed it.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

VERSION_KEY = "portal:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


NO_CACHE = ("uncached", 0)


def anonymous_cache_key(request, page) -> tuple[str, int]:
    """(key, seconds) for this page's body; seconds is 0 when the body must be rendered fresh
    (signed-in users, previews, query strings)."""
    if settings.PORTAL_PAGE_CACHE_SECONDS <= 0 or request is None:
        return NO_CACHE
    user = getattr(request, "user", None)
    if request.method != "GET" or request.GET or getattr(request, "is_preview", False):
        return NO_CACHE
    if user is not None and user.is_authenticated:
        return NO_CACHE
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    key = f"{page.pk}.{published:.0f}.{translation.get_language()}.{content_version()}"
    return key, settings.PORTAL_PAGE_CACHE_SECONDS
