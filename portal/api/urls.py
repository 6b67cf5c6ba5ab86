from django.urls import include, path
from rest_framework.routers import DefaultRouter

from marketplace.api import need_views as needs_api
from marketplace.api import views as marketplace_api
from search.api import SearchView, SuggestView

from .auth import TokenView

router = DefaultRouter()
router.register("domains", marketplace_api.DomainViewSet, basename="domain")
router.register("solution-types", marketplace_api.SolutionTypeViewSet, basename="solution-type")
router.register("organizations", marketplace_api.OrganizationViewSet, basename="organization")
router.register("solutions", marketplace_api.SolutionViewSet, basename="solution")
router.register("needs", needs_api.NeedViewSet, basename="need")
router.register("proposals", needs_api.ProposalViewSet, basename="proposal")
router.register("programmes", needs_api.ProgrammeViewSet, basename="programme")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/suggest/", SuggestView.as_view(), name="search-suggest"),
    path("matching/preview/", needs_api.MatchingPreviewView.as_view(), name="matching-preview"),
    path(
        "solutions/<int:pk>/matching-needs/",
        needs_api.SolutionMatchingNeedsView.as_view(),
        name="solution-matching-needs",
    ),
    path("", include(router.urls)),
]
