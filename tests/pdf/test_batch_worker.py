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
    job_id = documents.start_batch(summit=summit, user=organiser(summits=[summit]), kind="badge_sheets")
    # start_batch queues on commit (autocommit here: at once); the worker updates status.json
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and documents.batch_status(job_id)["state"] in ("queued", "running"):
        time.sleep(0.2)
    status = documents.batch_status(job_id)
    assert (status["state"], status["done"], status["total"]) == ("done", 10, 10)
    with default_storage.open(status["file"], "rb") as handle:
        assert len(reader(handle.read()).pages) == 2
