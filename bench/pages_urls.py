"""The project's URLs plus ``/bare/``: a Django view that does nothing (the benchmark's baseline)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler404, handler500, urlpatterns as project_urlpatterns  # noqa: F401


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bare/", bare)] + project_urlpatterns
