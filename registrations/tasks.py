"""Celery tasks of the registrations app: ids in, a service or email function does the work."""

from celery import shared_task


@shared_task
def anonymise_expired_registrations():
    from .services import anonymise_expired

    return anonymise_expired()
