from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SummitsConfig(AppConfig):
    name = "summits"
    verbose_name = _("Summits")
    default_auto_field = "django.db.models.BigAutoField"
    # Permissions ("app_label.codename") the Organisers group receives; see summits.roles.
    organiser_permissions = [
        f"summits.{action}_{model}"
        for model in ("summit", "theme", "room", "session", "speaker", "organisation", "sessionspeaker")
        for action in ("add", "change", "delete", "view")
    ]

    def ready(self):
        from . import roles

        post_migrate.connect(roles.ensure_organiser_group_after_migrate, dispatch_uid="plenary_organisers_group")
