"""Feeds whose entries say their language when it is not the feed's (WCAG 3.1.2, for feeds).

A feed is in the visitor's language (``<language>`` in RSS, ``xml:lang`` on Atom's root: Django's
syndication framework sets both from the active language). A registry record without a text in that
language shows django-modeltranslation's English fallback: such an entry is marked ``xml:lang="en"``
in Atom and carries ``<dc:language>en</dc:language>`` in RSS. Feed classes give ``item_language(item)``.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

DC = "http://purl.org/dc/elements/1.1/"


class LanguageRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("language") and item["language"] != self.feed.get("language"):
            handler.addQuickElement("dc:language", item["language"])


class LanguageAtomFeed(Atom1Feed):
    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed.get("language"):
            attributes = {**attributes, "xml:lang": item["language"]}
        return attributes


class LanguageItemsMixin:
    """For django.contrib.syndication Feeds: passes ``item_language(item)`` to the generator."""

    feed_type = LanguageRssFeed

    def item_language(self, item):
        return None

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "language": self.item_language(item)}


def shown_language(obj, *fields):
    """The language of what ``obj`` shows for ``fields`` in the active language: the active one when
    it has its own text for the first field that has any, else the fallback's (English)."""
    from django.conf import settings
    from django.utils import translation

    active = translation.get_language() or settings.LANGUAGE_CODE
    suffix = active.replace("-", "_")
    for field in fields:
        if getattr(obj, f"{field}_{suffix}", None):
            return active
        if getattr(obj, f"{field}_en", None):
            return "en"
    return active
