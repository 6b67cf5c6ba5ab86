from django.urls import path

from . import need_views, views

app_name = "marketplace"

urlpatterns = [
    path("solutions/", views.solution_list, name="solution_list"),
    path("solutions/new/", views.solution_create, name="solution_create"),
    path("solutions/<str:slug>/", views.solution_detail, name="solution_detail"),
    path("solutions/<str:slug>/edit/", views.solution_edit, name="solution_edit"),
    path("solutions/<str:slug>/submit/", views.solution_submit, name="solution_submit"),
    path("solutions/<str:slug>/media/", views.solution_media_add, name="solution_media_add"),
    path("solutions/<str:slug>/versions/", views.solution_version_add, name="solution_version_add"),
    path("solutions/<str:slug>/references/", views.solution_reference_add, name="solution_reference_add"),
    path("solutions/<str:slug>/delete/", views.solution_delete, name="solution_delete"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/<str:slug>/", views.organization_detail, name="organization_detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("needs/", need_views.need_list, name="need_list"),
    path("needs/new/", need_views.need_create, name="need_create"),
    path("needs/<int:pk>/", need_views.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", need_views.need_edit, name="need_edit"),
    path("needs/<int:pk>/publish/", need_views.need_publish, name="need_publish"),
    path("needs/<int:pk>/close/", need_views.need_close, name="need_close"),
    path("needs/<int:pk>/invite/", need_views.need_invite, name="need_invite"),
    path("needs/<int:pk>/proposals/", need_views.need_proposals, name="need_proposals"),
    path("needs/<int:pk>/propose/", need_views.proposal_create, name="proposal_create"),
    path("needs/<int:pk>/questions/", need_views.question_ask, name="question_ask"),
    path("questions/<int:pk>/answer/", need_views.question_answer, name="question_answer"),
    path("proposals/<int:pk>/shortlist/", need_views.proposal_shortlist, name="proposal_shortlist"),
    path("proposals/<int:pk>/award/", need_views.proposal_award, name="proposal_award"),
    path("proposals/<int:pk>/withdraw/", need_views.proposal_withdraw, name="proposal_withdraw"),
    path("match-snapshots/<int:pk>/", need_views.snapshot_detail, name="snapshot_detail"),
    path("quick-match/", need_views.quick_match_view, name="quick_match"),
    path("matching-needs/", need_views.matching_needs, name="matching_needs"),
    path("inbox/", need_views.inbox_view, name="inbox"),
    path("diffusion/", need_views.diffusion, name="diffusion"),
    path("regional-balance/", need_views.regional_balance, name="regional_balance"),
]
