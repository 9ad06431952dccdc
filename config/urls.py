from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views


def _superusers_only(request):
    return request.user.is_active and request.user.is_superuser


# The Django admin is a superuser tool; organisers work in the Wagtail admin (/admin/).
admin.site.has_permission = _superusers_only

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", cms_views.sitemap, name="sitemap"),
    path("robots.txt", cms_views.robots, name="robots"),
    path("api/v1/", include("announcements.api")),
    path("", include("core.urls")),
]

if settings.DEBUG:
    # Development only: serve the public media (Wagtail images and documents). Participants' photos
    # and PDF batches stay private: they are handed out by permission-checked views only.
    from django.views.static import serve

    for public_dir in ("original_images", "images", "documents"):
        urlpatterns.append(
            path(f"{settings.MEDIA_URL.strip('/')}/{public_dir}/<path:path>", serve,
                 {"document_root": settings.MEDIA_ROOT / public_dir})
        )

# Public pages are prefixed by language (/en/, /fr/, /ar/…); Wagtail serves the page tree last.
urlpatterns += i18n_patterns(
    path("", include("registrations.urls")),
    path("", include("cms.urls")),
    path("", include("announcements.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages in the visitor's language and the site's design (cms/templates/404.html, 500.html).
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
