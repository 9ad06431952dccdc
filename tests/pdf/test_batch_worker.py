"""A PDF batch runs on a real Celery worker over Redis and reports its progress."""

import time

import pytest
from django.core.files.storage import default_storage

from registrations import documents
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import SummitFactory, organiser

from .helpers import reader

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_badge_sheet_batch_on_a_real_worker(worker):
    summit = SummitFactory()
    category = CategoryFactory(summit=summit, name="Delegate")
    for i in range(10):
        RegistrationFactory(summit=summit, category=category, family_name=f"Person{i}")
    job = documents.start_batch(summit=summit, user=organiser(summits=[summit]), kind="badge_sheets")
    # start_batch queues on commit (autocommit here: at once); the worker updates the job row
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state not in ("queued", "running"):
            break
        time.sleep(0.2)
    assert (job.state, job.done, job.total, job.attempts) == ("succeeded", 10, 10, 1)
    assert job.heartbeat_at is not None
    with default_storage.open(job.result_file.name, "rb") as handle:
        assert len(reader(handle.read()).pages) == 2
