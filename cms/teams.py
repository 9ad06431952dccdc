"""A summit's team edits its pages: the summit page in every language and everything below it.

core.teams keeps the summit's editing group; this module tells it which pages are the summit's
(its SummitPage in each locale) and re-syncs when such a page is created or moved.
"""

from django.db import transaction
from django.db.models.signals import post_save

from core import teams


def summit_page_roots(summit):
    from .models import SummitPage

    return SummitPage.objects.filter(summit=summit)


def _summit_page_saved(sender, instance, created, **kwargs):
    if created and instance.summit_id:
        summit_id = instance.summit_id
        transaction.on_commit(lambda: teams.sync(summit_id))


def connect():
    from .models import SummitPage

    teams.register_page_roots(summit_page_roots)
    post_save.connect(_summit_page_saved, sender=SummitPage, dispatch_uid="cms_summit_page_team")
