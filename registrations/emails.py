"""Emails to participants, always in their preferred language, sent through the outbox.

:func:`queue` records an email about a registration (core.outbox) in the caller's transaction;
the "registration" renderer writes it at send time. Organisers may reword each email per summit
and language (EmailTemplate); if their wording fails to render, the default wording below is
used and the failure is noted on the outbox row.
"""

import logging

from django.conf import settings
from core import email_templates
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.formatting import salutation

from .choices import EmailKind, RegistrationStatus
from .models import EmailTemplate, Registration

logger = logging.getLogger(__name__)


def manage_url(registration):
    with translation.override(registration.preferred_language):
        path = reverse("registrations:manage", kwargs={"token": registration.manage_token()})
    return settings.SITE_URL.rstrip("/") + path


def _default_subject(kind, ctx):
    subjects = {
        EmailKind.RECEIVED: _("%(summit)s: registration received (%(reference)s)"),
        EmailKind.APPROVED: _("%(summit)s: your registration is approved (%(reference)s)"),
        EmailKind.WAITLISTED: _("%(summit)s: you are on the waiting list (%(reference)s)"),
        EmailKind.REJECTED: _("%(summit)s: your registration was not accepted (%(reference)s)"),
        EmailKind.CANCELLED: _("%(summit)s: your registration is cancelled (%(reference)s)"),
        EmailKind.PROMOTED: _("%(summit)s: a place is now available for you (%(reference)s)"),
        EmailKind.MANAGE_LINK: _("%(summit)s: the link to manage your registration"),
        EmailKind.SEAT_CONFIRMED: _("%(summit)s: your seat is confirmed"),
    }
    return subjects[kind] % ctx


def _status_sentence(kind, registration, ctx):
    if kind in (EmailKind.RECEIVED, EmailKind.PROMOTED):
        if registration.status == RegistrationStatus.APPROVED:
            return _("Your registration is approved. You can download your badge from the link below.")
        if registration.status == RegistrationStatus.PENDING:
            return _("Your registration is pending: the organisers will review it and write to you.")
        if registration.status == RegistrationStatus.WAITLISTED:
            return _("The category you chose is full: you are number %(position)s on the waiting list. "
                     "We will write to you as soon as a place frees up.") % ctx
    sentences = {
        EmailKind.APPROVED: _("Your registration is approved. You can download your badge from the link below."),
        EmailKind.WAITLISTED: _("You are number %(position)s on the waiting list. We will write to you as soon as a "
                                "place frees up.") % ctx,
        EmailKind.REJECTED: _("We are sorry: your registration was not accepted. Reason: %(reason)s") % ctx,
        EmailKind.CANCELLED: (
            _("Your registration is cancelled. If this is a mistake, you can restore it from the link below until "
              "registration closes on %(closes)s (%(zone)s).") % ctx if ctx.get("closes") else
            _("Your registration is cancelled.")),
        EmailKind.MANAGE_LINK: _("Someone (we hope you) asked for the link to manage your registration."),
        EmailKind.SEAT_CONFIRMED: _("A seat freed up: your place in “%(session)s” (%(session_time)s) is confirmed.") % ctx,
    }
    sentence = sentences.get(kind, "")
    if kind == EmailKind.MANAGE_LINK and registration.status == RegistrationStatus.CANCELLED and ctx.get("closes"):
        # Someone registering again after cancelling: the link leads to the undo.
        sentence += " " + (_("Your registration is cancelled. If this is a mistake, you can restore it from the link "
                             "below until registration closes on %(closes)s (%(zone)s).") % ctx)
    return sentence


def _default_body(kind, registration, ctx):
    lines = [
        salutation(registration),
        "",
        _status_sentence(kind, registration, ctx),
        "",
        _("Your reference: %(reference)s") % ctx,
        _("Status: %(status)s") % ctx,
        "",
        _("See your status, edit your details, book sessions and download your documents here (personal link, "
          "do not share it):"),
        ctx["manage_url"],
        "",
        _("The %(summit)s secretariat") % ctx,
    ]
    if ctx.get("contact"):
        lines.append(_("Questions? Write to %(contact)s") % ctx)
    return "\n".join(lines)


def render_email(registration, kind, extra=None):
    """(subject, body) for this registration and email kind, in the participant's language."""
    extra = extra or {}
    language = registration.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        from core import formatting

        summit = registration.summit
        zone = formatting.time_zone_name(summit.tz, city=summit.city, at=summit.registration_closes)
        session_title = session_time = ""
        if extra.get("session_id"):
            from summits.models import Session

            session = Session.objects.filter(pk=extra["session_id"]).first()
            if session is not None:
                session_title = session.title
                session_time = "{}, {} ({})".format(
                    formatting.full_date(session.start, tz=summit.tz),
                    formatting.time_range(session.start, session.end, summit.tz),
                    formatting.time_zone_name(summit.tz, city=summit.city, at=session.start))
        open_now = summit.registration_is_open()
        ctx = {
            "name": registration.full_name,
            "reference": registration.reference,
            "summit": registration.summit.title,
            "status": str(registration.get_status_display()),
            "position": registration.waitlist_position() or "",
            "reason": registration.status_reason or "—",
            "manage_url": manage_url(registration),
            "session": session_title,
            "session_time": session_time,
            "closes": formatting.datetime(summit.registration_closes, summit.tz) if open_now else "",
            "zone": zone,
            "contact": summit.contact_email or getattr(settings, "PLENARY_CONTACT_EMAIL", ""),
        }
        note = ""
        custom = EmailTemplate.objects.filter(summit_id=registration.summit_id, kind=kind, language=language).first()
        if custom is not None:
            try:
                subject = email_templates.render(custom.subject, ctx)
                body = email_templates.render(custom.body, ctx)
            except Exception as exc:  # a broken organiser template never stops the email
                logger.warning("email template %s failed (%s); default wording used", custom.pk, exc)
                note = f"custom template failed ({type(exc).__name__}: {exc}); default wording used"
                custom = None
        if custom is None:
            subject = _default_subject(kind, ctx)
            body = _default_body(kind, registration, ctx)
    return " ".join(subject.split()), body, note


def queue(registration, kind, **extra):
    """Record an email to the participant, sent once the current transaction commits."""
    from core import outbox

    return outbox.enqueue(
        to=registration.email, kind=f"registrations.{kind}", language=registration.preferred_language,
        summit=registration.summit_id, target=registration, renderer="registration",
        params={"registration": registration.pk, "kind": str(kind), "extra": extra},
    )


def render_outbox_email(email):
    """The outbox renderer: the email as it reads now, in the participant's language."""
    from core.outbox import Discard, Rendered

    registration = Registration.objects.select_related("summit").filter(pk=email.params.get("registration")).first()
    if registration is None or registration.anonymised_at or not registration.email:
        raise Discard("the registration was erased")
    subject, body, note = render_email(registration, email.params["kind"], email.params.get("extra") or {})
    return Rendered(subject, body, note=note)
