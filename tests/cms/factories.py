"""Page tree helpers for the public site's tests (Wagtail pages need a parent, so these are functions)."""

import datetime as dt
import json

from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.models import HomePage, Menu, MenuItem, NewsIndexPage, NewsPage, StandardPage, SummitPage


def locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home_page(title="Home", **fields):
    """An English HomePage made the default site's root (replacing Wagtail's welcome page)."""
    locs = locales()
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug="home-en", locale=locs["en"], **fields)
    root.add_child(instance=home)
    publish(home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def translate(page, code, **fields):
    """A published translation of ``page`` (Wagtail's copy for translation, as the admin does)."""
    locale = locales()[code]
    copy = page.get_translation_or_none(locale) or page.copy_for_translation(locale)
    copy = copy.specific
    for name, value in fields.items():
        setattr(copy, name, value)
    return publish(copy)


def summit_page(home, summit, title=None, **fields):
    page = SummitPage(title=title or summit.title, slug=summit.slug, summit=summit, **fields)
    home.add_child(instance=page)
    return publish(page)


def standard_page(parent, title="About", slug="about", **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def news_index(home, title="News", slug="news"):
    page = NewsIndexPage(title=title, slug=slug)
    home.add_child(instance=page)
    return publish(page)


def news_page(index, title="Summit opens", slug=None, date=dt.date(2030, 1, 5), intro="A summary.", **fields):
    page = NewsPage(title=title, slug=slug or title.lower().replace(" ", "-"), date=date, intro=intro, **fields)
    index.add_child(instance=page)
    return publish(page)


def menu(code, handle="main", links=()):
    """A menu in one language; links are (label, page) or (label, "https://…")."""
    locale = locales()[code]
    item_menu, _ = Menu.objects.get_or_create(handle=handle, locale=locale)
    for order, (label, target) in enumerate(links):
        if isinstance(target, str):
            MenuItem.objects.create(menu=item_menu, label=label, link_url=target, sort_order=order)
        else:
            MenuItem.objects.create(menu=item_menu, label=label, link_page=target, sort_order=order)
    return item_menu


def body(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])
