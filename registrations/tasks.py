"""Celery tasks of the registrations app: ids in, a service or email function does the work."""

from celery import shared_task


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_registration_email(registration_id, kind, extra=None):
    from .emails import send_registration_email as send

    return send(registration_id, kind, extra or {})


@shared_task
def anonymise_expired_registrations():
    from .services import anonymise_expired

    return anonymise_expired()
