"""Request middleware of the ground floor."""

import re

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ControlCharactersMiddleware:
    """A path holding a control character (``/api/v1/commitments/%00/``) is a bad request, answered before
    any view, cache or redirect lookup reaches the database with it (PostgreSQL refuses NUL: a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _CONTROL.search(request.path_info):
            from django.views.defaults import bad_request

            return bad_request(request, exception=None)
        return self.get_response(request)


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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy for the public site and one for the admin.

    Public pages run no inline script at all (``script-src 'self'``). Wagtail's admin still writes
    small inline scripts (inline panels, date widgets), so the admin, and only the admin, allows
    inline scripts; both keep ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'`` and
    ``frame-ancestors 'self'`` (Wagtail's preview frames its own pages).
    """

    admin_prefixes = ("/admin/", "/django-admin/")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(self.admin_prefixes):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE]}
        return parts
