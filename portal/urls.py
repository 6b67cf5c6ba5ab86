from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

# Machine and operator URLs carry no language prefix (/api/, /ngsi-ld/v1/, /datahub/, /healthz/, /admin/).
urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=static("portal/img/favicon.svg"), permanent=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(("portal.api.urls", "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("ngsi-ld/v1/", include(("datahub.api.urls", "ngsi-ld"), namespace="ngsi-ld")),
    path("datahub/", include(("datahub.api.citydatahub_urls", "citydatahub"), namespace="citydatahub")),
]

if settings.DEBUG:
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))

# The site a visitor reads: /ko/… (default) and /en/…; "/" redirects by cookie or Accept-Language.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("datahub.urls")),
    path("sandbox/", include("datahub.sandbox.urls")),
    path("", include("portal.site_urls")),
    path("", include("marketplace.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
