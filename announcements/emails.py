"""Emails of the registry, each in its recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .choices import ReminderStage


def _send(template, context, to, language):
    with translation.override(language or "en"):
        subject = " ".join(render_to_string(f"announcements/email/{template}_subject.txt", context).split())
        body = render_to_string(f"announcements/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_report_reminder(commitment, stage, due):
    from .services import report_url

    language = commitment.contact_language or "en"
    _send(
        "reminder",
        {"commitment": commitment, "stage": stage, "due": due, "url": report_url(commitment, language),
         "late": stage in (ReminderStage.LATE30, ReminderStage.LATE90), "stage_label": ReminderStage(stage).label},
        commitment.contact_email, language,
    )


def send_overdue_list(user, summit, commitments, today):
    language = getattr(user, "wagtail_userprofile", None)
    language = getattr(language, "preferred_language", "") or "en"
    _send(
        "overdue",
        {"user": user, "summit": summit, "commitments": commitments, "today": today, "site": settings.SITE_URL},
        user.email, language,
    )


def send_report_returned(report):
    commitment = report.commitment
    if not commitment.contact_email:
        return
    from .services import report_url

    language = commitment.contact_language or "en"
    _send("returned", {"commitment": commitment, "report": report, "url": report_url(commitment, language)},
          commitment.contact_email, language)


def send_review_notice(commitment, action, comment=""):
    """Tell the lead contact the outcome of the review (published with the reporting link, or changes asked)."""
    if not commitment.contact_email:
        return
    from .services import report_url

    language = commitment.contact_language or "en"
    context = {"commitment": commitment, "action": action, "comment": comment,
               "url": report_url(commitment, language) if action == "publish" else "",
               "site": settings.SITE_URL.rstrip("/")}
    _send("review_notice", context, commitment.contact_email, language)
