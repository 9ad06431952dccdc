from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")
    # Permissions ("app_label.codename") the Organisers group receives; see summits.roles.
    organiser_permissions: list[str] = [
        "cms.add_menu",
        "cms.change_menu",
        "cms.delete_menu",
        "wagtail_localize.submit_translation",
    ]

    def ready(self):
        from . import signals

        signals.connect()
