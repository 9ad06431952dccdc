"""A CDN in front of the site: the per-summit and per-page invalidation of the page cache (cms.cache)
also purges the CDN's copies, through Wagtail's frontend-cache backends (wagtail.contrib.frontend_cache).

Configured by environment variables (config/settings.py, README "Caching and performance"):
``PLENARY_FRONTEND_CACHE_URL`` (an HTTP purger such as Varnish: a PURGE request per address) or
``PLENARY_CLOUDFLARE_ZONE_ID`` with ``PLENARY_CLOUDFLARE_API_TOKEN``; without them nothing is sent.

What a bumped scope purges (after the commit, like the versions):
- ``summit:<id>``: every page of that summit in every language with its sub-pages (overview,
  themes and each theme, programme, speakers, practical information, each published session);
- ``page:<id>`` / ``children:<id>``: that page (a listing is shown on its page);
- ``summits`` and ``listings``: the home pages and news indexes (they list summits and news);
- ``site`` (menus, moves, deletions): every live page.
Addresses with a query string (a filtered programme) are not purged: the CDN keeps them at most
``PLENARY_CDN_CACHE_SECONDS``.
"""

import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def pages_for(scopes):
    from wagtail.models import Page

    from .cache import LISTINGS, SITE, SUMMITS
    from .models import HomePage, NewsIndexPage, SummitPage

    scopes = set(scopes)
    if SITE in scopes:
        return list(Page.objects.live().exclude(depth=1).specific())
    pages = []
    summit_ids = [int(s.split(":", 1)[1]) for s in scopes if s.startswith("summit:")]
    if summit_ids:
        pages += SummitPage.objects.live().filter(summit_id__in=summit_ids)
    page_ids = [int(s.split(":", 1)[1]) for s in scopes if s.startswith(("page:", "children:"))]
    if page_ids:
        pages += Page.objects.live().filter(pk__in=page_ids).specific()
    if scopes & {SUMMITS, LISTINGS}:
        pages += HomePage.objects.live()
    if LISTINGS in scopes:
        pages += NewsIndexPage.objects.live()
    return list({page.pk: page for page in pages}.values())


def purge(scopes):
    """Purge the CDN's copies of the pages made from ``scopes`` (after the commit when in one)."""
    if not enabled():
        return
    scopes = frozenset(scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _purge(scopes))
    else:
        _purge(scopes)


def _purge(scopes):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        batch = PurgeBatch()
        batch.add_pages(pages_for(scopes))
        batch.purge()
    except Exception:  # a CDN that does not answer never breaks an edit; its copies expire anyway
        logger.exception("frontend cache purge failed for %s", sorted(scopes))
