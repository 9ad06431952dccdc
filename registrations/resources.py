"""Spreadsheet import (e.g. a delegation list) and export of registrations.

Import columns: summit (slug), category (slug), reference (empty for new rows; to update details),
status (pending/approved/waitlisted, or empty to let the category decide), the personal fields.
Quotas and the summit's capacity are checked row by row, and the whole file is refused if any
row is wrong. Exports escape cells that a spreadsheet would run as a formula.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, widgets

from core.importing import WordedBooleanWidget
from core.spreadsheets import csv_bytes, xlsx_bytes
from summits.choices import LANGUAGE_CODES
from summits.models import Organisation
from summits.resources import ChoiceWidget, CountryWidget, PlenaryResource, SummitWidget

from .choices import HOLDS_PLACE, EmailKind, RegistrationStatus
from .models import Registration, RegistrationCategory

IMPORT_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)


class CategoryWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        summit_slug = str((row or {}).get("summit") or "").strip()
        if not text:
            raise ValueError(_("The category is required (its slug)."))
        category = RegistrationCategory.objects.filter(summit__slug=summit_slug, slug=text).first()
        if category is None:
            raise ValueError(_("“%(value)s” is not a category of the summit “%(summit)s”.") % {"value": text, "summit": summit_slug})
        return category

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class OrganisationWidget(widgets.Widget):
    """An existing organisation by name or acronym; anything else is kept as typed text."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        return Organisation.objects.filter(Q(name_en__iexact=text) | Q(acronym__iexact=text)).first()

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class LanguageWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower().replace("_", "-")
        if not text:
            return "en"
        if text not in LANGUAGE_CODES:
            raise ValueError(_("Unknown language code “%(value)s”. Use: %(allowed)s.") % {"value": text, "allowed": ", ".join(LANGUAGE_CODES)})
        return text


class RegistrationResource(PlenaryResource):
    summit = fields.Field(attribute="summit", column_name="summit", widget=SummitWidget())
    category = fields.Field(attribute="category", column_name="category", widget=CategoryWidget())
    status = fields.Field(attribute="status", column_name="status", widget=ChoiceWidget(RegistrationStatus))
    organisation = fields.Field(attribute="organisation", column_name="organisation", widget=OrganisationWidget())
    nationality = fields.Field(attribute="nationality", column_name="nationality", widget=CountryWidget())
    preferred_language = fields.Field(attribute="preferred_language", column_name="preferred_language", widget=LanguageWidget())
    needs_letter = fields.Field(attribute="needs_letter", column_name="needs_letter", widget=WordedBooleanWidget())
    list_publicly = fields.Field(attribute="list_publicly", column_name="list_publicly", widget=WordedBooleanWidget())
    passport_expiry = fields.Field(attribute="passport_expiry", column_name="passport_expiry", widget=widgets.DateWidget("%Y-%m-%d"))
    date_of_birth = fields.Field(attribute="date_of_birth", column_name="date_of_birth", widget=widgets.DateWidget("%Y-%m-%d"))

    class Meta:
        model = Registration
        fields = [
            "summit", "category", "reference", "status", "honorific", "given_name", "family_name", "name_order", "email",
            "organisation", "organisation_name", "position", "nationality", "phone", "preferred_language",
            "accessibility_needs", "dietary_needs", "needs_letter", "passport_number", "passport_expiry",
            "date_of_birth", "list_publicly",
        ]
        export_order = fields
        import_id_fields = ["reference"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def before_import(self, dataset, **kwargs):
        if "reference" not in dataset.headers:  # a list of new people needs no reference column
            dataset.append_col([""] * len(dataset), header="reference")

    def get_instance(self, instance_loader, row):
        reference = str(row.get("reference") or "").strip().upper()
        if not reference:
            return None
        instance = Registration.objects.filter(reference=reference).first()
        if instance is None:
            raise ValidationError({"reference": _("No registration has the reference %(reference)s; leave it empty to create one.") % {"reference": reference}})
        return instance

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute == "reference":
            return  # references are drawn by Plenary, never imported
        if field.attribute == "status" and instance.pk:
            wanted = str(row.get("status") or "").strip()
            if wanted and wanted.lower() != instance.status:
                raise ValidationError({"status": _("Change a status from the list of participants (it is recorded and emailed), not by import.")})
            return
        return super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        summit = instance.summit if instance.summit_id else None
        if not instance.email:
            errors.setdefault("email", [_("The email address is required.")])
        if summit is not None and instance.email:
            clash = Registration.objects.filter(summit=summit, email__iexact=instance.email.strip(), anonymised_at__isnull=True)
            if instance.pk:
                clash = clash.exclude(pk=instance.pk)
            if clash.exists():
                errors.setdefault("email", [_("%(email)s is already registered for this summit.") % {"email": instance.email}])
        if instance.needs_letter and not (instance.passport_number and instance.passport_expiry and instance.date_of_birth):
            errors.setdefault("passport_number", [_("A visa letter needs the passport number, its expiry date and the date of birth.")])
        if not instance.organisation_id and not instance.organisation_name and instance.category_id and instance.category.requires_organisation:
            errors.setdefault("organisation_name", [_("This category requires an organisation.")])
        if instance.pk is None and summit is not None and instance.category_id and "category" not in errors:
            self._decide_status(instance, summit, errors)
        if not instance.status:  # undecided because the row is wrong elsewhere: report that error only
            instance.status = RegistrationStatus.PENDING
        super().validate_instance(instance, errors or None, validate_unique=False)

    def _decide_status(self, instance, summit, errors):
        from .services import _lock, _placed_status, has_room

        summit_locked, category = _lock(summit.pk, instance.category_id)
        wanted = instance.status if instance.status and self._status_given else ""
        if wanted and wanted not in IMPORT_STATUSES:
            errors["status"] = [_("New registrations can only be pending, approved or waitlisted.")]
            return
        room = has_room(summit_locked, category)
        if wanted in HOLDS_PLACE and not room:
            errors["status"] = [_("“%(category)s” is full: no place left for this row.") % {"category": category.name}]
            return
        instance.status = wanted or (_placed_status(category) if room else RegistrationStatus.WAITLISTED)

    def before_import_row(self, row, **kwargs):
        self._status_given = bool(str(row.get("status") or "").strip())
        for key in ("given_name", "family_name", "email"):
            if key in row and row[key] is not None:
                row[key] = str(row[key]).strip()

    def before_save_instance(self, instance, row, **kwargs):
        from .services import _unique_reference

        if not instance.reference:
            instance.reference = _unique_reference(instance.summit)
            instance.consent_privacy = False  # imported by organisers: the participant has not consented yet

    def after_save_instance(self, instance, row, **kwargs):
        from .services import _audit, _queue_email

        new = instance.reference and not any(True for _a in instance.audit.all()[:1])
        _audit(instance, "import", "" if new else instance.status, instance.status, self.plenary_user)
        if new and not kwargs.get("dry_run"):
            _queue_email(instance.pk, EmailKind.RECEIVED)


# --- Export -------------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    ("reference", lambda r: r.reference),
    ("summit", lambda r: r.summit.slug),
    ("category", lambda r: r.category.slug),
    ("status", lambda r: r.status),
    ("honorific", lambda r: r.honorific),
    ("given_name", lambda r: r.given_name),
    ("family_name", lambda r: r.family_name),
    ("email", lambda r: r.email),
    ("organisation", lambda r: r.organisation_display),
    ("organisation_kind", lambda r: r.organisation.kind if r.organisation_id else ""),
    ("position", lambda r: r.position),
    ("nationality", lambda r: str(r.nationality or "")),
    ("phone", lambda r: r.phone),
    ("preferred_language", lambda r: r.preferred_language),
    ("accessibility_needs", lambda r: r.accessibility_needs),
    ("dietary_needs", lambda r: r.dietary_needs),
    ("needs_letter", lambda r: "yes" if r.needs_letter else "no"),
    ("list_publicly", lambda r: "yes" if r.list_publicly else "no"),
    ("accepts_updates", lambda r: "yes" if r.accepts_updates else "no"),
    ("checked_in_at", lambda r: r.checked_in_at.strftime("%Y-%m-%d %H:%M") if r.checked_in_at else ""),
    ("registered_at", lambda r: r.created_at.strftime("%Y-%m-%d %H:%M")),
]

def export_rows(queryset):
    yield [name for name, _getter in EXPORT_COLUMNS]
    for registration in queryset.iterator(chunk_size=500) if not queryset._prefetch_related_lookups else queryset:
        yield [getter(registration) for _name, getter in EXPORT_COLUMNS]


def export_csv(queryset):
    return csv_bytes(export_rows(queryset))


def export_xlsx(queryset):
    return xlsx_bytes(export_rows(queryset), sheet_title="registrations")
