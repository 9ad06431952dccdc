"""A summit's team edits its pages: the summit page in every language and everything below it.

core.teams keeps the summit's editing group; this module tells it which pages are the summit's
(its SummitPage in each locale) and re-syncs when such a page is created or moved.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save

from core import teams

logger = logging.getLogger(__name__)


def summit_page_roots(summit):
    from .models import SummitPage

    return SummitPage.objects.filter(summit=summit)


def create_summit_page(summit, by=None):
    """A new summit's page: a draft in the default language under its home page, for its content editors
    to write (nothing is public until they publish it). Nothing happens without a home page, or if the
    summit already has its page."""
    from wagtail.models import Locale

    from .models import HomePage, SummitPage

    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None or SummitPage.objects.filter(summit=summit, locale=home.locale).exists():
        return None
    slug, number = summit.slug, 1
    while home.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{summit.slug}-{number}"
    owner = by if getattr(by, "pk", None) else None
    page = SummitPage(title=summit.title_en or summit.title, slug=slug, summit=summit, live=False, owner=owner)
    home.add_child(instance=page)
    page.save_revision(user=owner)
    logger.info("summit %s: draft summit page %s created", summit.pk, page.pk)
    return page


def _summit_page_saved(sender, instance, created, **kwargs):
    if created and instance.summit_id:
        summit_id = instance.summit_id
        transaction.on_commit(lambda: teams.sync(summit_id))


def connect():
    from summits.services import on_summit_created

    from .models import SummitPage

    teams.register_page_roots(summit_page_roots)
    on_summit_created(create_summit_page)
    post_save.connect(_summit_page_saved, sender=SummitPage, dispatch_uid="cms_summit_page_team")
