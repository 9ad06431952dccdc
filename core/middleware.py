"""Request middleware of the ground floor."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without its "add a language prefix" redirect outside the public site.

    The public site lives under /<language>/ and ends in Wagtail's catch-all page route, so Django
    would answer every 404 elsewhere with a redirect to the same path under /en/ — an admin page
    refusing a record (404) would send the organiser to a public "page not found". The admin, the
    API and the other unprefixed doors keep their 404.
    """

    unprefixed = ("/admin/", "/django-admin/", "/api/", "/documents/", "/healthz", "/static/", "/media/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.unprefixed):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
