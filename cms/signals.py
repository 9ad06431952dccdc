"""Invalidate the page cache when content changes (see cms.cache)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(cache.bump, dispatch_uid=f"cms-cache-{id(signal)}")

    from summits.models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme

    from .models import Menu, MenuItem

    for model in (Summit, Theme, Room, Session, SessionSpeaker, Speaker, Organisation, Menu, MenuItem):
        post_save.connect(_changed, sender=model, dispatch_uid=f"cms-cache-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"cms-cache-delete-{model.__name__}")


def _changed(sender, **kwargs):
    cache.bump()
