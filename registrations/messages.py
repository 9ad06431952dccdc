"""Messages from the organisers to participants: the audience, the wording per language, sending.

- :func:`audience` is the one definition of who receives a message (its filters, never erased or
  address-less registrations, and — for a non-essential message — nobody who opted out of news).
- :func:`render` writes a recipient's email in their language, or the nearest language the
  organisers wrote: the participant's own, then the summit's languages in order, then English.
- :func:`send` checks the recipient count the organiser confirmed and starts a job that puts one
  outbox email per recipient (group ``message:<id>``); the outbox renders each at send time, so an
  erasure or an opt-out made meanwhile is respected.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import jobs, outbox
from core.models import OutboxEmail

from .choices import BookingStatus, RegistrationStatus
from .models import Message, Registration

logger = logging.getLogger(__name__)

JOB_KIND = "registrations.message"
EMAIL_KIND = "registrations.message"
TEST_KIND = "registrations.message_test"
RENDERER = "message"
CHUNK = 200

PLACEHOLDERS = {
    "name": gettext_lazy("the participant's full name"),
    "given_name": gettext_lazy("given name"),
    "family_name": gettext_lazy("family name"),
    "reference": gettext_lazy("registration reference"),
    "category": gettext_lazy("registration category"),
    "status": gettext_lazy("registration status"),
    "summit": gettext_lazy("the summit's title"),
    "manage_url": gettext_lazy("the participant's personal self-service link"),
}
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class MessageError(Exception):
    """The message cannot be sent as asked; the text is for the organiser (translated)."""


def unknown_placeholders(text: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS})


def _fill(text: str, values: dict) -> str:
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text or "")


# --- Who receives it --------------------------------------------------------------------------

def base_audience(message):
    """Every registration the filters select, before the opt-out of non-essential mail."""
    filters = message.audience or {}
    qs = Registration.objects.filter(summit_id=message.summit_id, anonymised_at__isnull=True).exclude(email="")
    if filters.get("status"):
        qs = qs.filter(status__in=filters["status"])
    if filters.get("category"):
        qs = qs.filter(category_id__in=filters["category"])
    if filters.get("country"):
        qs = qs.filter(nationality__in=filters["country"])
    if filters.get("language"):
        qs = qs.filter(preferred_language__in=filters["language"])
    if filters.get("session"):
        qs = qs.filter(bookings__session_id=filters["session"], bookings__status=BookingStatus.BOOKED)
    if filters.get("checked_in") == "yes":
        qs = qs.filter(checked_in_at__isnull=False)
    elif filters.get("checked_in") == "no":
        qs = qs.filter(checked_in_at__isnull=True)
    return qs.distinct()


def audience(message):
    qs = base_audience(message)
    if not message.essential:
        qs = qs.filter(accepts_updates=True)
    return qs


def language_for(message, preferred: str) -> str | None:
    """The language a recipient who prefers ``preferred`` reads this message in (None: nothing written)."""
    written = message.languages
    if not written:
        return None
    summit_languages = list(getattr(message.summit, "languages", None) or [])
    for code in [preferred, *summit_languages, settings.LANGUAGE_CODE, *written]:
        if code in written:
            return code
    return written[0]


def audience_summary(message) -> dict:
    """How many receive it, in which language, and how many opted out (the confirmation screen)."""
    everyone = base_audience(message)
    per_language = dict(audience(message).order_by().values("preferred_language")
                        .annotate(n=Count("pk", distinct=True)).values_list("preferred_language", "n"))
    names = dict(settings.LANGUAGES)
    rows = {}
    for preferred, n in per_language.items():
        used = language_for(message, preferred)
        row = rows.setdefault(used, {"code": used, "language": names.get(used, used), "count": 0, "fallback": 0})
        row["count"] += n
        if used != preferred:
            row["fallback"] += n
    total = sum(per_language.values())
    opted_out = 0 if message.essential else everyone.filter(accepts_updates=False).count()
    return {"total": total, "opted_out": opted_out,
            "languages": sorted(rows.values(), key=lambda r: -r["count"])}


# --- Wording ----------------------------------------------------------------------------------

def values_for(registration, language) -> dict:
    from .emails import manage_url

    with translation.override(language):
        return {
            "name": registration.full_name, "given_name": registration.given_name,
            "family_name": registration.family_name, "reference": registration.reference,
            "category": str(registration.category.name) if registration.category_id else "",
            "status": str(registration.get_status_display()), "summit": registration.summit.title,
            "manage_url": manage_url(registration),
        }


def _footer(message, values, language):
    with translation.override(language):
        if message.essential:
            return _("You receive this email because you registered for %(summit)s. Your personal page: "
                     "%(manage_url)s") % values
        return _("You receive this email because you registered for %(summit)s. To stop news and updates, untick "
                 "the box on your personal page: %(manage_url)s") % values


def render(message, registration, language=None) -> tuple[str, str, str]:
    """(subject, body, language) of the message for one recipient."""
    language = language or language_for(message, registration.preferred_language)
    if language is None:
        raise MessageError(_("The message has no subject and text in any language yet."))
    values = values_for(registration, language)
    subject = " ".join(_fill(message.subjects[language], values).split())
    body = _fill(message.bodies[language], values).rstrip() + "\n\n-- \n" + _footer(message, values, language)
    return subject, body, language


def sample_recipient(message, language):
    """A recipient reading ``language`` (for the preview and the test), or None."""
    for registration in audience(message).select_related("summit", "category").order_by("pk")[:500]:
        if language_for(message, registration.preferred_language) == language:
            return registration
    return None


class _Sample:
    """Stands in for a participant when nobody in the audience reads a language yet."""

    def __init__(self, message, user):
        self.summit = message.summit
        self.category_id = None
        self.reference = "ABC-23XY45"
        name = (user.get_full_name() or user.get_username()) if user else "Amina Diallo"
        self.full_name = name
        self.given_name, _sep, self.family_name = name.partition(" ")
        self.preferred_language = settings.LANGUAGE_CODE

    def get_status_display(self):
        return RegistrationStatus.APPROVED.label


def preview(message, language, user=None) -> dict:
    registration = sample_recipient(message, language)
    if registration is None:
        sample = _Sample(message, user)
        values = {"name": sample.full_name, "given_name": sample.given_name, "family_name": sample.family_name,
                  "reference": sample.reference, "category": "—", "summit": message.summit.title,
                  "manage_url": f"{settings.SITE_URL.rstrip('/')}/…", "status": str(sample.get_status_display())}
        with translation.override(language):
            values["status"] = str(RegistrationStatus.APPROVED.label)
        subject = " ".join(_fill(message.subjects[language], values).split())
        body = _fill(message.bodies[language], values).rstrip() + "\n\n-- \n" + _footer(message, values, language)
        return {"subject": subject, "body": body, "recipient": None}
    subject, body, _lang = render(message, registration, language)
    return {"subject": subject, "body": body, "recipient": registration}


# --- Sending ----------------------------------------------------------------------------------

def send_test(message, user, language):
    """The message as one recipient reading ``language`` gets it, sent to the organiser themself."""
    if not (user.email or "").strip():
        raise MessageError(_("Your account has no email address: add one to your profile to receive tests."))
    if language not in message.languages:
        raise MessageError(_("The message is not written in this language."))
    shown = preview(message, language, user)
    email = outbox.enqueue(
        to=user.email, kind=TEST_KIND, language=language, summit=message.summit_id,
        subject=_("[Test] %(subject)s") % {"subject": shown["subject"]}, body=shown["body"], created_by=user,
    )
    logger.info("message %s: test in %s sent to user %s", message.pk, language, user.pk)
    return email


def send(message, user, *, confirmed_count: int):
    """Start sending a draft to its audience, if the count the organiser confirmed is still right."""
    with transaction.atomic():
        locked = Message.objects.select_for_update().select_related("summit").get(pk=message.pk)
        if locked.state != Message.State.DRAFT:
            raise MessageError(_("This message has already been sent."))
        if not locked.languages:
            raise MessageError(_("Write the subject and the text in at least one language."))
        count = audience(locked).count()
        if count == 0:
            raise MessageError(_("No participant matches these recipients."))
        if count != confirmed_count:
            raise MessageError(_("The recipients changed since you looked: %(count)d now. Check and confirm again.")
                               % {"count": count})
        job = jobs.start(JOB_KIND, owner=user, summit=locked.summit_id, params={"message": locked.pk}, total=count)
        locked.state = Message.State.SENDING
        locked.job = job
        locked.recipient_count = count
        locked.sent_by = user if getattr(user, "pk", None) else None
        locked.sent_at = timezone.now()
        locked.save(update_fields=["state", "job", "recipient_count", "sent_by", "sent_at", "updated_at"])
    logger.info("message %s: sending to %d participants (job %s) by user %s", locked.pk, count, job.uuid, user.pk)
    return locked


def run_send_job(ctx) -> dict:
    """The job's body: one outbox email per recipient, in chunks, skipping anyone already queued."""
    message = Message.objects.select_related("summit").get(pk=ctx.params["message"])
    ids = list(audience(message).order_by("pk").values_list("pk", flat=True))
    done_ids = set(OutboxEmail.objects.filter(group=message.group, kind=EMAIL_KIND)
                   .values_list("target_id", flat=True))
    ctx.progress(0, len(ids), force=True)
    sender = message.sent_by
    queued = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        with transaction.atomic():
            for registration in Registration.objects.filter(pk__in=chunk).only(
                    "pk", "email", "preferred_language", "summit_id").order_by("pk"):
                if registration.pk in done_ids:
                    continue
                outbox.enqueue(
                    to=registration.email, kind=EMAIL_KIND,
                    language=language_for(message, registration.preferred_language) or settings.LANGUAGE_CODE,
                    summit=message.summit_id, target=registration, renderer=RENDERER, group=message.group,
                    params={"message": message.pk, "registration": registration.pk}, created_by=sender,
                )
                queued += 1
        ctx.progress(min(start + CHUNK, len(ids)), len(ids))
    Message.objects.filter(pk=message.pk).update(state=Message.State.SENT, recipient_count=len(ids))
    logger.info("message %s: %d emails queued", message.pk, queued)
    return {"queued": queued, "recipients": len(ids)}


def render_outbox_email(email):
    """The outbox renderer: the message for one recipient, as it reads at send time."""
    from core.outbox import Discard, Rendered

    message = Message.objects.select_related("summit").filter(pk=email.params.get("message")).first()
    registration = (Registration.objects.select_related("summit", "category")
                    .filter(pk=email.params.get("registration")).first())
    if message is None:
        raise Discard("the message was deleted")
    if registration is None or registration.anonymised_at or not registration.email:
        raise Discard("the registration was erased")
    if not message.essential and not registration.accepts_updates:
        raise Discard("the participant opted out of news and updates")
    subject, body, _language = render(message, registration)
    return Rendered(subject, body)


def delivery(message) -> dict:
    """Counts of the message's emails by outbox status."""
    counts = dict(OutboxEmail.objects.filter(group=message.group, kind=EMAIL_KIND).order_by()
                  .values("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {"queued": counts.get("queued", 0) + counts.get("sending", 0), "sent": counts.get("sent", 0),
            "failed": counts.get("failed", 0), "total": sum(counts.values())}


def resend_failed(message, user) -> int:
    """Queue again every failed email of the message (a new row each; the log keeps both)."""
    failed = list(OutboxEmail.objects.filter(group=message.group, kind=EMAIL_KIND, status="failed")
                  .exclude(last_error__startswith="not sent:"))
    for email in failed:
        outbox.resend(email, by=user)
    return len(failed)
