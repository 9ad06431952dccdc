"""Invalidate the page cache when content changes, scope by scope (see cms.cache).

A session, theme, room or speaker bumps its summit only; publishing a page bumps that page (and
its translations) and the listings of its ancestors; menus, page moves and deletions bump the site.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache


def connect():
    # Before the cache handler: the tree is repaired before anything reads it.
    page_published.connect(repair_numchild, dispatch_uid="cms-repair-numchild")
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"cms-cache-page-{id(signal)}")
    post_page_move.connect(cache.bump_site, dispatch_uid="cms-cache-move")
    post_delete.connect(_deleted, dispatch_uid="cms-cache-page-delete")

    from summits.models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme

    from .models import Menu, MenuItem

    handlers = {
        Summit: _summit_changed, Theme: _summit_field_changed, Room: _summit_field_changed,
        Session: _summit_field_changed, SessionSpeaker: _session_speaker_changed,
        Speaker: _speaker_changed, Organisation: _organisation_changed,
        Menu: cache.bump_site, MenuItem: cache.bump_site,
    }
    for model, handler in handlers.items():
        post_save.connect(handler, sender=model, dispatch_uid=f"cms-cache-save-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"cms-cache-delete-{model.__name__}")


def repair_numchild(sender, instance, **kwargs):
    """Keep a published page's ``numchild`` equal to its children in the database.

    Workaround for wagtail-localize #773 ("Translate → Include subtree"): the translated parent is
    published from a page object loaded before its translated children were added, and publishing saves
    that object's ``numchild`` (0). Treebeard then takes the page for a leaf: ``get_children()`` is
    empty, the admin explorer and menus lose the children. One count per publish puts it right.
    """
    from wagtail.models import Page

    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if actual != instance.numchild:
        Page.objects.filter(pk=instance.pk).update(numchild=actual)
        instance.numchild = actual


def _summit_changed(sender, instance, **kwargs):
    cache.bump(cache.summit_scope(instance.pk), cache.SUMMITS)


def _summit_field_changed(sender, instance, **kwargs):
    cache.bump(cache.summit_scope(instance.summit_id))


def _summits_of_sessions(session_ids):
    from summits.models import Session

    return Session.objects.filter(pk__in=session_ids).values_list("summit_id", flat=True).distinct()


def _session_speaker_changed(sender, instance, **kwargs):
    cache.bump(*(cache.summit_scope(pk) for pk in _summits_of_sessions([instance.session_id])))


def _speaker_changed(sender, instance, **kwargs):
    from summits.models import SessionSpeaker

    sessions = SessionSpeaker.objects.filter(speaker_id=instance.pk).values("session_id")
    cache.bump(*(cache.summit_scope(pk) for pk in _summits_of_sessions(sessions)))


def _organisation_changed(sender, instance, **kwargs):
    """An organisation is shown with its speakers: bump their summits (a new one shows nowhere yet)."""
    from summits.models import SessionSpeaker

    sessions = SessionSpeaker.objects.filter(speaker__organisation_id=instance.pk).values("session_id")
    cache.bump(*(cache.summit_scope(pk) for pk in _summits_of_sessions(sessions)))


def _page_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    from .models import MenuItem

    translations = Page.objects.filter(translation_key=instance.translation_key).values_list("pk", flat=True)
    step = Page.steplen
    ancestors = Page.objects.filter(
        path__in=[instance.path[:i] for i in range(step, len(instance.path), step)]
    ).values_list("pk", flat=True)
    scopes = [cache.page_scope(pk) for pk in translations] + [cache.children_scope(pk) for pk in ancestors]
    scopes.append(cache.LISTINGS)
    if MenuItem.objects.filter(link_page__translation_key=instance.translation_key).exists():
        scopes.append(cache.SITE)
    cache.bump(*scopes)


def _deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        cache.bump(cache.SITE)
