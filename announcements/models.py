"""Announced commitments: coalitions, commitments, deliverables, progress reports and their history.

Publication and review go through ``announcements.services``; models only hold data and the
small invariants (reference, USD equivalent, dates in order).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, Value, When
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from summits.choices import LANGUAGE_CODES, language_choices
from summits.models import Organisation, Session, Summit, Theme

from .choices import (
    ENDED_LIFECYCLES, ActivityStatus, CommitmentKind, DeliverableStatus, Framework, FrameworkLevel, Lifecycle, Light,
    PartnerRole,
    ReminderStage, ReportState, ReviewState, Verification,
)

currency_code = RegexValidator(r"^[A-Z]{3}$", _("Enter an ISO 4217 currency code such as USD or EUR."))

GREEN_DAYS = 365  # reported within the last 12 months
AMBER_DAYS = 730  # last report 12–24 months ago; beyond: inactive
REPORT_INTERVAL_DAYS = 365  # a progress report is due a year after the last one


class Coalition(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    leads = models.ManyToManyField(Organisation, verbose_name=_("leads"), blank=True, related_name="led_coalitions")
    members = models.ManyToManyField(
        Organisation, verbose_name=_("members"), blank=True, related_name="coalitions"
    )
    member_countries = CountryField(_("member countries"), multiple=True, blank=True)
    # Who is told when a member's commitment stays without a report (never published).
    lead_contact_email = models.EmailField(
        _("coalition lead contact email"), blank=True,
        help_text=_("Told when a commitment of the coalition has not reported after three reminders. Never published."))
    lead_contact_language = models.CharField(
        _("coalition lead contact language"), max_length=10, choices=language_choices, default="en")

    class Meta:
        ordering = ["name"]
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name_en or self.name)[:100]
        super().save(*args, **kwargs)


class ExchangeRate(models.Model):
    """Organiser-maintained rate table: 1 unit of currency = usd_per_unit US dollars from valid_from."""

    currency = models.CharField(_("currency"), max_length=3, validators=[currency_code])
    valid_from = models.DateField(_("valid from"))
    usd_per_unit = models.DecimalField(_("US dollars per unit"), max_digits=18, decimal_places=8)

    class Meta:
        ordering = ["currency", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["currency", "valid_from"], name="rate_unique_per_day")]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self):
        return f"{self.currency} {self.valid_from}: {self.usd_per_unit} USD"

    @classmethod
    def usd(cls, amount, currency, on):
        """USD equivalent of amount on a date, or None when the table has no rate yet."""
        if amount is None or not currency:
            return None
        if currency == "USD":
            return Decimal(amount).quantize(Decimal("0.01"))
        rate = cls.objects.filter(currency=currency, valid_from__lte=on).order_by("-valid_from").first()
        if rate is None:
            return None
        return (Decimal(amount) * rate.usd_per_unit).quantize(Decimal("0.01"))


class FrameworkTarget(models.Model):
    """A goal or target of a global framework (GBF, SDGs): the vocabulary commitments align to.

    The rows come from ``announcements/frameworks/vocabulary.py`` (synchronised after every migrate);
    organisers only map their summit's themes to them.
    """

    code = models.CharField(_("code"), max_length=20, unique=True)
    framework = models.CharField(_("framework"), max_length=10, choices=Framework.choices)
    level = models.CharField(_("level"), max_length=10, choices=FrameworkLevel.choices)
    number = models.CharField(_("number"), max_length=10)
    label = models.CharField(_("label"), max_length=255)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    parent = models.ForeignKey(
        "self", verbose_name=_("goal"), null=True, blank=True, on_delete=models.CASCADE, related_name="targets",
        help_text=_("The goal an SDG target belongs to (SDG 14 for target 14.5)."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="framework_targets",
        help_text=_("Summit themes that work towards this goal or target."),
    )

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("framework goal or target")
        verbose_name_plural = _("framework goals and targets")

    def __str__(self):
        return f"{self.short_label} – {self.label}"

    @property
    def short_label(self):
        """“GBF target 3”, “GBF goal A”, “SDG 14”, “SDG target 14.5” in the active language."""
        if self.framework == Framework.SDG:
            if self.level == FrameworkLevel.TARGET:
                return _("SDG target %(number)s") % {"number": self.number}
            return _("SDG %(number)s") % {"number": self.number}
        if self.level == FrameworkLevel.GOAL:
            return _("GBF goal %(number)s") % {"number": self.number}
        return _("GBF target %(number)s") % {"number": self.number}

    @property
    def framework_kind(self):
        return f"{self.framework}_{self.level}"

    @property
    def iati_code(self):
        """The code in IATI's SDG vocabularies (sector 7 / tag 2: goal "14"; sector 8 / tag 3: target "14.5")."""
        return self.number


class CommitmentQuerySet(models.QuerySet):
    def with_reference_date(self):
        """The date the follow-up light counts from: the last report, else the later of the
        announcement and the publication (a commitment published today for a 2021 summit starts green)."""
        started = Greatest("announced_on", Coalesce(TruncDate("published_at"), "announced_on"))
        return self.annotate(ref_date=Coalesce("last_reported_on", started))

    def with_light(self, today=None):
        today = today or timezone.localdate()
        return self.with_reference_date().annotate(
            light=Case(
                When(lifecycle__in=ENDED_LIFECYCLES, then=Value(Light.ENDED.value)),
                When(ref_date__gte=today - dt.timedelta(days=GREEN_DAYS), then=Value(Light.GREEN.value)),
                When(ref_date__gte=today - dt.timedelta(days=AMBER_DAYS), then=Value(Light.AMBER.value)),
                default=Value(Light.RED.value),
                output_field=models.CharField(),
            )
        )



class Commitment(ClusterableModel):
    objects = CommitmentQuerySet.as_manager()

    reference = models.CharField(_("reference"), max_length=40, unique=True, blank=True)
    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.PROTECT, related_name="commitments")
    session = models.ForeignKey(
        Session, verbose_name=_("announced at session"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="commitments",
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=10, choices=language_choices, default="en"
    )
    lead_organisation = models.ForeignKey(
        Organisation, verbose_name=_("lead organisation"), on_delete=models.PROTECT, related_name="led_commitments",
        help_text=_("The organisation accountable for the commitment."),
    )
    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="commitments",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CommitmentKind.choices)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="commitments")
    # Alignment to global frameworks: one primary goal or target and up to three secondary ones
    # (services.set_alignment() checks the rule). Totals "towards a target" count the primary only.
    primary_target = models.ForeignKey(
        FrameworkTarget, verbose_name=_("primary target"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="primary_commitments",
        help_text=_("The GBF or SDG goal or target the commitment contributes to most."),
    )
    secondary_targets = models.ManyToManyField(
        FrameworkTarget, verbose_name=_("secondary targets"), blank=True, related_name="secondary_commitments",
        help_text=_("Up to three other goals or targets."),
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, blank=True, validators=[currency_code])
    amount_usd = models.DecimalField(
        _("amount in US dollars"), max_digits=18, decimal_places=2, null=True, blank=True, editable=False,
        help_text=_("Computed from the exchange rate table at the announcement date."),
    )
    is_new_money = models.BooleanField(
        _("new money"), default=True, help_text=_("Untick when the money was already announced elsewhere.")
    )
    # Where the commitment applies on the ground (optional): a point (both coordinates or neither,
    # WGS 84 decimal degrees, checked by services.location_errors()), an area and a place name.
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, from -90 (south) to 90 (north), e.g. 14.69."))
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, from -180 (west) to 180 (east), e.g. -17.44."))
    area_hectares = models.DecimalField(
        _("area (hectares)"), max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)], help_text=_("The area the commitment covers, if it has one."))
    place_name = models.CharField(_("place name"), max_length=200, blank=True,
                                  help_text=_("The place the coordinates point to, e.g. Ferlo, Senegal."))
    announced_on = models.DateField(_("announced on"), default=dt.date.today)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("activity status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.IMPLEMENTATION
    )
    review_state = models.CharField(
        _("review state"), max_length=20, choices=ReviewState.choices, default=ReviewState.SUBMITTED, db_index=True
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    # Accountability, kept up to date by services.publish_report().
    last_reported_on = models.DateField(_("last report published on"), null=True, blank=True, editable=False)
    disbursed_usd = models.DecimalField(
        _("disbursed (US dollars)"), max_digits=18, decimal_places=2, default=0, editable=False
    )
    percent_complete = models.PositiveSmallIntegerField(_("percent complete"), default=0, editable=False)
    # Lifecycle and verification, moved only by services (confirm_completion, verify_independently,
    # set_lifecycle, refresh_lifecycles, publishing a report or the commitment).
    lifecycle = models.CharField(_("lifecycle"), max_length=20, choices=Lifecycle.choices,
                                 default=Lifecycle.NOT_STARTED, editable=False, db_index=True)
    lifecycle_changed_on = models.DateField(_("lifecycle changed on"), null=True, blank=True, editable=False)
    verification = models.CharField(_("verification"), max_length=20, choices=Verification.choices,
                                    default=Verification.SELF_REPORTED, editable=False)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verification recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False)
    verifier = models.CharField(
        _("independent verifier"), max_length=255, blank=True, editable=False,
        help_text=_("The organisation that verified the commitment independently (public)."))
    # A commitment announced again at a later summit points to the first announcement: it is shown
    # with a link and its money is not counted again in totals (services.mark_reannouncement()).
    reannouncement_of = models.ForeignKey(
        "self", verbose_name=_("re-announcement of"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reannouncements", editable=False)
    # Lead contact: personal data, only for the summit's organisers.
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_language = models.CharField(
        _("contact language"), max_length=10, choices=language_choices, default="en"
    )
    # Review aids computed on submission.
    smart_warnings = models.JSONField(_("SMART check warnings"), default=list, blank=True, editable=False)
    possible_duplicates = models.ManyToManyField(
        "self", verbose_name=_("possible duplicates"), blank=True, symmetrical=False, editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-announced_on", "reference"]
        indexes = [
            models.Index(fields=["review_state", "summit"]),
            models.Index(fields=["review_state", "-published_at"]),
            models.Index(fields=["review_state", "-announced_on"], name="commitment_state_announced"),
            models.Index(fields=["review_state", "-amount_usd"], name="commitment_state_amount"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="commitment_ends_after_start",
            )
        ]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        permissions = [("review_commitment", _("Can review and publish commitments"))]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.reference else self.title

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.amount is not None and not self.currency:
            errors["currency"] = _("Give the currency of the amount.")
        from .services import location_errors

        errors.update(location_errors(self.latitude, self.longitude))
        if self.session_id and self.summit_id and self.session.summit_id != self.summit_id:
            errors["session"] = _("This session belongs to another summit.")
        from django_countries import countries as known_countries

        unknown = [code for code in getattr(self, "_pending_countries", []) if code not in known_countries]
        if unknown:
            errors["countries"] = _("Unknown country codes: %(codes)s (use ISO codes such as FR, SN).") % {
                "codes": ", ".join(unknown)}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.currency:
            self.currency = self.currency.upper()
        self.amount_usd = ExchangeRate.usd(self.amount, self.currency, self.announced_on)
        super().save(*args, **kwargs)
        if not self.reference:
            self.reference = f"PLN-{self.announced_on.year}-{self.pk:05d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)
        if hasattr(self, "_pending_countries"):
            CommitmentCountry.replace(self, self._pending_countries)
            del self._pending_countries

    # Countries are rows of CommitmentCountry (one per country, so facets count countries, not
    # combinations). ``commitment.countries = ["SN", "ML"]`` before save() replaces them.
    @property
    def countries(self):
        if hasattr(self, "_pending_countries"):
            return [CountryField().to_python(code) for code in self._pending_countries]
        if not self.pk:
            return []
        return [row.country for row in self.country_rows.all()]

    @countries.setter
    def countries(self, codes):
        self._pending_countries = CommitmentCountry.clean_codes(codes)

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_published(self):
        return self.review_state == ReviewState.PUBLISHED

    @property
    def reference_date(self):
        if self.last_reported_on:
            return self.last_reported_on
        published = timezone.localdate(self.published_at) if self.published_at else None
        return max(self.announced_on, published) if published else self.announced_on

    def light(self, today=None):
        today = today or timezone.localdate()
        if self.lifecycle in ENDED_LIFECYCLES:
            return Light.ENDED
        age = (today - self.reference_date).days
        if age <= GREEN_DAYS:
            return Light.GREEN
        if age <= AMBER_DAYS:
            return Light.AMBER
        return Light.RED

    def next_report_due(self):
        return self.reference_date + dt.timedelta(days=REPORT_INTERVAL_DAYS)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("announcements:commitment_detail", kwargs={"reference": self.reference})


class Evidence(models.Model):
    """A link or a file showing what a commitment achieved; public once an organiser confirms it."""

    commitment = models.ForeignKey(Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE,
                                   related_name="evidence")
    description = models.CharField(_("what it shows"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="commitment-evidence/%Y/", blank=True)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    class Meta:
        ordering = ["commitment", "added_at", "pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(url="") | ~models.Q(file=""),
                                              name="evidence_has_link_or_file")]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.description

    @property
    def href(self):
        return self.url or (self.file.url if self.file else "")


class CommitmentPartner(models.Model):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="partnered_commitments")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.IMPLEMENTING)

    class Meta:
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "organisation", "role"], name="partner_once_per_role")
        ]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class CommitmentCountry(models.Model):
    """A country where a commitment applies (the registry's country facet and map count these rows)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="country_rows")
    country = CountryField(_("country"))

    class Meta:
        ordering = ["commitment", "country"]
        constraints = [models.UniqueConstraint(fields=["commitment", "country"], name="commitment_country_once")]
        indexes = [models.Index(fields=["country", "commitment"], name="commitment_country_lookup")]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return str(self.country.name)

    @staticmethod
    def clean_codes(codes):
        """Upper-case ISO codes, each once, in the order given (Country objects or strings)."""
        seen = []
        for code in codes or []:
            text = str(getattr(code, "code", code) or "").strip().upper()
            if text and text not in seen:
                seen.append(text)
        return seen

    @classmethod
    def replace(cls, commitment, codes):
        codes = cls.clean_codes(codes)
        existing = set(cls.objects.filter(commitment=commitment).values_list("country", flat=True))
        cls.objects.filter(commitment=commitment).exclude(country__in=codes).delete()
        cls.objects.bulk_create([cls(commitment=commitment, country=code) for code in codes if code not in existing])
        if hasattr(commitment, "_prefetched_objects_cache"):
            commitment._prefetched_objects_cache.pop("country_rows", None)


class Deliverable(models.Model):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(_("what"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=DeliverableStatus.choices,
                              default=DeliverableStatus.PLANNED)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    unit = models.CharField(_("indicator unit"), max_length=60, blank=True, help_text=_("e.g. hectares, people trained"))
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=2, null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "due_date", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self):
        return self.title

    @property
    def has_indicator(self):
        return bool(self.unit or self.baseline is not None or self.target is not None)

    @property
    def percent_reached(self):
        """How far the deliverable is, 0–100: 100 once achieved; else the latest value published in a report
        between the baseline (0 when none) and the target; None when that cannot be said. Reads the
        ``public_values`` of queries.deliverables_with_values() (no query of its own)."""
        if self.status == DeliverableStatus.ACHIEVED:
            return 100
        values = getattr(self, "public_values", None)
        if not values or self.target is None:
            return None
        baseline = self.baseline or Decimal("0")
        if self.target == baseline:
            return None
        share = (values[-1].value - baseline) / (self.target - baseline)
        return max(0, min(100, round(100 * share)))


class ProgressReport(models.Model):
    commitment = models.ForeignKey(Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE,
                                   related_name="reports")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    narrative = models.TextField(_("what happened"))
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), validators=[MaxValueValidator(100)], default=0
    )
    disbursed = models.DecimalField(
        _("money disbursed so far"), max_digits=18, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)], help_text=_("Cumulative, in the currency of the commitment."),
    )
    disbursed_usd = models.DecimalField(_("disbursed (US dollars)"), max_digits=18, decimal_places=2, null=True,
                                        blank=True, editable=False)
    evidence_links = models.TextField(_("evidence links"), blank=True, help_text=_("One address per line."))
    state = models.CharField(_("state"), max_length=20, choices=ReportState.choices, default=ReportState.DRAFT,
                             db_index=True)
    reviewer_comment = models.TextField(_("comments for the reporter"), blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="report_period_in_order"),
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self):
        return f"{self.commitment.reference} {self.period_start} – {self.period_end}"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    @property
    def on_time(self):
        return bool(self.submitted_at and self.due_on and self.submitted_at.date() <= self.due_on)

    @property
    def evidence_list(self):
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class DeliverableUpdate(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="deliverable_updates")
    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=20, choices=DeliverableStatus.choices)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    # The indicator's value reached at the end of the report's period (public once the report is published).
    value = models.DecimalField(_("value reached"), max_digits=18, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "deliverable"], name="one_update_per_deliverable")]


class CommitmentVersion(models.Model):
    """A snapshot of the public fields of a published commitment and what changed from the previous one."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    changes = models.JSONField(default=list)  # [{"field": name, "old": text, "new": text}]
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["commitment", "-number"]
        constraints = [models.UniqueConstraint(fields=["commitment", "number"], name="version_unique_number")]
        verbose_name = _("version")
        verbose_name_plural = _("versions")


class ReviewEvent(models.Model):
    """Audit log of the review of commitments and reports."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="events")
    report = models.ForeignKey(ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=40)
    comment = models.TextField(_("comment"), blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"


class ReminderSent(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=10, choices=ReminderStage.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commitment", "stage", "due_on"], name="reminder_once_per_stage")
        ]


__all__ = [
    "FrameworkTarget", "Evidence", "Coalition", "ExchangeRate", "Commitment", "CommitmentCountry", "CommitmentPartner", "Deliverable", "ProgressReport",
    "DeliverableUpdate", "CommitmentVersion", "ReviewEvent", "ReminderSent", "LANGUAGE_CODES",
]
