"""Spreadsheet import/export (django-import-export) of the summit domain.

Columns use stable names (``summit`` is the summit's slug, ``title_fr`` the French title,
``start`` the local time in the summit's time zone) so an export can be edited and imported
back: rows are matched on their natural keys (summit + slug, summit + room name, organisation name).
"""

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import fields, resources, widgets

from core.importing import RowPermissionsMixin, WordedBooleanWidget

from .choices import LANGUAGE_CODES, OrganisationKind, SessionKind
from .models import Organisation, Room, Session, Summit, Theme

LANG_SUFFIXES = [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def translated_columns(*names):
    return [f"{name}_{suffix}" for name in names for suffix in LANG_SUFFIXES]


class ChoiceWidget(widgets.Widget):
    """Accepts a choice's code or its English label (any case); exports the code."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return ""
        lowered = text.lower()
        for code, label in self.choices.choices:
            if lowered in (str(code).lower(), str(label).lower()):
                return code
        allowed = ", ".join(str(code) for code in self.choices.values)
        raise ValueError(_("“%(value)s” is not a valid choice. Use one of: %(allowed)s.") % {"value": text, "allowed": allowed})

    def render(self, value, obj=None, **kwargs):
        return value or ""


class CountryWidget(widgets.Widget):
    """ISO 3166 two-letter code, or an English country name."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return ""
        if text.upper() in dict(countries):
            return text.upper()
        code = countries.by_name(text)
        if code:
            return code
        raise ValueError(_("“%(value)s” is not a known country (use a two-letter code such as FR).") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return str(value or "")


class LanguagesWidget(widgets.Widget):
    """Comma-separated language codes, e.g. ``en, fr``."""

    def clean(self, value, row=None, **kwargs):
        codes = [part.strip().lower() for part in str(value or "").replace(";", ",").split(",") if part.strip()]
        unknown = [code for code in codes if code not in LANGUAGE_CODES]
        if unknown:
            raise ValueError(
                _("Unknown language code: %(codes)s. Use: %(allowed)s.")
                % {"codes": ", ".join(unknown), "allowed": ", ".join(LANGUAGE_CODES)}
            )
        return codes

    def render(self, value, obj=None, **kwargs):
        return ", ".join(value or [])


class SummitWidget(widgets.ForeignKeyWidget):
    def __init__(self, **kwargs):
        super().__init__(Summit, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("The summit is required (its slug, e.g. %(example)s).") % {"example": "one-planet-biodiversity"})
        try:
            return Summit.objects.get(slug=text)
        except Summit.DoesNotExist:
            raise ValueError(_("No summit has the slug “%(value)s”.") % {"value": text}) from None


class InSummitWidget(widgets.ForeignKeyWidget):
    """A theme (by slug) or a room (by English name) of the row's own summit."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        summit_slug = str((row or {}).get("summit") or "").strip()
        try:
            return self.model.objects.get(summit__slug=summit_slug, **{self.field: text})
        except self.model.DoesNotExist:
            raise ValueError(
                _("“%(value)s” is not a %(model)s of the summit “%(summit)s”.")
                % {"value": text, "model": self.model._meta.verbose_name, "summit": summit_slug}
            ) from None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return getattr(value, self.field)


class LocalDateTimeWidget(widgets.Widget):
    """``YYYY-MM-DD HH:MM`` in the time zone of the row's summit."""

    FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError(_("A date and time is required (YYYY-MM-DD HH:MM, local time of the summit)."))
        if isinstance(value, datetime):
            naive = value.replace(tzinfo=None)
        else:
            text = str(value).strip()
            naive = None
            for fmt in self.FORMATS:
                try:
                    naive = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
            if naive is None:
                raise ValueError(_("“%(value)s” is not a date and time (YYYY-MM-DD HH:MM).") % {"value": text})
        summit = Summit.objects.filter(slug=str((row or {}).get("summit") or "").strip()).first()
        tz = summit.tz if summit else timezone.get_default_timezone()
        return timezone.make_aware(naive, tz)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        tz = obj.summit.tz if obj is not None and getattr(obj, "summit_id", None) else timezone.get_default_timezone()
        return timezone.localtime(value, tz).strftime("%Y-%m-%d %H:%M")


class PlenaryResource(RowPermissionsMixin, resources.ModelResource):
    """All-or-nothing imports that validate each row with the model's own rules and authorise it
    against its summit (core.importing.RowPermissionsMixin)."""

    # Yes/no columns read strictly, in any of the six languages (core.importing.WordedBooleanWidget).
    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "BooleanField": WordedBooleanWidget,
                   "NullBooleanField": WordedBooleanWidget}

    class Meta:
        abstract = True

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        try:
            return super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)
        except (TypeError, ArithmeticError) as exc:  # e.g. "abc" in a number column
            raise ValueError(str(exc)) from exc


def _meta(model, fields_, import_id_fields):
    return type(
        "Meta",
        (),
        {
            "model": model,
            "fields": fields_,
            "export_order": fields_,
            "import_id_fields": import_id_fields,
            "clean_model_instances": True,
            "skip_unchanged": True,
            "report_skipped": True,
            "use_transactions": True,
        },
    )


class OrganisationResource(PlenaryResource):
    kind = fields.Field(attribute="kind", column_name="kind", widget=ChoiceWidget(OrganisationKind))
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())

    name = fields.Field(attribute="name_en", column_name="name")

    Meta = _meta(
        Organisation, ["name", *translated_columns("name")[1:], "acronym", "kind", "country", "website"], ["name"]
    )

    def get_instance(self, instance_loader, row):
        name = str(row.get("name") or "").strip()
        return Organisation.objects.filter(name_en=name).first() if name else None


class ThemeResource(PlenaryResource):
    summit = fields.Field(attribute="summit", column_name="summit", widget=SummitWidget())

    Meta = _meta(
        Theme,
        ["summit", "slug", *translated_columns("title", "description"), "colour", "sort_order"],
        ["summit", "slug"],
    )

    def get_instance(self, instance_loader, row):
        summit_slug = str(row.get("summit") or "").strip()
        slug = str(row.get("slug") or "").strip()
        return Theme.objects.filter(summit__slug=summit_slug, slug=slug).first() if slug else None


class RoomResource(PlenaryResource):
    summit = fields.Field(attribute="summit", column_name="summit", widget=SummitWidget())
    name = fields.Field(attribute="name_en", column_name="name")

    Meta = _meta(
        Room,
        ["summit", "name", *translated_columns("name")[1:], *translated_columns("location"), "capacity", "accessible"],
        ["summit", "name"],
    )

    def get_instance(self, instance_loader, row):
        summit_slug = str(row.get("summit") or "").strip()
        name = str(row.get("name") or "").strip()
        return Room.objects.filter(summit__slug=summit_slug, name_en=name).first()


class SessionResource(PlenaryResource):
    summit = fields.Field(attribute="summit", column_name="summit", widget=SummitWidget())
    kind = fields.Field(attribute="kind", column_name="kind", widget=ChoiceWidget(SessionKind))
    theme = fields.Field(attribute="theme", column_name="theme", widget=InSummitWidget(Theme, field="slug"))
    room = fields.Field(attribute="room", column_name="room", widget=InSummitWidget(Room, field="name_en"))
    start = fields.Field(attribute="start", column_name="start", widget=LocalDateTimeWidget())
    end = fields.Field(attribute="end", column_name="end", widget=LocalDateTimeWidget())
    languages = fields.Field(attribute="languages", column_name="languages", widget=LanguagesWidget())

    Meta = _meta(
        Session,
        [
            "summit", "slug", *translated_columns("title", "description"), "kind", "theme", "room",
            "start", "end", "capacity", "languages", "is_published",
        ],
        ["summit", "slug"],
    )

    def get_instance(self, instance_loader, row):
        summit_slug = str(row.get("summit") or "").strip()
        slug = str(row.get("slug") or "").strip()
        if not slug:
            return None
        return Session.objects.filter(summit__slug=summit_slug, slug=slug).first()
