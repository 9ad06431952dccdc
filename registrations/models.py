"""Registrations: categories with quotas, participants, session bookings, audit log, email templates.

Models hold data and small invariants; every state change goes through ``registrations.services``
(capacity, waiting list, audit log and emails live there).
"""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from summits.choices import NameOrder, language_choices
from summits.models import Organisation, Session, Summit, hex_colour

from .choices import BookingStatus, EmailKind, RegistrationStatus

# Unambiguous characters for reference codes (no 0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def summit_prefix(summit):
    """Up to three capital letters from the summit's slug, e.g. one-planet-summit → OPS."""
    words = [w for w in summit.slug.replace("_", "-").split("-") if w and w[0].isalpha()]
    prefix = "".join(w[0] for w in words[:3]).upper()
    return prefix or "REG"


def new_reference(summit):
    return f"{summit_prefix(summit)}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def photo_path(instance, filename):
    return f"registrations/photos/{instance.summit_id}/{secrets.token_hex(16)}.jpg"


class RegistrationCategory(models.Model):
    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.CASCADE, related_name="registration_categories")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    badge_colour = models.CharField(_("badge colour"), max_length=7, default="#1B6E3A", validators=[hex_colour])
    quota = models.PositiveIntegerField(
        _("quota"), null=True, blank=True, help_text=_("Places in this category; leave empty for no limit.")
    )
    needs_approval = models.BooleanField(_("needs approval"), default=True)
    invitation_only = models.BooleanField(
        _("invitation only"), default=False,
        help_text=_("Visitors need the invitation code or a personal invitation link to register."),
    )
    invitation_code = models.CharField(
        _("invitation code"), max_length=40, blank=True,
        help_text=_("Shared code for invitation-only categories (case-insensitive)."),
    )
    requires_organisation = models.BooleanField(_("organisation required"), default=True)
    requires_position = models.BooleanField(_("position required"), default=False)
    requires_photo = models.BooleanField(_("badge photo required"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["summit_id", "sort_order", "pk"]  # by id: ordering by "summit" would join its table
        constraints = [models.UniqueConstraint(fields=["summit", "slug"], name="category_unique_slug_per_summit")]
        verbose_name = _("registration category")
        verbose_name_plural = _("registration categories")

    def __str__(self):
        return self.name

    def code_matches(self, code):
        return bool(self.invitation_code) and (code or "").strip().lower() == self.invitation_code.strip().lower()


class Invitation(models.Model):
    """A personal invitation: a link tied to the invited email, for an invitation-only category."""

    category = models.ForeignKey(RegistrationCategory, verbose_name=_("category"), on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["category", "email"], name="invitation_once_per_category")]

    def __str__(self):
        return f"{self.email} → {self.category}"

    @property
    def summit(self):
        return self.category.summit

    def token(self):
        from core.signing import make_token

        return make_token("invitation", {"id": self.pk})

    def link(self):
        """The personal registration link to send to the invited person."""
        from django.urls import reverse
        from django.utils import translation

        with translation.override("en"):
            path = reverse("registrations:register", kwargs={"summit_slug": self.category.summit.slug})
        return f"{settings.SITE_URL.rstrip('/')}{path}?invitation={self.token()}"

    link.short_description = _("personal link")
    link = property(link)


class Registration(models.Model):
    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.PROTECT, related_name="registrations")
    category = models.ForeignKey(
        RegistrationCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="registrations"
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING, db_index=True
    )
    honorific = models.CharField(_("honorific"), max_length=40, blank=True)
    given_name = models.CharField(_("given name"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120)
    name_order = models.CharField(
        _("name order"), max_length=12, choices=NameOrder.choices, blank=True, default="",
        help_text=_("How the name is written on badges, lists, pages and emails."),
    )
    email = models.EmailField(_("email"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="registrations",
    )
    organisation_name = models.CharField(_("organisation (typed)"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=language_choices, default="en"
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=255, blank=True)
    photo = models.ImageField(_("badge photo"), upload_to=photo_path, null=True, blank=True)
    needs_letter = models.BooleanField(_("needs an invitation or visa letter"), default=False)
    passport_number = models.CharField(_("passport number"), max_length=40, blank=True)
    passport_expiry = models.DateField(_("passport expiry date"), null=True, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    consent_privacy = models.BooleanField(_("accepted the privacy notice"), default=False)
    list_publicly = models.BooleanField(_("listed in the public participants list"), default=False)
    accepts_updates = models.BooleanField(
        _("accepts news and updates"), default=True,
        help_text=_("Unticked: the participant opted out of non-essential emails from the organisers. Emails about "
                    "the registration itself are always sent."),
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    badge_printed_at = models.DateTimeField(_("badge printed at"), null=True, blank=True, editable=False)
    letter_issued_at = models.DateTimeField(_("letter issued at"), null=True, blank=True, editable=False)
    status_reason = models.TextField(_("reason given"), blank=True)
    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "summit", Lower("email"), name="registration_once_per_email_per_summit",
                condition=models.Q(anonymised_at__isnull=True),
            ),
        ]
        indexes = [models.Index(fields=["summit", "category", "status", "created_at"])]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("checkin_registration", _("Can check participants in"))]

    def __str__(self):
        return f"{self.reference} {self.full_name}"

    @property
    def full_name(self):
        """The name in the participant's order (family name first in Chinese, for names written in CJK
        characters, or when they say so); the honorific, an English word, only in English."""
        from django.utils import translation

        from core.formatting import person_name

        name = person_name(self)
        if self.honorific and (translation.get_language() or "en") == "en":
            return f"{self.honorific} {name}"
        return name

    @property
    def organisation_display(self):
        if self.organisation_id:
            return self.organisation.name
        return self.organisation_name

    @property
    def is_accredited(self):
        return self.status == RegistrationStatus.APPROVED

    def manage_token(self):
        from core.signing import make_token

        return make_token("manage", {"id": self.pk})

    def waitlist_position(self):
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        return Registration.objects.filter(
            category_id=self.category_id, status=RegistrationStatus.WAITLISTED, created_at__lt=self.created_at
        ).count() + 1


class SessionBooking(models.Model):
    registration = models.ForeignKey(Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="bookings")
    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="bookings")
    status = models.CharField(_("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)

    class Meta:
        ordering = ["session__start", "pk"]
        constraints = [models.UniqueConstraint(fields=["registration", "session"], name="booking_once_per_session")]
        verbose_name = _("session booking")
        verbose_name_plural = _("session bookings")

    def __str__(self):
        return f"{self.registration.reference} → {self.session}"


class AuditEntry(models.Model):
    """Who changed a registration, when, from what to what."""

    registration = models.ForeignKey(Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="audit")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("by (label)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(_("from"), max_length=12, blank=True)
    to_status = models.CharField(_("to"), max_length=12, blank=True)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.from_status}→{self.to_status}"

    # The codes stored (stable, in English) and the words an organiser reads, in the admin's language.
    ACTIONS = {
        "register": _("registered"), "import": _("imported"), "approve": _("approved"), "reject": _("rejected"),
        "waitlist": _("put on the waiting list"), "cancel": _("cancelled"), "promote": _("promoted from the waiting list"),
        "edit": _("edited"), "restore": _("restored"), "book": _("booked a session"), "unbook": _("left a session"),
        "erase": _("erased personal data"), "check_in": _("checked in"),
    }
    ACTORS = {"participant": _("the participant"), "system": _("Plenary (automatic)")}

    @property
    def action_display(self):
        return self.ACTIONS.get(self.action, self.action)

    @property
    def actor_display(self):
        return self.ACTORS.get(self.actor_label, self.actor_label)

    def _status_label(self, code):
        return RegistrationStatus(code).label if code in RegistrationStatus.values else code

    @property
    def from_status_display(self):
        return self._status_label(self.from_status)

    @property
    def to_status_display(self):
        return self._status_label(self.to_status)

    @property
    def note_display(self):
        """Edits note the fields changed by name ("phone, position"): shown as their labels."""
        if self.action != "edit" or not self.note:
            return self.note
        labels = []
        for name in (part.strip() for part in self.note.split(",")):
            try:
                labels.append(str(Registration._meta.get_field(name).verbose_name))
            except Exception:
                labels.append(name)
        from core.formatting import join

        return join(labels)


class EmailTemplate(models.Model):
    """An organiser's wording of one email for one summit and language (defaults apply otherwise)."""

    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.CASCADE, related_name="email_templates")
    kind = models.CharField(_("email"), max_length=20, choices=EmailKind.choices)
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Plain text. Placeholders: {{ name }}, {{ reference }}, {{ summit }}, {{ status }}, "
            "{{ position }}, {{ reason }}, {{ manage_url }}, {{ session }}."
        ),
    )

    class Meta:
        ordering = ["summit", "kind", "language"]
        constraints = [models.UniqueConstraint(fields=["summit", "kind", "language"], name="email_template_once")]
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"

    PLACEHOLDERS = ("name", "reference", "summit", "status", "position", "reason", "manage_url", "session")

    def clean(self):
        """A wording that cannot be rendered is refused here, not found out when an email fails."""
        from django.core.exceptions import ValidationError

        from core import email_templates

        problems = {}
        for field in ("subject", "body"):
            found = email_templates.errors(getattr(self, field) or "", self.PLACEHOLDERS)
            if found:
                problems[field] = found
        if problems:
            raise ValidationError(problems)


class Message(models.Model):
    """An organiser's email to participants (all, or a filtered set), written in several languages.

    Sent through the outbox: one email per recipient, all in the group ``message:<id>``, each in the
    recipient's language (or the nearest one written). Non-essential messages skip participants who
    opted out of news and updates.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    summit = models.ForeignKey(Summit, verbose_name=_("summit"), on_delete=models.CASCADE, related_name="messages")
    subjects = models.JSONField(_("subjects"), default=dict, blank=True)  # {"en": "…", "fr": "…"}
    bodies = models.JSONField(_("bodies"), default=dict, blank=True)
    audience = models.JSONField(_("recipients"), default=dict, blank=True)  # the filters, see registrations.messages
    essential = models.BooleanField(
        _("essential"), default=False,
        help_text=_("About attending the summit (access, security, a change of venue): sent also to participants "
                    "who opted out of news and updates."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    job = models.ForeignKey("core.Job", verbose_name=_("sending job"), null=True, blank=True,
                            on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self):
        return self.subject or f"#{self.pk}"

    @property
    def group(self):
        return f"message:{self.pk}"

    @property
    def languages(self):
        """The languages this message is written in (subject and body both given)."""
        return [code for code, _name in settings.LANGUAGES
                if (self.subjects.get(code) or "").strip() and (self.bodies.get(code) or "").strip()]

    @property
    def subject(self):
        for code in [settings.LANGUAGE_CODE, *self.languages]:
            if (self.subjects.get(code) or "").strip():
                return self.subjects[code]
        return ""


__all__ = [
    "RegistrationCategory", "Invitation", "Registration", "SessionBooking", "AuditEntry", "EmailTemplate", "Message",
    "RegistrationStatus", "BookingStatus", "EmailKind", "MinValueValidator",
]
