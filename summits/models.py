"""The summit domain: organisations, summits, themes, rooms, sessions and speakers.

Models hold data and small invariants; the scheduling rules (clashes, dates) live in
``summits.services`` and are called from ``clean()`` so every entry point (admin forms, imports,
services) gives the same error next to the same field.
"""

import zoneinfo
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .choices import LANGUAGE_CODES, BadgeFormat, NameOrder, OrganisationKind, SessionKind, SpeakerRole, SummitStatus, language_choices
from core.fields import LanguagesField

def admin_column(label, order_field=None):
    """Label (and sort field) of a model method shown as a column in the admin listings."""

    def decorate(method):
        method.short_description = label
        if order_field:
            method.admin_order_field = order_field
        return method

    return decorate


hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, for example #1B6E3A."))


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone (for example Europe/Paris)."), params={"value": value})


class SlugFromTitleMixin:
    """Fills an empty slug from the English title, before validation so uniqueness is checked."""

    def _fill_slug(self):
        if not self.slug and (self.title_en or self.title):
            self.slug = slugify(self.title_en or self.title)[: self._meta.get_field("slug").max_length]

    def clean_fields(self, exclude=None):
        self._fill_slug()
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self._fill_slug()
        super().save(*args, **kwargs)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted = models.BooleanField(
        _("accepted"), default=True,
        help_text=_("An organisation typed by an anonymous submitter waits here, hidden from every public "
                    "list, until an organiser accepts it (approving one of its commitments accepts it)."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Summit(SlugFromTitleMixin, models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True,
        help_text=_("Used in addresses and imports. Leave empty to make one from the English title."),
    )
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone],
        help_text=_("Times of this summit are entered and shown in this zone, e.g. Europe/Paris."),
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    co_organisers = models.ManyToManyField(
        Organisation, verbose_name=_("co-organisers"), blank=True, related_name="co_organised_summits"
    )
    languages = LanguagesField(_("languages"), help_text=_("Working languages of the summit."))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("total capacity"), null=True, blank=True, help_text=_("Leave empty for no overall limit.")
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"), default=365,
        help_text=_("Personal data of participants is anonymised this many days after the summit ends."),
    )
    status = models.CharField(_("status"), max_length=20, choices=SummitStatus.choices, default=SummitStatus.DRAFT)
    colour = models.CharField(_("identity colour"), max_length=7, default="#1B6E3A", validators=[hex_colour])
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("hero image"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("image and document collection"), null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The summit's images and documents; its team may upload and choose them."),
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True,
        help_text=_("Shown to participants wherever they may need help (self-service page, letters, emails)."),
    )
    signatory_name = models.CharField(_("signatory name"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory title"), max_length=200, blank=True)
    badge_format = models.CharField(
        _("badge format"), max_length=8, choices=BadgeFormat.choices, default=BadgeFormat.ID1, blank=True,
        help_text=_("Size of the printed badges: ID-1 for card printers and holders, A6 for larger lanyards "
                    "(empty means ID-1)."),
    )

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("summit")
        verbose_name_plural = _("summits")

    def __str__(self):
        return self.title

    @cached_property
    def tz(self):
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.languages:
            unknown = [code for code in self.languages if code not in LANGUAGE_CODES]
            if unknown:
                errors["languages"] = _("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.languages:
            self.languages = ["en", "fr"]
        super().save(*args, **kwargs)

    @property
    def days(self):
        from datetime import timedelta

        return [self.start_date + timedelta(days=i) for i in range((self.end_date - self.start_date).days + 1)]

    def registration_is_open(self, at=None):
        at = at or timezone.now()
        if self.registration_opens is None or self.registration_closes is None:
            return False
        return self.registration_opens <= at < self.registration_closes


class Theme(SlugFromTitleMixin, models.Model):
    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=80, blank=True, help_text=_("Leave empty to make one from the title."))
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(_("colour"), max_length=7, default="#2E7D32", validators=[hex_colour])
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["summit", "sort_order", "title"]
        constraints = [models.UniqueConstraint(fields=["summit", "slug"], name="theme_unique_slug_per_summit")]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.title

    @property
    def summit_slug(self):
        """The summit's slug, as the import expects it (an export can be imported back)."""
        return self.summit.slug



class Room(models.Model):
    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=200)
    location = models.CharField(_("location"), max_length=255, blank=True, help_text=_("Building, floor, directions."))
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    accessible = models.BooleanField(_("step-free access"), default=True)

    class Meta:
        ordering = ["summit", "name"]
        constraints = [models.UniqueConstraint(fields=["summit", "name"], name="room_unique_name_per_summit")]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self):
        return self.name

    @property
    def summit_slug(self):
        """The summit's slug, as the import expects it (an export can be imported back)."""
        return self.summit.slug


class Speaker(models.Model):
    honorific = models.CharField(_("honorific"), max_length=40, blank=True)
    given_name = models.CharField(_("given name"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120)
    name_order = models.CharField(
        _("name order"), max_length=12, choices=NameOrder.choices, blank=True, default="",
        help_text=_("How the name is written on badges, lists, pages and emails."),
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="speakers",
    )
    country = CountryField(_("country"), blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        """The name in the person's order (family name first for Chinese names); the honorific, an
        English word ("Mr", "H.E."), only on English pages."""
        from django.utils import translation

        from core.formatting import person_name

        name = person_name(self)
        if self.honorific and (translation.get_language() or "en") == "en":
            return f"{self.honorific} {name}"
        return name


class Session(SlugFromTitleMixin, ClusterableModel):
    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, blank=True, help_text=_("Leave empty to make one from the title."))
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.PLENARY)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    room = models.ForeignKey(
        Room, verbose_name=_("room"), null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("bookable seats"), null=True, blank=True,
        help_text=_("Participants must book a seat when set; leave empty for open sessions."),
    )
    languages = LanguagesField(_("floor languages"), blank=True)
    interpretation = LanguagesField(_("interpretation into"), blank=True)
    is_published = models.BooleanField(_("published in the programme"), default=True)

    class Meta:
        ordering = ["summit", "start", "room__name", "title"]
        constraints = [
            models.UniqueConstraint(fields=["summit", "slug"], name="session_unique_slug_per_summit"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="session_ends_after_start"),
        ]
        indexes = [models.Index(fields=["summit", "start"])]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title


    def clean(self):
        from .services import session_errors

        # The admin form sets _pending_speaker_ids to the speakers it is about to save.
        errors = session_errors(self, speaker_ids=getattr(self, "_pending_speaker_ids", None))
        if errors:
            raise ValidationError(errors)

    # Times in the summit's own time zone (what organisers type and visitors read).
    @property
    def local_start(self):
        return timezone.localtime(self.start, self.summit.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.summit.tz)

    @admin_column(_("starts (local time)"), order_field="start")
    def local_start_display(self):
        return formats.date_format(self.local_start, "DATETIME_FORMAT")

    @property
    def local_day(self):
        return self.local_start.date()

    # Flat values used by list exports so that an export can be imported back unchanged.
    @property
    def summit_slug(self):
        return self.summit.slug

    @property
    def theme_slug(self):
        return self.theme.slug if self.theme_id else ""

    @property
    def room_name(self):
        return self.room.name_en if self.room_id else ""

    @property
    def local_start_text(self):
        return self.local_start.strftime("%Y-%m-%d %H:%M")

    @property
    def local_end_text(self):
        return self.local_end.strftime("%Y-%m-%d %H:%M")

    @property
    def languages_text(self):
        """The floor languages as the import reads them ("en, fr")."""
        return ", ".join(self.languages or [])


class SessionSpeaker(models.Model):
    session = ParentalKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="speaker_roles")
    speaker = models.ForeignKey(Speaker, verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="session_roles")
    role = models.CharField(_("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "speaker"], name="speaker_once_per_session")]
        verbose_name = _("session speaker")
        verbose_name_plural = _("session speakers")

    def __str__(self):
        return f"{self.speaker} — {self.get_role_display()}"

    def clean(self):
        from .services import speaker_clash

        if self.session_id and self.speaker_id:
            clash = speaker_clash(self.speaker_id, self.session.start, self.session.end, exclude_session=self.session_id)
            if clash:
                raise ValidationError({"speaker": clash})


__all__ = [
    "Organisation", "Summit", "Theme", "Room", "Speaker", "Session", "SessionSpeaker",
    "OrganisationKind", "SessionKind", "SpeakerRole", "SummitStatus", "language_choices",
]
