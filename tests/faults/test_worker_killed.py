"""A worker killed with SIGKILL in the middle of a badge batch: the batch never stays "running".

The job's heartbeat stops with its worker; beat's reaper (embedded in a second worker, ``-B``)
notices it after PLENARY_JOB_STALE_SECONDS and queues it again (a batch may run twice: it only
renders a file), and the second worker finishes it. A job out of attempts ends "failed", and the
retry button starts it again.
"""

import time

import pytest
from django.core.files.storage import default_storage

from core import jobs
from core.models import Job
from registrations import documents
from tests.pdf.helpers import reader
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import SummitFactory, organiser

from .conftest import wait_until

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FAST_REAPER = {"PLENARY_JOB_HEARTBEAT_SECONDS": "0.5", "PLENARY_JOB_STALE_SECONDS": "3",
               "PLENARY_JOB_REAP_SECONDS": "1"}
BADGES = 24


@pytest.fixture
def summit():
    summit = SummitFactory()
    category = CategoryFactory(summit=summit, name="Delegate")
    for i in range(BADGES):
        RegistrationFactory(summit=summit, category=category, family_name=f"Person{i:02d}")
    return summit


def start_and_kill_mid_batch(summit, workers):
    first = workers("first", **FAST_REAPER)
    job = documents.start_batch(summit=summit, user=organiser(summits=[summit]), kind="badges")
    wait_until(lambda: Job.objects.filter(pk=job.pk, state="running", done__gt=0).exists(), 30, interval=0.05,
               what="the batch to make progress", log=first)
    first.kill()
    job.refresh_from_db()
    assert job.state == "running" and 0 < job.done < BADGES, (job.state, job.done)
    return job, job.done


def test_a_killed_batch_is_queued_again_and_completes_within_a_minute(summit, workers):
    job, done_when_killed = start_and_kill_mid_batch(summit, workers)
    killed_at = time.monotonic()
    second = workers("second", beat=True, **FAST_REAPER)
    wait_until(lambda: Job.objects.get(pk=job.pk).state not in ("queued", "running"), 60, interval=0.2,
               what="the batch to end", log=second)
    took = time.monotonic() - killed_at
    print(f"\nbatch killed at {done_when_killed}/{BADGES} badges, completed {took:.1f}s later on another worker")
    job.refresh_from_db()
    assert (job.state, job.attempts, job.done, job.total) == ("succeeded", 2, BADGES, BADGES)
    assert took < 60
    with default_storage.open(job.result_file.name, "rb") as handle:
        assert len(reader(handle.read()).pages) == BADGES


def test_a_killed_batch_out_of_attempts_ends_failed_and_can_be_retried(summit, workers, settings):
    kind = jobs.get_kind(documents.JOB_KIND)
    job, _ = start_and_kill_mid_batch(summit, workers)
    Job.objects.filter(pk=job.pk).update(attempts=kind.max_attempts)  # as if this was its last attempt
    second = workers("second", beat=True, **FAST_REAPER)
    wait_until(lambda: Job.objects.get(pk=job.pk).state == "failed", 60, interval=0.2, what="the batch to fail",
               log=second)
    job.refresh_from_db()
    assert job.error == "The worker running this job stopped before it finished."
    assert job.finished_at is not None
    again = jobs.retry(job)  # the retry button's service
    wait_until(lambda: Job.objects.get(pk=again.pk).state == "succeeded", 60, interval=0.2,
               what="the retried batch to succeed", log=second)
    assert Job.objects.get(pk=again.pk).params == job.params
