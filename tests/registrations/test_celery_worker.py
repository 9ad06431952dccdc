"""The confirmation email task runs on a real Celery worker over Redis."""

import pytest
from django.core import mail

from registrations.tasks import send_registration_email

from .factories import RegistrationFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_confirmation_email_task_on_a_real_worker(worker):
    registration = RegistrationFactory(preferred_language="ar", status="waitlisted")
    result = send_registration_email.delay(registration.pk, "received", {})
    assert result.get(timeout=20) is True
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [registration.email]
    assert "/ar/registration/" in mail.outbox[0].body
