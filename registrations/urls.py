from django.urls import path

from . import views
from .pdf_urls import urlpatterns as pdf_urlpatterns

app_name = "registrations"

urlpatterns = [
    path("summits/<slug:summit_slug>/register/", views.register, name="register"),
    path("summits/<slug:summit_slug>/register/sent/", views.registered, name="registered"),
    path("summits/<slug:summit_slug>/registration-link/", views.link_request, name="link_request_summit"),
    path("registration/new-link/", views.link_request, name="link_request"),
    path("registration/<str:token>/", views.manage, name="manage"),
    path("registration/<str:token>/cancel/", views.manage_cancel, name="manage_cancel"),
    path("registration/<str:token>/my-data.json", views.manage_data, name="manage_data"),
    path("registration/<str:token>/programme.ics", views.manage_calendar, name="manage_calendar"),
]

# Badge, letter and certificate downloads, letter verification, public PDFs.
urlpatterns += pdf_urlpatterns
