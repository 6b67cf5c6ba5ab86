from django.urls import path

from . import views

app_name = "sandbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("quickstart/", views.quickstart, name="quickstart"),
    path("datasets/", views.dataset_list, name="datasets"),
    path("datasets/<slug:slug>/", views.dataset_detail, name="dataset"),
    path("datasets/<slug:slug>/download/<str:fmt>/", views.dataset_download, name="download"),
]
