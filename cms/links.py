"""Links that keep the visitor in their language.

A page has one tree per locale. When the visitor's locale has no (live) translation of a page, the
link still points into the visitor's locale: to the deepest translated ancestor's address followed by
the default-language slugs of the rest; ``HomePage.route`` (``FallbackRouteMixin``) serves that
address with the default-language page and a "not yet translated" notice. So menus, footers, tags,
breadcrumbs and news lists never send a Spanish visitor to ``/en/...``.
"""

from wagtail.models import Locale


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _live_translation(page, locale):
    if page.locale_id == locale.pk:
        return page if page.live else None
    target = page.get_translation_or_none(locale)
    return target if target is not None and target.live else None


def url_in_locale(page, request=None, locale=None):
    """The address of ``page`` in ``locale`` (the active one by default), translated or not."""
    if page is None:
        return ""
    locale = locale or active_locale()
    if locale is None:
        return page.get_url(request) or ""
    target = _live_translation(page, locale)
    if target is not None:
        return target.get_url(request) or ""
    default = Locale.get_default()
    source = page if page.locale_id == default.pk else page.get_translation_or_none(default)
    if source is None or not source.live:
        return page.get_url(request) or ""
    # Walk up the default-language page until an ancestor exists in the visitor's locale.
    slugs = []
    node = source
    while node.depth > 1:
        translated = _live_translation(node, locale)
        if translated is not None:
            base = translated.get_url(request) or ""
            if not base:
                break
            return base + "".join(f"{slug}/" for slug in reversed(slugs))
        slugs.append(node.slug)
        node = node.get_parent()
    return source.get_url(request) or ""


def fallback_route(home, request, path_components):
    """Route ``path_components`` below ``home`` (a non-default locale's home): follow translated pages
    as far as they go, then the default locale's pages; returns the RouteResult or raises Http404."""
    from django.http import Http404

    default = Locale.get_default()
    if not path_components or home.locale_id == default.pk:
        raise Http404
    node = home
    rest = list(path_components)
    while rest:
        # Only live pages: a translation still being written (a draft) is not served; its address
        # shows the default-language page with the notice until the translation is published.
        child = node.get_children().live().filter(slug=rest[0]).first()
        if child is None:
            break
        node = child
        rest.pop(0)
    if not rest:
        raise Http404  # the page exists in this locale; its own route said 404
    source = node.get_translation_or_none(default)
    if source is None or not source.live:
        raise Http404
    request.plenary_fallback = default.language_code
    return source.specific.route(request, rest)


def news_in_locale(locale, limit=None, summit=None, tag=""):
    """News of ``locale``; news not translated into it are listed from the default locale, marked
    ``is_fallback`` (rather than hidden). Newest first."""
    from .models import NewsPage

    default = Locale.get_default()
    qs = NewsPage.objects.live().public()
    if summit is not None:
        qs = qs.filter(summit=summit)
    own = list(qs.filter(locale=locale).prefetch_related("tags"))
    items = list(own)
    if locale.pk != default.pk:
        keys = {page.translation_key for page in own}
        for page in qs.filter(locale=default).exclude(translation_key__in=keys).prefetch_related("tags"):
            page.is_fallback = True
            page.fallback_language = default.language_code
            items.append(page)
    for page in items:
        page.is_fallback = getattr(page, "is_fallback", False)
    if tag:
        items = [page for page in items if any(t.name == tag for t in page.tags.all())]
    items.sort(key=lambda p: (p.date, p.pk), reverse=True)
    return items[:limit] if limit else items

