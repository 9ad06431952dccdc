"""Scheduled work of the cockpit (thin Celery tasks)."""

from celery import shared_task


@shared_task(name="cockpit.send_review_digests", ignore_result=True)
def send_review_digests():
    from .digest import send_digests

    return send_digests()
