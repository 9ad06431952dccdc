"""The daily reminder job runs on a real Celery worker over Redis (as celery beat would queue it)."""

import datetime as dt
import time

import pytest
from django.core import mail
from django.utils import timezone

from announcements.tasks import send_reminders
from tests.summits.factories import SummitFactory

from .factories import PublishedCommitmentFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_reminder_job_on_a_real_worker(worker):
    commitment = PublishedCommitmentFactory(
        summit=SummitFactory(), contact_language="ru", announced_on=timezone.localdate() - dt.timedelta(days=365)
    )
    assert send_reminders.delay().get(timeout=30) == 1
    # The reminder waits in the outbox; the same worker then sends it.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not mail.outbox:
        time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [[commitment.contact_email]]
    assert "/ru/commitments/report/" in mail.outbox[0].body
