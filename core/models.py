"""Cross-cutting records: summit teams, the email outbox and background jobs.

They refer to a summit by the string ``"summits.Summit"`` only (no import of the domain), so the
ground floor stays below the apps that use it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .permissions import Role


class Membership(models.Model):
    """One role of one user in one summit's team (a user may hold several roles)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="summit_memberships"
    )
    summit = models.ForeignKey(
        "summits.Summit", verbose_name=_("summit"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["summit_id", "role", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "summit", "role"], name="membership_once_per_role")]
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"


class OutboxEmail(models.Model):
    """An email to send, written in the same transaction as the change that causes it.

    A Celery task sends it (retrying with backoff); ``celery beat`` re-queues anything left unsent,
    so an email survives a broker or SMTP outage. When ``renderer`` is set, subject and body are
    rendered at send time (and stored here, so the log shows exactly what went out).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=60)
    to = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=10, default="en")
    summit = models.ForeignKey(
        "summits.Summit", verbose_name=_("summit"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="outbox_emails",
    )
    # What the email is about, e.g. ("registrations.registration", 42): the organiser's log per record.
    target_type = models.CharField(_("about (type)"), max_length=60, blank=True)
    target_id = models.PositiveBigIntegerField(_("about (id)"), null=True, blank=True)
    # Emails sent together (a message to participants) share a group, e.g. "message:12".
    group = models.CharField(_("group"), max_length=64, blank=True, db_index=True)
    renderer = models.CharField(_("renderer"), max_length=60, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("body"), blank=True)
    reply_to = models.CharField(_("reply to"), max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["target_type", "target_id"], name="outbox_target"),
        ]
        verbose_name = _("email")
        verbose_name_plural = _("emails")

    def __str__(self):
        return f"{self.kind} → {self.to} ({self.get_status_display()})"


def job_file_path(instance, filename):
    return f"jobs/{instance.uuid.hex}/{filename}"


class Job(models.Model):
    """A long piece of work (a PDF batch, a large import, a summit copy) run by a Celery worker.

    The row is the truth: its state, progress and heartbeat are written by the worker; a beat task
    marks a job whose worker died as failed (or queues it again), so no job stays "running" forever.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Done")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=60)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="plenary_jobs",
    )
    summit = models.ForeignKey(
        "summits.Summit", verbose_name=_("summit"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="jobs",
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(_("progress message"), max_length=300, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    result_file = models.FileField(_("result file"), upload_to=job_file_path, max_length=300, blank=True)
    result_name = models.CharField(_("file name"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("deleted after"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "heartbeat_at"], name="job_liveness")]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self):
        return f"{self.kind} {self.uuid.hex[:8]} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        if self.state == self.State.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.SUCCEEDED, self.State.FAILED, self.State.CANCELLED)


class WorkspaceChoice(models.Model):
    """The summit an organiser last chose to work in (the admin's summit switcher), remembered per user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="plenary_workspace"
    )
    summit = models.ForeignKey(
        "summits.Summit", verbose_name=_("summit"), on_delete=models.CASCADE, related_name="+"
    )
    updated_at = models.DateTimeField(_("chosen at"), auto_now=True)

    class Meta:
        verbose_name = _("chosen summit")
        verbose_name_plural = _("chosen summits")

    def __str__(self):
        return f"{self.user} → {self.summit_id}"
