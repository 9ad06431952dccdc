"""Spreadsheet import of commitments (through core.importing: preview, row errors, all or nothing).

Columns: ``reference`` (optional; matches an existing commitment to update it), ``summit`` (slug),
``title_en``… ``summary_ru``, ``lead_organisation`` (English name of an existing organisation),
``kind``, ``status``, ``coalition`` (slug), ``themes`` (slugs of the summit's themes, comma-separated),
``countries`` (ISO codes, comma-separated), ``amount``, ``currency``, ``new_money``, dates as
YYYY-MM-DD, ``contact_*`` and ``review_state`` (``published`` puts it straight in the registry).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from import_export import fields, widgets

from summits.models import Organisation, Theme
from summits.resources import ChoiceWidget, PlenaryResource, SummitWidget, translated_columns

from .choices import ActivityStatus, CommitmentKind, ReviewState
from .models import Coalition, Commitment


class NamedWidget(widgets.ForeignKeyWidget):
    """A required or optional foreign key given by a natural key, with a clear message when unknown."""

    def __init__(self, model, field, required=False, **kwargs):
        self.required = required
        super().__init__(model, field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            if self.required:
                raise ValueError(_("This column is required."))
            return None
        obj = self.model.objects.filter(**{f"{self.field}__iexact": text}).first()
        if obj is None:
            raise ValueError(_("No %(model)s “%(value)s” exists; create it first.")
                             % {"model": self.model._meta.verbose_name, "value": text})
        return obj


class ThemesWidget(widgets.ManyToManyWidget):
    def __init__(self, **kwargs):
        super().__init__(Theme, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        slugs = [s.strip() for s in str(value or "").replace(";", ",").split(",") if s.strip()]
        if not slugs:
            return Theme.objects.none()
        summit_slug = str((row or {}).get("summit") or "").strip()
        found = Theme.objects.filter(summit__slug=summit_slug, slug__in=slugs)
        missing = sorted(set(slugs) - set(found.values_list("slug", flat=True)))
        if missing:
            raise ValueError(_("Unknown themes for summit “%(summit)s”: %(slugs)s.")
                             % {"summit": summit_slug, "slugs": ", ".join(missing)})
        return found


class CountriesWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        codes = [c.strip().upper() for c in str(value or "").replace(";", ",").split(",") if c.strip()]
        known = dict(countries)
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValueError(_("Unknown country codes: %(codes)s (use ISO codes such as FR, SN).")
                             % {"codes": ", ".join(unknown)})
        return codes

    def render(self, value, obj=None, **kwargs):
        return ", ".join(str(c.code) for c in value or [])


def _sets_review_state(commitment, original):
    """A new commitment in a state other than "submitted", or a changed state: a review decision."""
    if original is None:
        return commitment.review_state != ReviewState.SUBMITTED
    return commitment.review_state != original["review_state"]


class CommitmentResource(PlenaryResource):
    reference = fields.Field(attribute="reference", column_name="reference")
    summit = fields.Field(attribute="summit", column_name="summit", widget=SummitWidget())
    lead_organisation = fields.Field(attribute="lead_organisation", column_name="lead_organisation",
                                     widget=NamedWidget(Organisation, "name_en", required=True))
    kind = fields.Field(attribute="kind", column_name="kind", widget=ChoiceWidget(CommitmentKind))
    status = fields.Field(attribute="status", column_name="status", widget=ChoiceWidget(ActivityStatus))
    coalition = fields.Field(attribute="coalition", column_name="coalition", widget=NamedWidget(Coalition, "slug"))
    themes = fields.Field(attribute="themes", column_name="themes", widget=ThemesWidget())
    countries = fields.Field(attribute="countries", column_name="countries", widget=CountriesWidget())
    new_money = fields.Field(attribute="is_new_money", column_name="new_money", widget=widgets.BooleanWidget())
    review_state = fields.Field(attribute="review_state", column_name="review_state",
                                widget=ChoiceWidget(ReviewState))

    # Beyond the import's own right ("commitments.change" on the row's summit, which also guards the
    # contact email of a published commitment), a review decision needs the reviewer's.
    guarded_fields = (
        ("review_state", "commitments.review", _sets_review_state,
         gettext_lazy("Only a commitments reviewer of this summit may set a review state other than “submitted”.")),
    )

    class Meta:
        model = Commitment
        fields = [
            "reference", "summit", *translated_columns("title", "summary"), "lead_organisation", "kind", "status",
            "coalition", "themes", "countries", "amount", "currency", "new_money", "announced_on", "start_date",
            "end_date", "latitude", "longitude", "area_hectares", *translated_columns("place_name"), "contact_name", "contact_email", "contact_language", "review_state",
        ]
        export_order = fields
        import_id_fields = ["reference"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def get_instance(self, instance_loader, row):
        reference = str(row.get("reference") or "").strip()
        return Commitment.objects.filter(reference=reference).first() if reference else None

    def before_import(self, dataset, **kwargs):
        # "reference" may be left out for new commitments (it is generated).
        if "reference" not in dataset.headers:
            dataset.append_col([""] * len(dataset), header="reference")

    def before_import_row(self, row, **kwargs):
        for key in ("kind", "status", "review_state"):
            if key in row and not str(row.get(key) or "").strip():
                row[key] = {"kind": "", "status": ActivityStatus.IMPLEMENTATION,
                            "review_state": ReviewState.SUBMITTED}[key]
        if "currency" in row and row["currency"]:
            row["currency"] = str(row["currency"]).strip().upper()

    def before_save_instance(self, instance, row, **kwargs):
        if instance.review_state == ReviewState.PUBLISHED and not instance.published_at:
            instance.published_at = timezone.now()

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if not self._is_dry_run(kwargs):
            from .services import record_version

            record_version(instance, kwargs.get("user"))
