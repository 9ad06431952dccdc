"""The confirmation email goes through the outbox and a real Celery worker over Redis."""

import time

import pytest
from django.core import mail

from core.models import OutboxEmail
from registrations import emails

from .factories import RegistrationFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_confirmation_email_is_sent_by_a_real_worker(worker):
    registration = RegistrationFactory(preferred_language="ar", status="waitlisted")
    row = emails.queue(registration, "received")  # autocommit: published to the broker at once
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and OutboxEmail.objects.get(pk=row.pk).status != OutboxEmail.Status.SENT:
        time.sleep(0.2)
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutboxEmail.Status.SENT, 1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [registration.email]
    assert "/ar/registration/" in mail.outbox[0].body
    assert row.body == mail.outbox[0].body  # the organisers' log shows what went out
