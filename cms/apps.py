from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")
    # Django permissions answered from the summit teams (core.permissions.TeamBackend). Menus are
    # site-wide: the secretariat's. Page permissions come from the summit groups (core.teams).
    permission_actions = {
        "wagtail_localize.submit_translation": "pages.change",
    }

    def ready(self):
        from . import signals, teams

        signals.connect()
        teams.connect()

        from summits.copying import register_copier

        from .copying import copy_pages, undo_pages

        register_copier("cms", _("Copying the summit's pages in every language"), copy_pages, undo=undo_pages,
                        order=80)
