"""Template tags of the public site: language switcher, menus, optional links, colours."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info

from .. import cache as page_cache
from ..links import url_in_locale

register = template.Library()


def _page_suffix(page, request):
    """The routable sub-path after a page's own URL (e.g. 'programme/'), or ''."""
    if request is None or not getattr(request, "routable_resolver_match", None):
        return ""
    base = page.get_url(request) or ""
    path = request.path
    return path[len(base):] if base and path.startswith(base) else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: code, name, url, current, translated (False: falls back to English)."""
    cached = context.get("_plenary_language_links")
    if cached is not None:
        return cached
    request = context.get("request")
    page = context.get("page")
    from wagtail.models import Page

    key = None
    if isinstance(page, Page) and page.pk and page_cache.fragments_allowed(request):
        # Made from the page's translations (every translation's scope is bumped when one is
        # published or unpublished) and the address: shared like a fragment of the page.
        key = page_cache.fragment_key(request, page, "language-links")
        links = cache.get(key)
        if links is not None:
            context["_plenary_language_links"] = links
            return links
    links = _language_links(request, page)
    if key is not None:
        cache.set(key, links, page_cache.fragment_timeout())
    context["_plenary_language_links"] = links
    return links


def _language_links(request, page):
    current = translation.get_language()
    links = []
    translations = {}
    suffix = ""
    query = ""
    if request is not None and request.META.get("QUERY_STRING"):
        query = "?" + request.META["QUERY_STRING"]
    from wagtail.models import Page

    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
        suffix = _page_suffix(page, request)
    full_path = request.get_full_path() if request is not None else "/"
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        target = translations.get(code)
        if target is not None:
            url = (target.get_url(request) or "/") + suffix + query
            translated = True
        else:
            url = translate_url(full_path, code)
            translated = not translations
        links.append({
            "code": code,
            "name": info["name_local"],
            "bidi": info["bidi"],
            "url": url,
            "current": code == current,
            "translated": translated,
        })
    return links


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request is not None else settings.SITE_URL.rstrip("/") + url


@register.simple_tag(takes_context=True)
def menu_items(context, handle):
    """Links of the menu for the visitor's language (falls back to the default language's menu)."""
    from wagtail.models import Locale

    from ..models import Menu

    request = context.get("request")
    lang = translation.get_language()
    key = f"cms:menu:{page_cache.content_version(page_cache.SITE)}:{handle}:{lang}:{request.get_host() if request else ''}"
    items = cache.get(key)
    if items is not None:
        return items
    menus = {m.locale.language_code: m for m in Menu.objects.filter(handle=handle).select_related("locale")}
    default = Locale.get_default().language_code if menus else None
    menu = menus.get(lang) or menus.get(default)
    items = {"links": [], "note": ""}
    if menu is not None:
        items["note"] = menu.note
        for item in menu.items.select_related("link_page").order_by("sort_order"):
            if item.link_page_id:
                if not item.link_page.live:
                    continue
                url = url_in_locale(item.link_page, request)
            else:
                url = item.link_url
            if url:
                items["links"].append({"label": item.label, "url": url})
    cache.set(key, items, 600)
    return items


@register.filter
def text_colour(hex_colour):
    """Black or white, whichever reads better on this background (WCAG relative luminance)."""
    try:
        value = hex_colour.lstrip("#")
        channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    except (AttributeError, ValueError, IndexError):
        return "#ffffff"

    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#111111" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


@register.filter
def language_names(codes):
    names = dict(settings.LANGUAGES)
    from core.formatting import join

    return join([str(names.get(code, code)) for code in (codes or [])])


@register.simple_tag
def query_with(request, **kwargs):
    """The current query string with some parameters replaced (empty values removed)."""
    params = request.GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


@register.simple_tag(takes_context=True)
def locale_url(context, page):
    """The page's address in the visitor's language (translated, or served there with a notice)."""
    return url_in_locale(page, context.get("request"))


@register.simple_tag(takes_context=True)
def content_lang(context, page=None):
    """` lang="en" dir="ltr"` on content shown in another language than the visitor's (a fallback
    page, a news item listed from the default locale), so screen readers switch voice (WCAG 3.1.2)."""
    from django.utils.html import format_html

    if page is not None:
        lang = getattr(page, "fallback_language", None) if getattr(page, "is_fallback", False) else None
    else:
        lang = context.get("fallback_language")
    if not lang or lang == translation.get_language():
        return ""
    bidi = get_language_info(lang)["bidi"]
    return format_html(' lang="{}" dir="{}"', lang, "rtl" if bidi else "ltr")


class CachedFragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context):
        from django.utils.safestring import mark_safe
        from wagtail.models import Page

        request = context.get("request")
        page = context.get("page")
        if not isinstance(page, Page) or not page.pk or not page_cache.fragments_allowed(request):
            return self.nodelist.render(context)
        key = page_cache.fragment_key(request, page, self.name.resolve(context),
                                      [v.resolve(context) for v in self.vary])
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, str(html), page_cache.fragment_timeout())
        return mark_safe(html)


@register.tag
def cached_fragment(parser, token):
    """``{% cached_fragment "name" [vary ...] %}…{% endcached_fragment %}``: the part rendered once per
    version of the page's scopes, language, host and full path (cms.cache.fragment_key) and shared by
    anonymous visitors; the data it shows should be lazy (querysets, cached properties), so that a
    stored part costs no query. Rendered as it is for previews and signed-in users."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment takes a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]], nodelist)
