"""Page cache for anonymous visitors (Django cache framework).

A rendered page is stored under a key made of a global content version, the page, the language
and the full path (query string included). Publishing, unpublishing, moving or deleting a page, or
saving any summit record (sessions, themes, speakers…), bumps the version, so every cached page is
discarded at once: simple and always correct, and a summit site changes rarely compared with how
often it is read.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

logger = logging.getLogger(__name__)

VERSION_KEY = "cms:content-version"
TIMEOUT = getattr(settings, "PLENARY_PAGE_CACHE_SECONDS", 600)


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


def is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
        and not getattr(request, "plenary_fallback", None)
        and TIMEOUT > 0
    )


def page_key(page, request):
    raw = f"{page.pk}|{translation.get_language()}|{request.get_full_path()}"
    return f"cms:page:{content_version()}:{hashlib.sha1(raw.encode()).hexdigest()}"


def serve_cached(page, request, serve):
    if not getattr(page, "cacheable", False) or not is_cacheable(request):
        return serve()
    key = page_key(page, request)
    hit = cache.get(key)
    if hit is not None:
        content, content_type, headers = hit
        response = HttpResponse(content, content_type=content_type)
        for name, value in headers.items():
            response[name] = value
        response["X-Plenary-Cache"] = "hit"
        return response
    response = serve()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.cookies:
        headers = {k: v for k, v in response.items() if k in ("Content-Disposition", "Content-Language")}
        cache.set(key, (response.content, response["Content-Type"], headers), TIMEOUT)
        response["X-Plenary-Cache"] = "miss"
    return response
