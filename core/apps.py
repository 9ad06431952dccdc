from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Plenary core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_guard, teams

        admin_guard.install()
        teams.connect()
        post_migrate.connect(teams.after_migrate, dispatch_uid="plenary_teams_after_migrate")
