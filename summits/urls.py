from django.urls import path

from . import views

app_name = "summits"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
