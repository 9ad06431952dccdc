"""Thin Celery tasks: ids in, call a service."""

from celery import shared_task


@shared_task(name="announcements.send_reminders")
def send_reminders():
    from .services import send_reminders as run

    return run()


@shared_task(name="announcements.send_overdue_digest")
def send_overdue_digest():
    from .services import send_overdue_digest as run

    return run()


@shared_task(name="announcements.send_report_returned")
def send_report_returned(report_id):
    from .emails import send_report_returned as run
    from .models import ProgressReport

    report = ProgressReport.objects.select_related("commitment").filter(pk=report_id).first()
    if report is not None:
        run(report)


@shared_task(name="announcements.send_review_notice")
def send_review_notice(commitment_id, action, comment=""):
    from .emails import send_review_notice as run
    from .models import Commitment

    commitment = Commitment.objects.select_related("summit").filter(pk=commitment_id).first()
    if commitment is not None:
        run(commitment, action, comment)
