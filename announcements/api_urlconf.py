"""A urlconf holding only the API (see api.api_view): no language prefixes, so no locale redirects."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("announcements.api"))]
