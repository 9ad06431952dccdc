from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("summits/<slug:summit_slug>/register/", views.register, name="register"),
    path("summits/<slug:summit_slug>/registration-link/", views.link_request, name="link_request_summit"),
    path("registration/new-link/", views.link_request, name="link_request"),
    path("registration/<str:token>/", views.manage, name="manage"),
    path("registration/<str:token>/my-data.json", views.manage_data, name="manage_data"),
    path("registration/<str:token>/programme.ics", views.manage_calendar, name="manage_calendar"),
]

# The PDF feature (issue #5) adds badge/letter/certificate URLs to this namespace when merged.
try:
    from .pdf_urls import urlpatterns as _pdf_urlpatterns
except ModuleNotFoundError as exc:
    if exc.name != "registrations.pdf_urls":
        raise
    _pdf_urlpatterns = []
urlpatterns += _pdf_urlpatterns
