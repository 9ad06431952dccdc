from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Plenary core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_guard, teams

        admin_guard.install()
        teams.connect()
        post_migrate.connect(teams.after_migrate, dispatch_uid="plenary_teams_after_migrate")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="plenary_create_cache_table")
        name_wagtail_localize_models()


# wagtail-localize's models declare no verbose_name, so Django derives an untranslatable English one
# ("translation") that the admin shows as is, e.g. on the group-permission screen ("Translation |
# Can submit translations"). The same English names, made translatable (issue #11). Setting
# _meta.verbose_name(_plural) at ready() leaves Meta.original_attrs alone, so migrations see no change.
WAGTAIL_LOCALIZE_NAMES = {
    "TranslatableObject": (
        pgettext_lazy("wagtail-localize model", "translatable object"),
        pgettext_lazy("wagtail-localize model", "translatable objects"),
    ),
    "TranslationSource": (
        pgettext_lazy("wagtail-localize model", "translation source"),
        pgettext_lazy("wagtail-localize model", "translation sources"),
    ),
    "Translation": (
        pgettext_lazy("wagtail-localize model", "translation"),
        pgettext_lazy("wagtail-localize model", "translations"),
    ),
    "TranslationLog": (
        pgettext_lazy("wagtail-localize model", "translation log"),
        pgettext_lazy("wagtail-localize model", "translation logs"),
    ),
    "String": (
        pgettext_lazy("wagtail-localize model", "string"),
        pgettext_lazy("wagtail-localize model", "strings"),
    ),
    "TranslationContext": (
        pgettext_lazy("wagtail-localize model", "translation context"),
        pgettext_lazy("wagtail-localize model", "translation contexts"),
    ),
    "StringTranslation": (
        pgettext_lazy("wagtail-localize model", "string translation"),
        pgettext_lazy("wagtail-localize model", "string translations"),
    ),
    "Template": (
        pgettext_lazy("wagtail-localize model", "template"),
        pgettext_lazy("wagtail-localize model", "templates"),
    ),
    "SegmentOverride": (
        pgettext_lazy("wagtail-localize model", "segment override"),
        pgettext_lazy("wagtail-localize model", "segment overrides"),
    ),
    "StringSegment": (
        pgettext_lazy("wagtail-localize model", "string segment"),
        pgettext_lazy("wagtail-localize model", "string segments"),
    ),
    "TemplateSegment": (
        pgettext_lazy("wagtail-localize model", "template segment"),
        pgettext_lazy("wagtail-localize model", "template segments"),
    ),
    "RelatedObjectSegment": (
        pgettext_lazy("wagtail-localize model", "related object segment"),
        pgettext_lazy("wagtail-localize model", "related object segments"),
    ),
    "OverridableSegment": (
        pgettext_lazy("wagtail-localize model", "overridable segment"),
        pgettext_lazy("wagtail-localize model", "overridable segments"),
    ),
    "LocaleSynchronization": (
        pgettext_lazy("wagtail-localize model", "locale synchronization"),
        pgettext_lazy("wagtail-localize model", "locale synchronizations"),
    ),
}


def name_wagtail_localize_models():
    from django.apps import apps

    if not apps.is_installed("wagtail_localize"):
        return
    for model in apps.get_app_config("wagtail_localize").get_models():
        names = WAGTAIL_LOCALIZE_NAMES.get(model.__name__)
        # Only where wagtail-localize still derives the name: one it sets itself is left alone.
        if names and "verbose_name" not in model._meta.original_attrs:
            model._meta.verbose_name, model._meta.verbose_name_plural = names


def create_cache_table(using="default", verbosity=1, **kwargs):
    """The default cache is Django's database cache (config/settings.py): every ``migrate`` (make
    migrate, deployments, the benchmarks) creates its table, so no separate step can be forgotten."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
