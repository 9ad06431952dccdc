"""The confirmation email task runs on a real Celery worker over Redis."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from config.celery import app
from registrations.tasks import send_registration_email

from .factories import RegistrationFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager = True


def test_confirmation_email_task_on_a_real_worker(worker):
    registration = RegistrationFactory(preferred_language="ar", status="waitlisted")
    result = send_registration_email.delay(registration.pk, "received", {})
    assert result.get(timeout=20) is True
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [registration.email]
    assert "/ar/registration/" in mail.outbox[0].body
