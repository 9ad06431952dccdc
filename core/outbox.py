"""The email outbox: every email is a row written with the change that causes it, then sent by a task.

- :func:`enqueue` writes an :class:`~core.models.OutboxEmail` in the caller's transaction and, once
  that transaction commits, asks Celery to send it. If the broker is down the request does not
  wait or fail: the row stays queued and ``flush`` (celery beat, every minute) queues it again.
- :func:`deliver` (the task's body) renders the email when it has a renderer, sends it, and records
  the outcome; a failure is retried with exponential backoff up to ``MAX_ATTEMPTS``.
- Renderers are registered by the apps (``register_renderer("registration", fn)``): ``fn(email)``
  returns a :class:`Rendered` in the recipient's language. A renderer may fall back to a default
  wording and say so in ``Rendered.note`` (kept in ``last_error``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutboxEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BACKOFF_SECONDS = (30, 120, 600, 1800, 3600)  # after attempt 1, 2, 3…
STUCK_AFTER = dt.timedelta(minutes=10)  # a "sending" row older than this lost its worker
S = OutboxEmail.Status


class Discard(Exception):
    """A renderer's way to say the email must not be sent at all (its subject was erased, say)."""


@dataclass
class Rendered:
    subject: str
    body: str
    headers: dict = field(default_factory=dict)
    note: str = ""  # e.g. "custom template failed: …; default wording used"


_RENDERERS: dict[str, callable] = {}


def register_renderer(name: str, function):
    _RENDERERS[name] = function
    return function


_KIND_LABELS: dict[str, str] = {}


def register_kind_label(kind: str, label):
    """A readable name for an email kind ("registrations.approved" → "Registration approved")."""
    _KIND_LABELS[kind] = label


def kind_label(kind: str) -> str:
    label = _KIND_LABELS.get(kind)
    return str(label) if label is not None else kind


def target_of(obj) -> tuple[str, int | None]:
    if obj is None:
        return "", None
    return obj._meta.label_lower, obj.pk


def enqueue(*, to: str, kind: str, language: str = "en", summit=None, target=None, renderer: str = "",
            params: dict | None = None, subject: str = "", body: str = "", reply_to: str = "", group: str = "",
            created_by=None) -> OutboxEmail | None:
    """Record an email to send after the current transaction commits. Returns the row (None without a recipient)."""
    to = (to or "").strip()
    if not to:
        return None
    if renderer and renderer not in _RENDERERS:
        raise ValueError(f"unknown email renderer {renderer!r}")
    target_type, target_id = target_of(target)
    email = OutboxEmail.objects.create(
        kind=kind, to=to, language=language or settings.LANGUAGE_CODE,
        summit_id=getattr(summit, "pk", summit), target_type=target_type, target_id=target_id, group=group,
        renderer=renderer, params=params or {}, subject=subject[:300], body=body, reply_to=reply_to,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )
    transaction.on_commit(lambda: publish(email.pk))
    return email


def publish(email_id: int) -> bool:
    """Ask a worker to send one email; never raises (beat retries what could not be queued)."""
    from . import broker
    from .tasks import send_outbox_email

    return broker.publish(send_outbox_email, (email_id,), what=f"email {email_id}")


def _claim(email_id: int):
    with transaction.atomic():
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=S.QUEUED).first()
        )
        if email is None:
            return None
        email.status = S.SENDING
        email.attempts += 1
        email.claimed_at = timezone.now()
        email.save(update_fields=["status", "attempts", "claimed_at", "updated_at"])
        return email


def render(email: OutboxEmail) -> Rendered:
    if not email.renderer:
        return Rendered(email.subject, email.body)
    return _RENDERERS[email.renderer](email)


def deliver(email_id: int) -> str:
    """Send one queued email now; returns its new status."""
    email = _claim(email_id)
    if email is None:
        return "skipped"
    try:
        rendered = render(email)
    except Discard as exc:
        email.status = S.FAILED
        email.last_error = f"not sent: {exc}"[:2000]
        email.claimed_at = None
        email.save(update_fields=["status", "last_error", "claimed_at", "updated_at"])
        logger.info("outbox: email %s (%s) discarded: %s", email.pk, email.kind, exc)
        return email.status
    except Exception as exc:
        return _failed(email, exc)
    try:
        subject = " ".join(str(rendered.subject).split())[:300]
        headers = {"Content-Language": email.language, **rendered.headers}
        message = EmailMessage(
            subject, rendered.body, settings.DEFAULT_FROM_EMAIL, [email.to], headers=headers,
            reply_to=[email.reply_to] if email.reply_to else None,
        )
        message.send()
    except Exception as exc:  # SMTP down…: keep the row, try again later
        return _failed(email, exc)
    email.subject, email.body = subject, rendered.body
    email.status = S.SENT
    email.sent_at = timezone.now()
    email.claimed_at = None
    email.last_error = rendered.note[:2000] if rendered.note else ""
    email.save(update_fields=["subject", "body", "status", "sent_at", "claimed_at", "last_error", "updated_at"])
    logger.info("outbox: email %s (%s) sent to %s", email.pk, email.kind, email.to)
    return email.status


def _failed(email, exc) -> str:
    email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    if email.attempts >= MAX_ATTEMPTS:
        email.status = S.FAILED
        logger.error("outbox: email %s (%s to %s) failed for good: %s", email.pk, email.kind, email.to,
                     email.last_error)
    else:
        email.status = S.QUEUED
        delay = BACKOFF_SECONDS[min(email.attempts - 1, len(BACKOFF_SECONDS) - 1)]
        email.next_attempt_at = timezone.now() + dt.timedelta(seconds=delay)
        logger.warning("outbox: email %s attempt %d failed (%s); next in %ds", email.pk, email.attempts,
                       email.last_error, delay)
    email.claimed_at = None
    email.save(update_fields=["status", "last_error", "next_attempt_at", "claimed_at", "updated_at"])
    return email.status


def flush(now=None, limit: int = 500) -> int:
    """Queue again every email that is due (never queued, failed an attempt, or lost its worker)."""
    now = now or timezone.now()
    stuck = OutboxEmail.objects.filter(status=S.SENDING, claimed_at__lt=now - STUCK_AFTER)
    released = stuck.update(status=S.QUEUED, claimed_at=None, next_attempt_at=now)
    if released:
        logger.warning("outbox: %d email(s) were left sending by a stopped worker; queued again", released)
    # Rows younger than a few seconds are still being published by their own request.
    grace = dt.timedelta(seconds=float(getattr(settings, "PLENARY_OUTBOX_GRACE_SECONDS", 5)))
    due = list(
        OutboxEmail.objects.filter(status=S.QUEUED, next_attempt_at__lte=now, created_at__lte=now - grace)
        .order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]
    )
    queued = sum(1 for pk in due if publish(pk))
    return queued


def resend(email: OutboxEmail, *, by=None) -> OutboxEmail:
    """Send an email again: a new row about the same record, so the log keeps both attempts."""
    with transaction.atomic():
        copy = OutboxEmail.objects.create(
            kind=email.kind, to=email.to, language=email.language, summit_id=email.summit_id,
            target_type=email.target_type, target_id=email.target_id, group=email.group, renderer=email.renderer,
            params=email.params, subject=email.subject if not email.renderer else "",
            body=email.body if not email.renderer else "", reply_to=email.reply_to,
            created_by=by if getattr(by, "pk", None) else None,
        )
        transaction.on_commit(lambda: publish(copy.pk))
    return copy


def for_target(obj):
    """The emails about one record, newest first (the organiser's log)."""
    target_type, target_id = target_of(obj)
    return OutboxEmail.objects.filter(target_type=target_type, target_id=target_id)
