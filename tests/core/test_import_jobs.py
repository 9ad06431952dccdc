"""Imports above PLENARY_IMPORT_INLINE_ROWS rows run as jobs: the request answers at once, a progress bar
follows the preview, the organiser confirms, a second job applies it, all or nothing."""

import time

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from core.models import Job
from summits.models import Room
from tests.summits.factories import SummitFactory, organiser

pytestmark = pytest.mark.django_db

HEADER = "summit,name,capacity\n"


def rooms_csv(slug, count, bad_line=None):
    lines = [HEADER]
    for i in range(count):
        capacity = "many" if bad_line == i + 2 else str(10 + i % 90)
        lines.append(f"{slug},Room {i:05d},{capacity}\n")
    return "".join(lines).encode()


def upload(client, content, name="rooms.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("plenary_import_upload", kwargs={"kind": "rooms"}),
                       {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


@pytest.fixture
def summit():
    return SummitFactory(slug="ops")


@pytest.fixture
def manager(summit):
    return organiser(summits=[summit])


def test_a_10000_row_file_becomes_a_job_and_the_request_answers_at_once(summit, manager):
    browser = Client()  # on-commit callbacks do not run: the job stays queued, as with a worker elsewhere
    browser.force_login(manager)
    content = rooms_csv("ops", 10_000)
    started = time.monotonic()
    response = upload(browser, content)
    took = time.monotonic() - started
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plenary_job", args=[job.uuid.hex])
    assert took < 2, f"the upload request took {took:.2f}s"
    assert (job.kind, job.state, job.total, job.owner, job.params["dry_run"]) == (
        "core.import.rooms", "queued", 10_000, manager, True)
    assert Room.objects.count() == 0
    page = browser.get(response["Location"])
    assert page.status_code == 200
    assert BeautifulSoup(page.content, "html.parser").select_one("progress#job-progress")["max"] == "10000"


def test_a_large_import_is_previewed_by_a_job_then_applied_by_another(client, summit, manager, settings):
    settings.PLENARY_IMPORT_INLINE_ROWS = 50
    client.force_login(manager)
    response = upload(client, rooms_csv("ops", 120))  # the test client runs the job at the request's commit
    preview_job = Job.objects.get()
    assert (preview_job.state, preview_job.done, preview_job.total) == ("succeeded", 120, 120)
    assert Room.objects.count() == 0  # a preview writes nothing
    progress = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    link = progress.select_one("a[data-progress-result]")["href"]
    assert link == reverse("plenary_import_preview", kwargs={"kind": "rooms", "job_id": preview_job.uuid.hex})
    soup = BeautifulSoup(client.get(link).content, "html.parser")
    assert "Preview: 120 to create, 0 to update, 0 unchanged." in soup.get_text(" ", strip=True)
    assert len(soup.select("table.listing tbody tr")) == 100  # the first 100 rows shown
    token = soup.select_one("input[name=token]")["value"]

    response = client.post(reverse("plenary_import_confirm", kwargs={"kind": "rooms"}), {"token": token})
    apply_job = Job.objects.exclude(pk=preview_job.pk).get()
    assert response["Location"] == reverse("plenary_job", args=[apply_job.uuid.hex])
    assert (apply_job.state, apply_job.params["dry_run"], apply_job.result["summary"]) == (
        "succeeded", False, {"created": 120, "updated": 0, "unchanged": 0})
    assert Room.objects.filter(summit=summit).count() == 120
    # the file is gone once applied: confirming twice applies nothing twice
    client.post(reverse("plenary_import_confirm", kwargs={"kind": "rooms"}), {"token": token})
    assert Room.objects.count() == 120 and Job.objects.count() == 2


def test_errors_of_a_large_file_name_their_row_and_nothing_is_saved(client, summit, manager, settings):
    settings.PLENARY_IMPORT_INLINE_ROWS = 50
    client.force_login(manager)
    upload(client, rooms_csv("ops", 120, bad_line=97))
    job = Job.objects.get()
    assert (job.state, job.result["ok"], job.result["error_count"]) == ("succeeded", False, 1)
    soup = BeautifulSoup(client.get(reverse("plenary_import_preview", kwargs={"kind": "rooms",
                                                                              "job_id": job.uuid.hex})).content,
                         "html.parser")
    alert = soup.select_one("[role=alert]").get_text(" ", strip=True)
    assert "Row 97, column “capacity”" in alert
    assert soup.select_one("input[name=token]") is None
    assert Room.objects.count() == 0


def test_a_large_import_in_french_reports_in_french(client, summit, manager, settings):
    settings.PLENARY_IMPORT_INLINE_ROWS = 50
    client.force_login(manager)
    client.cookies["django_language"] = "fr"
    upload(client, rooms_csv("ops", 60, bad_line=10))
    assert Job.objects.get().result["errors"][0].startswith("Ligne 10")


def test_another_organiser_cannot_open_the_preview(client, summit, manager, settings):
    settings.PLENARY_IMPORT_INLINE_ROWS = 50
    client.force_login(manager)
    upload(client, rooms_csv("ops", 60))
    job = Job.objects.get()
    url = reverse("plenary_import_preview", kwargs={"kind": "rooms", "job_id": job.uuid.hex})
    colleague = organiser(summits=[summit])  # same summit, not the job's owner
    outsider = organiser(summits=[SummitFactory(slug="other")])
    for user in (colleague, outsider):
        other = Client()
        other.force_login(user)
        response = other.get(url)
        assert response.status_code in (403, 404)
        assert b"Room 00001" not in response.content
