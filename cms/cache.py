"""Page cache for anonymous visitors (Django cache framework, shared by every process).

``PageCacheMiddleware`` answers a repeated anonymous GET before Wagtail even routes the request;
pages opt in by being served through ``serve_cached`` (all public page types do), so only pages
are stored, never forms or app views. The key is the language, host and full path (query string
included); the entry records the *scopes* the page was made from and the version of each scope at
the time it was rendered:

- ``site``: menus and anything shown on every page (page moves and deletions bump it too);
- ``summit:<id>``: a summit's record, themes, rooms, sessions and speakers (its pages and their
  sub-pages depend on it, no other summit's pages do);
- ``page:<id>``: a page's own content; a page depends on itself and on its ancestors (breadcrumbs,
  section navigation), and every translation of a page is bumped with it (language switcher);
- ``children:<id>``: the listing below a page (home's summits and latest news, a news index); any
  publish bumps it on every ancestor of the published page;
- ``summits``: the list of summits (home page);
- ``listings``: pages that list pages of every language (home and news index: news not translated
  into the visitor's language are listed from the default locale), bumped by every publish.

A version is a random token kept in the shared cache without expiry; a missing token (evicted) is
recreated, which makes every entry that used it stale: the cache may forget, never lie. Changing a
record bumps only its scopes (``cms.signals``), so editing summit A's room leaves summit B's pages
cached.

**Stampede guard**: a stale entry (a scope changed, or its lifetime passed) is re-rendered by the
one process that wins ``cache.add`` of a short lock; the others serve the previous copy during the
grace period (``PLENARY_PAGE_CACHE_GRACE_SECONDS``, header ``X-Plenary-Cache: stale``). A copy
whose lock expired (its renderer died) is re-rendered by the next visitor.

Every cacheable response carries ``ETag`` (a hash of the body), ``Last-Modified`` (when it was
rendered) and ``Cache-Control: public, max-age=0, must-revalidate`` (plus ``s-maxage`` when
``PLENARY_CDN_CACHE_SECONDS`` is set, for a CDN in front); a conditional GET that matches answers
304 without a body.

With no ``CACHE_URL`` the cache is Django's database cache (``config/settings.py``), so several
processes and machines see the same copies and versions; Redis when ``CACHE_URL`` is set.
"""

import collections
import functools
import hashlib
import logging
import time
import uuid
import zlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_etags

logger = logging.getLogger(__name__)

HEADER = "X-Plenary-Cache"
VERSION_PREFIX = "cms:v:"
ENTRY_PREFIX = "cms:page3:"  # the entry's format: a change of it changes the prefix
BODY_PREFIX = "cms:body1:"
SITE = "site"
SUMMITS = "summits"
LISTINGS = "listings"
FRAGMENT_PREFIX = "cms:frag1:"
TREE = "tree"  # any change of content at all (the sitemap lists every page and summit sub-page)


def timeout():
    return getattr(settings, "PLENARY_PAGE_CACHE_SECONDS", 600)


def grace():
    return getattr(settings, "PLENARY_PAGE_CACHE_GRACE_SECONDS", 10)


def summit_scope(summit_id):
    return f"summit:{summit_id}"


def page_scope(page_id):
    return f"page:{page_id}"


def children_scope(page_id):
    return f"children:{page_id}"


def _token():
    return uuid.uuid4().hex[:16]


def versions(scopes, found=None):
    """The current version of each scope (a tuple in the same order), creating missing ones.

    ``found``: what a caller already read from the cache in the same ``get_many`` (the page cache
    reads an entry and its versions at once); only the keys absent from it are read again."""
    keys = [VERSION_PREFIX + scope for scope in scopes]
    if found is None or any(key not in found for key in keys):
        found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _token(), None)
        found.update(cache.get_many(missing))
    return tuple(found.get(key) for key in keys)


def bump(*scopes):
    """Give each scope a new version: every cached entry made from it is stale from now on.

    Bumped at once and again when the transaction commits: with a cache outside the database
    (Redis) a page rendered between the first bump and the commit read the old rows under the
    new version; the second bump makes that copy stale too."""
    scopes = {scope for scope in scopes if scope} | {TREE}
    _set_new_versions(scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _set_new_versions(scopes))
    from . import frontend_cache

    if frontend_cache.enabled():  # a CDN in front: its copies of the same pages, once, after the commit
        frontend_cache.purge(scopes - {TREE})


def _set_new_versions(scopes):
    cache.set_many({VERSION_PREFIX + scope: _token() for scope in scopes}, None)
    logger.debug("page cache bumped %s", sorted(scopes))


def bump_site(*args, **kwargs):
    bump(SITE)


def content_version(*scopes):
    """One string naming the versions of ``scopes`` (site by default), for keys of derived caches."""
    return "-".join(str(v) for v in versions(scopes or (SITE,)))


def scopes_for(page):
    """The scopes a page is rendered from: the site, itself and its ancestors, its own listing,
    the summit of the nearest summit page above it (or itself), the summits list for the home page.
    One query (ancestors with their summit), whatever the depth."""
    from wagtail.models import Page

    step = Page.steplen
    prefixes = [page.path[:i] for i in range(step, len(page.path) + 1, step)]
    rows = Page.objects.filter(path__in=prefixes).values_list("pk", "summitpage__summit_id")
    scopes = [SITE, children_scope(page.pk)]
    for pk, summit_id in rows:
        scopes.append(page_scope(pk))
        if summit_id:
            scopes.append(summit_scope(summit_id))
    if getattr(page, "summit_id", None):  # a news item names its summit
        scopes.append(summit_scope(page.summit_id))
    scopes.extend(getattr(page, "cache_extra_scopes", ()))
    return tuple(dict.fromkeys(scopes))


def fragment_timeout():
    return getattr(settings, "PLENARY_FRAGMENT_CACHE_SECONDS", 600)


def request_versions(request, page):
    """The scopes of ``page`` and their versions, read once per request (every fragment of the page
    is keyed by them; a change committed during the render makes the stored fragments unreachable,
    exactly like the page entry, since they are keyed by the versions read before)."""
    memo = getattr(request, "_plenary_versions", None)
    if memo is None:
        memo = request._plenary_versions = {}
    if page.pk not in memo:
        scopes = scopes_for(page)
        memo[page.pk] = "-".join(str(v) for v in versions(scopes))
    return memo[page.pk]


def fragments_allowed(request):
    """Fragments are shared by every anonymous visitor: never for a preview or a signed-in user (their
    page may show drafts or a different state), and only when enabled."""
    return (
        request is not None
        and fragment_timeout() > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def fragment_key(request, page, name, vary=()):
    """A rendered part of ``page`` for this language, host and full path (query string included):
    it changes with every scope the page is made from, so a change never shows a stale part."""
    raw = "|".join([
        name, request_versions(request, page), translation.get_language() or "", request.get_host(),
        request.get_full_path(), *(str(v) for v in vary),
    ])
    return FRAGMENT_PREFIX + hashlib.sha1(raw.encode()).hexdigest()


def request_is_cacheable(request):
    """Anonymous GET/HEAD without a session or pending messages (their pages may differ)."""
    return (
        request.method in ("GET", "HEAD")
        and timeout() > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def is_page_path(request):
    """Whether Wagtail's page route answers this path: other views (app pages, APIs, the health
    check) never touch the page cache, not even with a read."""
    from django.urls import get_urlconf

    return _is_page_path(get_urlconf(), request.path_info)


@functools.lru_cache(maxsize=4096)
def _is_page_path(urlconf, path):
    # Resolving walks every URL pattern before Wagtail's catch-all (~0.7 ms): once per path.
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    return match.url_name == "wagtail_serve"


def key_for(request):
    raw = f"{translation.get_language()}|{request.get_host()}|{request.get_full_path()}"
    return ENTRY_PREFIX + hashlib.sha1(raw.encode()).hexdigest()


def serve_cached(page, request, serve):
    """Serve a page and mark the response as storable by the middleware when that is safe.

    The versions are read *before* rendering: an edit committed during the render leaves the entry
    recorded with the older version, so the next visitor gets a fresh copy."""
    cacheable = (
        getattr(page, "cacheable", False)
        and request_is_cacheable(request)
        and getattr(request, "_plenary_page_cache", False)
    )
    if cacheable:
        scopes = scopes_for(page)
        seen = versions(scopes)
        # The page's fragments are keyed by the same versions (read once per request).
        request.__dict__.setdefault("_plenary_versions", {})[page.pk] = "-".join(str(v) for v in seen)
    response = serve()
    if (
        cacheable
        and not getattr(request, "plenary_fallback", None)
        and getattr(response, "status_code", None) == 200
    ):
        response.plenary_cacheable = (scopes, seen)
    return response


def add_validators(request, response, etag, rendered_at):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(rendered_at)
    control = "public, max-age=0, must-revalidate"
    cdn = getattr(settings, "PLENARY_CDN_CACHE_SECONDS", 0)
    if cdn:
        control += f", s-maxage={int(cdn)}"
    response["Cache-Control"] = control
    patch_vary_headers(response, ("Cookie",))
    return get_conditional_response(request, etag=etag, last_modified=int(rendered_at), response=response)


def etag_for(content):
    return '"' + hashlib.sha1(content).hexdigest()[:24] + '"'


# Bodies by ETag (a hash of the body, so a body can never be stale: a new render has a new ETag,
# named by the shared entry): a hit reads the small entry and the versions, not the body again.
_BODIES = collections.OrderedDict()
_BODIES_MAX_BYTES = 32 * 1024 * 1024
_bodies_size = 0


def _remember_body(etag, content):
    global _bodies_size
    if etag in _BODIES:
        _BODIES.move_to_end(etag)
        return
    _BODIES[etag] = content
    _bodies_size += len(content)
    while _bodies_size > _BODIES_MAX_BYTES and len(_BODIES) > 1:
        _bodies_size -= len(_BODIES.popitem(last=False)[1])


def _body(request, entry):
    """The body an entry names: b"" for a conditional GET that its ETag answers (a 304 needs none),
    from this process's memory, else from the shared cache; None when it was evicted."""
    etag = entry["etag"]
    if _answered_by(request.META.get("HTTP_IF_NONE_MATCH"), etag):
        return b""
    return _stored_body(etag)


def _answered_by(if_none_match, etag):
    if not if_none_match:
        return False
    tags = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
    return "*" in tags or etag in tags


def _stored_body(etag):
    content = _BODIES.get(etag)
    if content is None:
        stored = cache.get(BODY_PREFIX + etag)
        if stored is None:
            return None
        content = zlib.decompress(stored)
        _remember_body(etag, content)
    return content


# Entry key -> the scopes its page was made from, as this process last saw them: only which keys to
# read together, never a version or a copy (those are always read from the shared cache).
_KNOWN_SCOPES = {}
_KNOWN_SCOPES_MAX = 4096


def _remember_scopes(key, scopes):
    if _KNOWN_SCOPES.get(key) != scopes:
        if len(_KNOWN_SCOPES) >= _KNOWN_SCOPES_MAX:
            _KNOWN_SCOPES.clear()
        _KNOWN_SCOPES[key] = tuple(scopes)


class PageCacheMiddleware:
    """Place after LocaleMiddleware and AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request) or not is_page_path(request):
            return self.get_response(request)
        key = key_for(request)
        lock = key + ":lock"
        # One read for the copy, its re-render lock and the versions of the scopes it was made from
        # the last time this process saw it (the scopes of a path rarely change; if they did, the
        # versions are read again below): a hit costs one round trip to the shared cache.
        known = _KNOWN_SCOPES.get(key, ())
        found = cache.get_many([key, lock, *(VERSION_PREFIX + scope for scope in known)])
        entry = found.get(key)
        locked = False
        body = None
        if entry is not None:
            _remember_scopes(key, entry["scopes"])
            body = _body(request, entry)
        if body is not None:
            fresh = entry["fresh_until"] > time.time() and versions(entry["scopes"], found) == entry["versions"]
            if fresh:
                return self._respond(request, entry, body, "hit")
            # Stale: one process re-renders, the others serve the previous copy for the grace period
            # (without writing anything while the lock is seen held).
            locked = lock not in found and cache.add(lock, 1, grace())
            if not locked:
                return self._respond(request, entry, body, "stale")
        request._plenary_page_cache = True
        try:
            response = self.get_response(request)
            marked = getattr(response, "plenary_cacheable", None)
            if marked and not response.cookies and not getattr(response, "streaming", False):
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                scopes, seen = marked
                now = time.time()
                etag = etag_for(response.content)
                entry = {
                    "scopes": scopes, "versions": seen, "content_type": response["Content-Type"],
                    "headers": {k: v for k, v in response.items() if k in ("Content-Language", "Vary")},
                    "etag": etag, "rendered_at": now, "fresh_until": now + timeout(),
                }
                # Kept beyond its lifetime so that it can be served stale while it is re-rendered;
                # the body first (named by its hash, compressed: a 120 kB programme is 15 kB), so an
                # entry never names a body that is not stored yet.
                lifetime = timeout() + max(grace(), 60)
                cache.set(BODY_PREFIX + etag, zlib.compress(response.content, 1), lifetime)
                _remember_body(etag, response.content)
                cache.set(key, entry, lifetime)
                _remember_scopes(key, scopes)
                response[HEADER] = "miss"
                return add_validators(request, response, entry["etag"], now)
            return response
        finally:
            if locked:
                cache.delete(lock)

    @staticmethod
    def _respond(request, entry, body, state):
        response = HttpResponse(body, content_type=entry["content_type"])
        for name, value in entry["headers"].items():
            response[name] = value
        response[HEADER] = state
        answer = add_validators(request, response, entry["etag"], entry["rendered_at"])
        if answer.status_code == 200 and not body:  # the ETag matched, yet not a 304: the body after all
            response.content = _stored_body(entry["etag"]) or b""
        return answer
