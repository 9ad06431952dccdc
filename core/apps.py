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
        from .formatting import install_country_collation

        install_country_collation()
        teams.connect()
        post_migrate.connect(teams.after_migrate, dispatch_uid="plenary_teams_after_migrate")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="plenary_create_cache_table")
        name_third_party_models()


# A few third-party models declare no verbose_name, so Django derives an untranslatable English one
# that the admin shows as is, e.g. on the group-permission screen ("Translation", "Simple
# translation", "Locale" above "Can submit translations"). The same English names, made translatable
# (issue #11). Setting _meta.verbosepgettext_lazy("admin model name", _plural) at ready() leaves Meta.original_attrs alone, so
# migrations see no change; a name the package sets itself one day is left alone.
MODEL_NAMES = {
    ("wagtail_localize", "TranslatableObject"): (
        pgettext_lazy("admin model name", "translatable object"),
        pgettext_lazy("admin model name", "translatable objects"),
    ),
    ("wagtail_localize", "TranslationSource"): (
        pgettext_lazy("admin model name", "translation source"),
        pgettext_lazy("admin model name", "translation sources"),
    ),
    ("wagtail_localize", "Translation"): (
        pgettext_lazy("admin model name", "translation"),
        pgettext_lazy("admin model name", "translations"),
    ),
    ("wagtail_localize", "TranslationLog"): (
        pgettext_lazy("admin model name", "translation log"),
        pgettext_lazy("admin model name", "translation logs"),
    ),
    ("wagtail_localize", "String"): (
        pgettext_lazy("admin model name", "string"),
        pgettext_lazy("admin model name", "strings"),
    ),
    ("wagtail_localize", "TranslationContext"): (
        pgettext_lazy("admin model name", "translation context"),
        pgettext_lazy("admin model name", "translation contexts"),
    ),
    ("wagtail_localize", "StringTranslation"): (
        pgettext_lazy("admin model name", "string translation"),
        pgettext_lazy("admin model name", "string translations"),
    ),
    ("wagtail_localize", "Template"): (
        pgettext_lazy("admin model name", "template"),
        pgettext_lazy("admin model name", "templates"),
    ),
    ("wagtail_localize", "SegmentOverride"): (
        pgettext_lazy("admin model name", "segment override"),
        pgettext_lazy("admin model name", "segment overrides"),
    ),
    ("wagtail_localize", "StringSegment"): (
        pgettext_lazy("admin model name", "string segment"),
        pgettext_lazy("admin model name", "string segments"),
    ),
    ("wagtail_localize", "TemplateSegment"): (
        pgettext_lazy("admin model name", "template segment"),
        pgettext_lazy("admin model name", "template segments"),
    ),
    ("wagtail_localize", "RelatedObjectSegment"): (
        pgettext_lazy("admin model name", "related object segment"),
        pgettext_lazy("admin model name", "related object segments"),
    ),
    ("wagtail_localize", "OverridableSegment"): (
        pgettext_lazy("admin model name", "overridable segment"),
        pgettext_lazy("admin model name", "overridable segments"),
    ),
    ("wagtail_localize", "LocaleSynchronization"): (
        pgettext_lazy("admin model name", "locale synchronization"),
        pgettext_lazy("admin model name", "locale synchronizations"),
    ),
    ("wagtailcore", "Locale"): (
        pgettext_lazy("admin model name", "locale"),
        pgettext_lazy("admin model name", "locales"),
    ),
    ("simple_translation", "SimpleTranslation"): (
        pgettext_lazy("admin model name", "simple translation"),
        pgettext_lazy("admin model name", "simple translations"),
    ),
}


def name_third_party_models():
    from django.apps import apps

    for (app_label, model_name), (singular, plural) in MODEL_NAMES.items():
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:  # the app is not installed
            continue
        if "verbose_name" not in model._meta.original_attrs:
            model._meta.verbose_name, model._meta.verbose_name_plural = singular, plural


def create_cache_table(using="default", verbosity=1, **kwargs):
    """The default cache is Django's database cache (config/settings.py): every ``migrate`` (make
    migrate, deployments, the benchmarks) creates its table, so no separate step can be forgotten."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
