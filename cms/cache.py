"""Page cache for anonymous visitors (Django cache framework).

``PageCacheMiddleware`` answers a repeated anonymous GET before Wagtail even routes the request;
pages opt in by being served through ``serve_cached`` (all public page types do), so only pages
are stored, never forms or app views. The key is made of a global content version, the language
and the full path (query string included). Publishing, unpublishing, moving or deleting a page, or
saving any summit record (sessions, themes, speakers…) or menu, bumps the version, so every cached
page is discarded at once: simple and always correct, and a summit site is read far more often
than it changes.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

logger = logging.getLogger(__name__)

VERSION_KEY = "cms:content-version"
HEADER = "X-Plenary-Cache"


def timeout():
    return getattr(settings, "PLENARY_PAGE_CACHE_SECONDS", 600)


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump(*args, **kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def request_is_cacheable(request):
    """Anonymous GET/HEAD without a session or pending messages (their pages may differ)."""
    return (
        request.method in ("GET", "HEAD")
        and timeout() > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def key_for(request):
    raw = f"{translation.get_language()}|{request.get_host()}|{request.get_full_path()}"
    return f"cms:page:{content_version()}:{hashlib.sha1(raw.encode()).hexdigest()}"


def serve_cached(page, request, serve):
    """Serve a page and mark the response as storable by the middleware when that is safe."""
    response = serve()
    if (
        getattr(page, "cacheable", False)
        and request_is_cacheable(request)
        and not getattr(request, "plenary_fallback", None)
        and getattr(response, "status_code", None) == 200
    ):
        response.plenary_cacheable = True
    return response


class PageCacheMiddleware:
    """Place after LocaleMiddleware and AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = key_for(request)
        hit = cache.get(key)
        if hit is not None:
            content, content_type, headers = hit
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers.items():
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if getattr(response, "plenary_cacheable", False) and not response.cookies:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {k: v for k, v in response.items() if k in ("Content-Language", "Vary")}
            cache.set(key, (response.content, response["Content-Type"], headers), timeout())
            response[HEADER] = "miss"
        return response
