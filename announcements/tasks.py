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


@shared_task(name="announcements.refresh_lifecycles")
def refresh_lifecycles():
    from .services import refresh_lifecycles as run

    return run()
