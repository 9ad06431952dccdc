"""Public views outside the page tree: search, feeds, sitemap, robots.txt and error pages."""

import logging

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from core import http_cache
from core.text import clean_query
from summits.models import Summit

from . import queries

logger = logging.getLogger(__name__)


def _locale():
    return queries.active_locale() or Locale.get_default()


def _summit_page_url(request, summit):
    """The summit's page in the visitor's language (else the default language), or None."""
    from .models import SummitPage

    candidates = {
        p.locale_id: p for p in SummitPage.objects.live().public().filter(summit=summit).select_related("locale")
    }
    page = candidates.get(_locale().pk) or candidates.get(Locale.get_default().pk)
    return request.build_absolute_uri(page.get_url(request)) if page else None


@require_GET
def programme_calendar(request, summit_slug):
    """The published programme of a summit as iCalendar (times with VTIMEZONE)."""
    from summits.ics import calendar_for_sessions

    from .models import ics_response

    summit = get_object_or_404(Summit.objects.filter(pages__live=True).distinct(), slug=summit_slug)
    base = _summit_page_url(request, summit)
    body = calendar_for_sessions(list(queries.public_programme(summit)), summit.title,
                                 url_for=lambda s: f"{base}sessions/{s.slug}/" if base else "")
    return http_cache.conditional(request, ics_response(body, f"{summit.slug}.ics"),
                                  etag=http_cache.calendar_etag(body))


@require_GET
def session_calendar(request, summit_slug, session_slug):
    from summits.ics import calendar_for_sessions

    from .models import ics_response

    summit = get_object_or_404(Summit.objects.filter(pages__live=True).distinct(), slug=summit_slug)
    session = get_object_or_404(queries.public_programme(summit), slug=session_slug)
    base = _summit_page_url(request, summit)
    body = calendar_for_sessions([session], session.title,
                                 url_for=lambda s: f"{base}sessions/{s.slug}/" if base else "")
    return http_cache.conditional(request, ics_response(body, f"{summit.slug}-{session.slug}.ics"),
                                  etag=http_cache.calendar_etag(body))


@require_GET
def search(request):
    from .models import SummitPage

    query = clean_query(request.GET.get("q", ""))
    pages, sessions = [], []
    if query:
        pages = list(Page.objects.live().public().filter(locale=_locale()).specific().search(query)[:30])
        sessions = list(queries.search_sessions(query))
        summit_ids = {s.summit_id for s in sessions}
        urls = {}
        default = Locale.get_default()
        for summit_page in SummitPage.objects.live().public().filter(summit_id__in=summit_ids).select_related("locale"):
            mine = summit_page.locale_id == _locale().pk
            if mine or (summit_page.summit_id not in urls and summit_page.locale_id == default.pk):
                urls[summit_page.summit_id] = summit_page.get_url(request)
        for session in sessions:
            base = urls.get(session.summit_id)
            session.public_url = f"{base}sessions/{session.slug}/" if base else ""
        sessions = [s for s in sessions if s.public_url]
    return render(request, "cms/search.html", {"query": query, "pages": pages, "sessions": sessions})


class NewsRSSFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Plenary news")

    def description(self):
        return _("Press releases and news of the summits.")

    def link(self):
        return f"/{translation.get_language()}/"

    def items(self):
        return queries.latest_news(_locale(), limit=30).select_related("summit")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        import datetime as dt

        return dt.datetime.combine(item.date, dt.time(9, 0), tzinfo=dt.timezone.utc)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRSSFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


def _alternates(request, pages_by_key, key, suffix=""):
    return [
        (page.locale.language_code, request.build_absolute_uri((page.get_url(request) or "/") + suffix))
        for page in pages_by_key.get(key, [])
    ]


def sitemap(request):
    """All live public pages of every language, each with its hreflang alternates; summit sub-pages too.

    Cached until any content changes (the page cache's ``tree`` version, bumped by every change)."""
    from django.core.cache import cache

    from . import cache as page_cache

    key = f"cms:sitemap:{page_cache.content_version(page_cache.SITE, page_cache.TREE)}:{request.get_host()}"
    body = cache.get(key)
    if body is None:
        body = _sitemap_body(request)
        cache.set(key, body, page_cache.timeout())
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


def _sitemap_body(request):
    from summits.models import Session, Theme

    from .models import SummitPage

    pages = list(
        Page.objects.live().public().filter(depth__gt=1).exclude(content_type__model="page")
        .select_related("locale").order_by("path")
    )
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    entries = []
    for page in pages:
        url = page.get_url(request)
        if not url:
            continue
        entries.append({
            "loc": request.build_absolute_uri(url),
            "lastmod": page.last_published_at,
            "alternates": _alternates(request, by_key, page.translation_key),
        })
    summit_pages = [p for p in pages if p.specific_class is SummitPage]
    if summit_pages:
        summit_of = dict(SummitPage.objects.filter(pk__in=[p.pk for p in summit_pages]).values_list("pk", "summit_id"))
        summit_ids = set(summit_of.values())
        theme_slugs, session_slugs = {}, {}
        for summit_id, slug in Theme.objects.filter(summit_id__in=summit_ids).values_list("summit_id", "slug"):
            theme_slugs.setdefault(summit_id, []).append(slug)
        for summit_id, slug in Session.objects.filter(summit_id__in=summit_ids, is_published=True).values_list(
            "summit_id", "slug"
        ):
            session_slugs.setdefault(summit_id, []).append(slug)
        for page in summit_pages:
            summit_id = summit_of[page.pk]
            suffixes = ["themes/", "programme/", "speakers/", "practical/"]
            suffixes += [f"themes/{slug}/" for slug in theme_slugs.get(summit_id, [])]
            suffixes += [f"sessions/{slug}/" for slug in session_slugs.get(summit_id, [])]
            base = page.get_url(request)
            for suffix in suffixes:
                entries.append({
                    "loc": request.build_absolute_uri(base + suffix),
                    "lastmod": None,
                    "alternates": _alternates(request, by_key, page.translation_key, suffix),
                })
    return loader.render_to_string("cms/sitemap.xml", {"entries": entries})


def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    """Rendered without the database (which may be the cause): language from the URL prefix only."""
    code = translation.get_language_from_path(request.path) or settings.LANGUAGE_CODE
    with translation.override(code):
        body = loader.render_to_string("500.html", {
            "LANGUAGE_CODE": code, "LANGUAGE_BIDI": translation.get_language_bidi(), "home": f"/{code}/",
        })
    return HttpResponseServerError(body)
