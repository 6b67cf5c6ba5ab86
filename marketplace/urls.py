from django.urls import path

from . import views

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
]
