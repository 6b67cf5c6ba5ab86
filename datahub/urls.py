from django.urls import path

from . import views

app_name = "datahub"

urlpatterns = [
    path("sandbox/keys/", views.keys, name="keys"),
    path("sandbox/keys/<int:pk>/revoke/", views.key_revoke, name="key_revoke"),
]
