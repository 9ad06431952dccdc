from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = _("Announced commitments")
    # Permissions ("app_label.codename") the Organisers group receives; see summits.roles.
    organiser_permissions: list[str] = []
