from django.urls import include, path
from rest_framework.routers import DefaultRouter

from marketplace.api import views as marketplace_api
from search.api import SearchView, SuggestView

from .auth import TokenView

router = DefaultRouter()
router.register("domains", marketplace_api.DomainViewSet, basename="domain")
router.register("solution-types", marketplace_api.SolutionTypeViewSet, basename="solution-type")
router.register("organizations", marketplace_api.OrganizationViewSet, basename="organization")
router.register("solutions", marketplace_api.SolutionViewSet, basename="solution")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/suggest/", SuggestView.as_view(), name="search-suggest"),
    path("", include(router.urls)),
]
