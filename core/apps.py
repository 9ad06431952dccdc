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
        from .formatting import install_country_collation

        install_country_collation()
        teams.connect()
        post_migrate.connect(teams.after_migrate, dispatch_uid="plenary_teams_after_migrate")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="plenary_create_cache_table")


def create_cache_table(using="default", verbosity=1, **kwargs):
    """The default cache is Django's database cache (config/settings.py): every ``migrate`` (make
    migrate, deployments, the benchmarks) creates its table, so no separate step can be forgotten."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
