"""Forms of the public registry: list filters, the submission form and the progress report form."""

import functools

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.text import MAX_ID
from summits.choices import OrganisationKind
from summits.models import Organisation, Summit, Theme
from summits.queries import public_summits

from .choices import ActivityStatus, CommitmentKind, DeliverableStatus, Lifecycle, Light, Verification
from .frameworks.vocabulary import CODE_RE
from .models import Coalition, Commitment, Deliverable, FrameworkTarget, ProgressReport
from .widgets import CountriesField, GroupedCheckboxes, country_choices, group_target_choices

SORTS = {
    "newest": ("-announced_on", "-pk"),
    "oldest": ("announced_on", "pk"),
    "amount": ("-amount_usd", "-pk"),
    "reported": ("-ref_date", "-pk"),
    "title": ("title_en", "pk"),
}


class FilterForm(forms.Form):
    """GET parameters of the registry list, exports and API (all optional; bad values are ignored)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    summit = forms.SlugField(label=_("Summit"), required=False)
    theme = forms.IntegerField(label=_("Theme"), required=False, min_value=1, max_value=MAX_ID)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "")] + CommitmentKind.choices)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    org_kind = forms.ChoiceField(label=_("Organisation kind"), required=False,
                                 choices=[("", "")] + OrganisationKind.choices)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "")] + ActivityStatus.choices)
    light = forms.ChoiceField(label=_("Follow-up"), required=False, choices=[("", "")] + Light.choices)
    lifecycle = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", "")] + Lifecycle.choices)
    verification = forms.ChoiceField(label=_("Verification"), required=False,
                                     choices=[("", "")] + Verification.choices)
    coalition = forms.SlugField(label=_("Coalition"), required=False)
    target = forms.CharField(label=_("Global goal or target"), required=False, max_length=100)
    organisation = forms.IntegerField(label=_("Organisation"), required=False, min_value=1, max_value=MAX_ID)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False,
        choices=[("newest", _("Newest first")), ("oldest", _("Oldest first")), ("amount", _("Largest amount")),
                 ("reported", _("Most recently reported")), ("title", _("Title"))],
    )

    FACETS = ("summit", "theme", "target", "kind", "country", "org_kind", "status", "light", "lifecycle",
              "verification")

    def clean_target(self):
        """A code of the vocabulary (GBF-T3, SDG-14, SDG-14.5, SDG-14.a), else a message saying what is wrong."""
        code = self.cleaned_data.get("target", "").strip()
        if not code:
            return code
        if not CODE_RE.match(code):
            raise forms.ValidationError(
                _("“%(code)s” is not the code of a global goal or target: write it like GBF-T3, SDG-14 or SDG-14.5."),
                code="invalid", params={"code": code})
        if not FrameworkTarget.objects.filter(code=code).exists():
            raise forms.ValidationError(
                _("There is no global goal or target “%(code)s”: the codes are listed at /api/v1/frameworks/."),
                code="unknown", params={"code": code})
        return code

    def target_error(self):
        """The message refusing a bad ``target`` filter, or None."""
        self.is_valid()
        return str(self.errors["target"][0]) if "target" in self.errors else None

    def values(self):
        """The valid filters as a dict (invalid ones dropped, so a bad link still shows a list)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        values = {}
        for name in self.fields:
            if name in self.errors:
                continue
            value = data.get(name)
            if value not in (None, ""):
                values[name] = value
        if "country" in values:
            values["country"] = values["country"].upper()
        return values


def language_suffix():
    return (translation.get_language() or "en").replace("-", "_")


# Currencies pledges are most often announced in come first; then every ISO 4217 currency in use.
COMMON_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NOK", "SEK", "DKK", "XOF", "XAF",
                     "BRL", "INR", "ZAR", "KES", "MXN", "COP", "IDR"]


@functools.lru_cache(maxsize=1)
def currencies_in_use():
    """ISO 4217 codes that are legal tender somewhere today (CLDR), without funds and precious metals."""
    import datetime as dt

    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    today = dt.date.today()
    codes = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, start_date=today, end_date=today, tender=True))
    return frozenset(code for code in codes if not code.startswith("X") or code in ("XOF", "XAF", "XCD", "XPF"))


def currency_choices():
    """(code, "USD – US dollar") in the visitor's language: the common ones, then all others by name."""
    from core import formatting

    def label(code):
        return f"{code} – {formatting.currency_name(code)}"

    others = sorted((code for code in currencies_in_use() if code not in COMMON_CURRENCIES),
                    key=lambda code: formatting.sort_key(formatting.currency_name(code)))
    return ([("", "—")] + [(code, label(code)) for code in COMMON_CURRENCIES]
            + [(code, label(code)) for code in others])


class SubmissionForm(forms.Form):
    """A commitment as an organisation submits it, in the visitor's language."""

    summit = forms.ModelChoiceField(label=_("Summit where it was announced"), queryset=Summit.objects.none())
    organisation_name = forms.CharField(label=_("Lead organisation"), max_length=255,
                                        help_text=_("The organisation accountable for the commitment."))
    organisation_kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices)
    organisation_country = forms.ChoiceField(label=_("Country of the organisation"), required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"),
                                     help_text=_("Progress report links are sent here. Never published."))
    coalition = forms.ModelChoiceField(label=_("Coalition"), queryset=Coalition.objects.all(), required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}))
    kind = forms.ChoiceField(label=_("Kind of commitment"), choices=CommitmentKind.choices)
    themes = forms.ModelMultipleChoiceField(label=_("Themes"), queryset=Theme.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    countries = CountriesField(label=_("Countries where it applies"),
                               help_text=_("Tick every country where the commitment is carried out."))
    primary_target = forms.ModelChoiceField(
        label=_("Primary global goal or target"), queryset=FrameworkTarget.objects.all(), required=False,
        help_text=_("The goal or target of the Global Biodiversity Framework or the SDGs it contributes to most."))
    secondary_targets = forms.ModelMultipleChoiceField(
        label=_("Other global goals or targets"), queryset=FrameworkTarget.objects.all(), required=False,
        widget=GroupedCheckboxes, help_text=_("Up to three."))
    amount = forms.DecimalField(label=_("Amount"), required=False, min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), required=False,
                                 help_text=_("The currency of the amount, as your organisation announced it."))
    is_new_money = forms.BooleanField(label=_("This is new money (not announced before)"), required=False,
                                      initial=True)
    start_date = forms.DateField(label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    place_name = forms.CharField(label=_("Place name"), max_length=200, required=False,
                                 help_text=_("Optional: the place where the commitment is carried out."))
    latitude = forms.DecimalField(label=_("Latitude"), required=False, max_digits=8, decimal_places=5,
                                  help_text=_("Optional, in decimal degrees from -90 (south) to 90 (north)."))
    longitude = forms.DecimalField(label=_("Longitude"), required=False, max_digits=8, decimal_places=5,
                                   help_text=_("Optional, in decimal degrees from -180 (west) to 180 (east)."))
    area_hectares = forms.DecimalField(label=_("Area (hectares)"), required=False, min_value=0, max_digits=14,
                                       decimal_places=2, help_text=_("Optional: the area the commitment covers."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        summits = public_summits()
        self.fields["summit"].queryset = summits
        self.fields["themes"].queryset = Theme.objects.filter(summit__in=summits).select_related("summit")
        self.fields["themes"].label_from_instance = lambda t: f"{t.title} ({t.summit.title})"
        self.fields["organisation_country"].choices = [("", "—")] + country_choices()
        self.fields["currency"].choices = currency_choices()
        group_target_choices(self.fields["primary_target"])
        group_target_choices(self.fields["secondary_targets"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        if cleaned.get("amount") is not None and not cleaned.get("currency"):
            self.add_error("currency", _("Give the currency of the amount."))
        from .services import alignment_errors, location_errors

        for field, message in location_errors(cleaned.get("latitude"), cleaned.get("longitude")).items():
            if field not in self.errors:
                self.add_error(field, message)
        for field, message in alignment_errors(cleaned.get("primary_target"),
                                               cleaned.get("secondary_targets")).items():
            self.add_error(field, message)
        summit = cleaned.get("summit")
        for theme in cleaned.get("themes") or []:
            if summit and theme.summit_id != summit.pk:
                self.add_error("themes", _("“%(theme)s” is a theme of another summit.") % {"theme": theme.title})
                break
        return cleaned

    def build(self):
        """Unsaved Commitment from the cleaned data; the text goes into the visitor's language column
        and into English (the fallback) until an organiser translates it."""
        data = self.cleaned_data
        from django.db.models import Q

        name = data["organisation_name"].strip()
        suffix = language_suffix()
        organisation = Organisation.objects.filter(
            Q(name_en__iexact=name) | Q(**{f"name_{suffix}__iexact": name})).first()
        if organisation is None:
            # The English column is the fallback every language shows until someone translates it.
            # Typed by an anonymous visitor: kept out of every public list until an organiser accepts it.
            organisation = Organisation(kind=data["organisation_kind"], country=data.get("organisation_country") or "",
                                        accepted=False)
            organisation.name_en = name
            setattr(organisation, f"name_{suffix}", name)
        commitment = Commitment(
            summit=data["summit"], coalition=data.get("coalition"), kind=data["kind"],
            countries=data.get("countries") or [], amount=data.get("amount"),
            currency=(data.get("currency") or "").upper(), is_new_money=data.get("is_new_money", False),
            start_date=data.get("start_date"), end_date=data.get("end_date"),
            contact_name=data["contact_name"], contact_email=data["contact_email"],
            contact_language=translation.get_language() or "en", original_language=translation.get_language() or "en",
            announced_on=data["summit"].start_date, primary_target=data.get("primary_target"),
            latitude=data.get("latitude"), longitude=data.get("longitude"), area_hectares=data.get("area_hectares"),
        )
        for field in ("title", "summary", "place_name"):
            if not data.get(field):
                continue
            setattr(commitment, f"{field}_{suffix}", data[field])
            if suffix != "en":
                setattr(commitment, f"{field}_en", data[field])
        return commitment, organisation


class DeliverableForm(forms.Form):
    title = forms.CharField(label=_("Deliverable"), max_length=300, required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    unit = forms.CharField(label=_("Indicator unit"), max_length=60, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), required=False, max_digits=18, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=18, decimal_places=2)

    def clean(self):
        cleaned = super().clean()
        has_other = any(cleaned.get(f) not in (None, "") for f in ("due_date", "unit", "baseline", "target"))
        if has_other and not cleaned.get("title"):
            self.add_error("title", _("Say what will be delivered."))
        return cleaned

    def build(self):
        if not self.cleaned_data.get("title"):
            return None
        suffix = language_suffix()
        deliverable = Deliverable(
            due_date=self.cleaned_data.get("due_date"),
            baseline=self.cleaned_data.get("baseline"), target=self.cleaned_data.get("target"),
        )
        # Written in the submitter's language; English needs a text too (the fallback of the others).
        unit = self.cleaned_data.get("unit") or ""
        deliverable.title_en, deliverable.unit_en = self.cleaned_data["title"], unit
        setattr(deliverable, f"title_{suffix}", self.cleaned_data["title"])
        setattr(deliverable, f"unit_{suffix}", unit)
        return deliverable


DeliverableFormSet = forms.formset_factory(DeliverableForm, extra=3, max_num=10)


class ReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["period_start", "period_end", "percent_complete", "disbursed", "evidence_links"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "evidence_links": forms.Textarea(attrs={"rows": 3}),
        }

    narrative = forms.CharField(label=_("What happened in this period"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, commitment, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        self.deliverables = list(commitment.deliverables.all())
        for deliverable in self.deliverables:
            self.fields[f"deliverable_{deliverable.pk}"] = forms.ChoiceField(
                label=deliverable.title, choices=DeliverableStatus.choices, initial=deliverable.status,
            )
            if deliverable.has_indicator:
                self.fields[f"deliverable_value_{deliverable.pk}"] = forms.DecimalField(
                    label=_("%(what)s: value reached at the end of the period") % {"what": deliverable.title}
                    + (f" ({deliverable.unit})" if deliverable.unit else ""),
                    required=False, max_digits=18, decimal_places=2)

    def clean_evidence_links(self):
        from django.core.validators import URLValidator

        value = self.cleaned_data.get("evidence_links", "")
        validator = URLValidator(schemes=["http", "https"])
        for line in value.splitlines():
            if line.strip():
                try:
                    validator(line.strip())
                except forms.ValidationError:
                    raise forms.ValidationError(
                        _("“%(line)s” is not a web address (https://…).") % {"line": line.strip()}
                    ) from None
        return value

    def deliverable_fields(self):
        fields = []
        for d in self.deliverables:
            fields.append(self[f"deliverable_{d.pk}"])
            if f"deliverable_value_{d.pk}" in self.fields:
                fields.append(self[f"deliverable_value_{d.pk}"])
        return fields

    def values(self):
        """{deliverable id: indicator value reached} for the values given."""
        return {d.pk: self.cleaned_data[f"deliverable_value_{d.pk}"] for d in self.deliverables
                if self.cleaned_data.get(f"deliverable_value_{d.pk}") is not None}

    def statuses(self):
        return {d.pk: self.cleaned_data.get(f"deliverable_{d.pk}") for d in self.deliverables}

    def build(self):
        report = self.save(commit=False)
        suffix = language_suffix()
        report.narrative_en = self.cleaned_data["narrative"]
        setattr(report, f"narrative_{suffix}", self.cleaned_data["narrative"])
        return report


LANGUAGE_NAMES = dict(settings.LANGUAGES)


class ResubmissionForm(forms.Form):
    """What a submitter may change when the reviewers send a commitment back: its text and figures."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 6}))
    kind = forms.ChoiceField(label=_("Kind of commitment"), choices=CommitmentKind.choices)
    amount = forms.DecimalField(label=_("Amount"), required=False, min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), required=False)
    start_date = forms.DateField(label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("A note for the reviewers (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, commitment, **kwargs):
        suffix = (commitment.original_language or "en").replace("-", "_")
        initial = {
            "title": getattr(commitment, f"title_{suffix}") or commitment.title_en,
            "summary": getattr(commitment, f"summary_{suffix}") or commitment.summary_en,
            "kind": commitment.kind, "amount": commitment.amount, "currency": commitment.currency,
            "start_date": commitment.start_date, "end_date": commitment.end_date,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["currency"].choices = currency_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        if cleaned.get("amount") is not None and not cleaned.get("currency"):
            self.add_error("currency", _("Give the currency of the amount."))
        return cleaned
