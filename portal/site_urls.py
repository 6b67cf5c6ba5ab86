from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("onboarding/", views.onboarding, name="onboarding"),
    path("memberships/<int:pk>/decide/", views.membership_decide, name="membership_decide"),
]
