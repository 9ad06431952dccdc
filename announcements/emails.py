"""Emails of the registry, each in its recipient's language, sent through the outbox (core.outbox)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core import outbox

from .choices import ReminderStage


def _send(template, context, to, language, *, summit=None, target=None):
    with translation.override(language or "en"):
        subject = " ".join(render_to_string(f"announcements/email/{template}_subject.txt", context).split())
        body = render_to_string(f"announcements/email/{template}.txt", context)
    return outbox.enqueue(to=to, kind=f"announcements.{template}", language=language or "en", summit=summit,
                          target=target, subject=subject, body=body)


def send_report_reminder(commitment, stage, due):
    from .services import edit_url, report_url

    language = commitment.contact_language or "en"
    _send(
        "reminder",
        {"commitment": commitment, "stage": stage, "due": due, "url": report_url(commitment, language),
         "late": stage in (ReminderStage.LATE30, ReminderStage.LATE90), "stage_label": ReminderStage(stage).label},
        commitment.contact_email, language, summit=commitment.summit_id, target=commitment,
    )


def send_overdue_list(user, summit, commitments, today):
    language = getattr(user, "wagtail_userprofile", None)
    language = getattr(language, "preferred_language", "") or "en"
    _send(
        "overdue",
        {"user": user, "summit": summit, "commitments": commitments, "today": today, "site": settings.SITE_URL},
        user.email, language, summit=summit.pk,
    )


def send_report_returned(report):
    commitment = report.commitment
    if not commitment.contact_email:
        return
    from .services import edit_url, report_url

    language = commitment.contact_language or "en"
    _send("returned", {"commitment": commitment, "report": report, "url": report_url(commitment, language)},
          commitment.contact_email, language, summit=commitment.summit_id, target=commitment)


def send_received(commitment):
    """Acknowledge a submission to its contact, in the language they wrote it in."""
    if not commitment.contact_email:
        return None
    context = {"commitment": commitment, "site": settings.SITE_URL.rstrip("/")}
    return _send("received", context, commitment.contact_email, commitment.contact_language or "en",
                 summit=commitment.summit_id, target=commitment)


def send_review_notice(commitment, action, comment=""):
    """Tell the lead contact the outcome of the review (published with the reporting link, or changes asked)."""
    if not commitment.contact_email:
        return
    from .services import edit_url, report_url

    language = commitment.contact_language or "en"
    context = {"commitment": commitment, "action": action, "comment": comment,
               "url": report_url(commitment, language) if action == "publish" else "",
               "edit_url": edit_url(commitment, language) if action == "request_changes" else "",
               "site": settings.SITE_URL.rstrip("/")}
    _send("review_notice", context, commitment.contact_email, language, summit=commitment.summit_id,
          target=commitment)


def send_escalation(commitment, due, reminders, to, language):
    """Tell a coalition lead or a reviewer that a commitment has not reported after several reminders."""
    _send("escalation", {"commitment": commitment, "due": due, "reminders": reminders,
                         "site": settings.SITE_URL.rstrip("/")},
          to, language, summit=commitment.summit_id, target=commitment)
