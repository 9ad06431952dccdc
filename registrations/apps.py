from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")
    # Permissions ("app_label.codename") the Organisers group receives; see summits.roles.
    organiser_permissions: list[str] = []
