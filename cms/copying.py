"""The public site's part of copying a summit to a new edition (summits.copying): the summit page and
every page under it, in every language, as drafts of the new edition.

Each language's copy keeps being a translation of the same page: the copies share new translation
keys, page for page, so "Translate" and the language switcher keep working in the new edition.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Page


def _free_slug(parent, slug):
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _title(summit, language_code, fallback):
    value = getattr(summit, f"title_{language_code.replace('-', '_')}", "") or ""
    return value or summit.title_en or summit.title or fallback


def copy_pages(ctx) -> dict:
    from .models import SummitPage

    # A new summit gets an empty draft page when it is created (cms.teams.create_summit_page): the copied
    # pages replace it.
    for made in SummitPage.objects.filter(summit=ctx.target):
        made.delete()
    pages = list(SummitPage.objects.filter(summit=ctx.source).select_related("locale"))
    pages.sort(key=lambda p: (p.locale.language_code != settings.LANGUAGE_CODE, p.locale_id))
    keys = {}  # translation key of a source page -> translation key of its copies
    copied = 0
    for page in pages:
        parent = page.get_parent()
        slug = ctx.target.slug if page.slug == ctx.source.slug else f"{page.slug}-{ctx.target.start_date.year}"
        title = _title(ctx.target, page.locale.language_code, page.title)
        copy = CopyPageAction(
            page, to=parent, recursive=True, keep_live=False, user=ctx.user, reset_translation_key=True,
            update_attrs={"slug": _free_slug(parent, slug), "title": title, "draft_title": title,
                          "summit": ctx.target, "seo_title": ""},
        ).execute(skip_permission_checks=True)
        old_tree = list(page.get_descendants(inclusive=True).order_by("path").only("pk", "translation_key"))
        new_tree = list(copy.get_descendants(inclusive=True).order_by("path").only("pk", "translation_key"))
        for old, new in zip(old_tree, new_tree):
            key = keys.setdefault(old.translation_key, new.translation_key)
            if new.translation_key != key:
                Page.objects.filter(pk=new.pk).update(translation_key=key)
        copied += len(new_tree)
    return {str(_("pages (drafts, every language)")): copied}


def undo_pages(target):
    from .models import SummitPage

    for page in SummitPage.objects.filter(summit=target):
        page.delete()
