"""Language selection for the site's /ko/ and /en/ prefixes."""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Machine and operator URLs live outside i18n_patterns; a 404 there is the answer, not a cue to
# try the same path under /ko/ (where Wagtail's catch-all would accept any path).
UNPREFIXED = ("/api/", "/ngsi-ld/", "/datahub/", "/healthz/", "/admin/", "/documents/", "/i18n/", "/static/", "/media/")


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
