"""Badge and letter batches split into chunks (one Celery task each, eager here) and merged in order:
the same pages as the single-process render, retried chunks, a clear failure, no chunk left behind."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage

from core.models import Job
from registrations import documents
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import SummitFactory, organiser

from .helpers import page_texts, reader

pytestmark = pytest.mark.django_db

COUNT = 25


@pytest.fixture
def summit():
    summit = SummitFactory(slug="chunked", title="Chunked Summit", start_date=dt.date(2030, 1, 11),
                           end_date=dt.date(2030, 1, 12), signatory_name="Jean Dupont", status="open")
    press = CategoryFactory(summit=summit, name="Press", sort_order=2, badge_colour="#e0e0e0")
    delegate = CategoryFactory(summit=summit, name="Delegate", sort_order=1, badge_colour="#1f5fa8")
    families = ["Zhang", "andersen", "Diallo", "Mensah", "Dupont", "Ivanova", "Nakamura"]
    for i in range(COUNT):
        RegistrationFactory(
            summit=summit, category=[press, delegate][i % 2], given_name=f"Given{i:02d}",
            family_name=f"{families[i % len(families)]}{i % 4}", nationality=["FR", "SN", "BR", "CN"][i % 4],
            preferred_language=["en", "fr", "en", "es", "en"][i % 5], needs_letter=i % 3 != 0,
            passport_number=f"P{i:06d}", passport_expiry=dt.date(2032, 1, 1), date_of_birth=dt.date(1980, 1, 1),
        )
    return summit


def batch_job(summit, committed, kind, order="category"):
    with committed():
        job = documents.start_batch(summit=summit, user=organiser(summits=[summit]), kind=kind, order=order)
    job.refresh_from_db()
    return job


def job_pdf(job) -> bytes:
    with default_storage.open(job.result_file.name, "rb") as handle:
        return handle.read()


def chunk_files(job):
    try:
        return default_storage.listdir(f"jobs/{job.uuid.hex}/chunks")[1]
    except FileNotFoundError:
        return []


@pytest.mark.parametrize("kind,order", [("badges", "category"), ("badges", "country"),
                                        ("badge_sheets", "family_name"), ("letters", "category")])
def test_chunked_batch_has_the_pages_of_the_single_process_render(summit, committed, settings, monkeypatch,
                                                                 kind, order):
    single, count = documents.render_summit_batch(summit, kind, order=order)
    expected = page_texts(single)
    assert count > 10 and len(expected) > 1
    chunks = {}
    # (PLENARY_PDF_CHUNK_SIZE, progress steps): one chunk of all; chunks of 10; about ten small chunks
    for chunk_size, steps in ((1000, 1), (10, 1), (10, documents.PROGRESS_STEPS)):
        settings.PLENARY_PDF_CHUNK_SIZE = chunk_size
        monkeypatch.setattr(documents, "PROGRESS_STEPS", steps)
        job = batch_job(summit, committed, kind, order)
        assert (job.state, job.error, job.done, job.total) == ("succeeded", "", count, count)
        pdf = job_pdf(job)
        assert page_texts(pdf) == expected, (kind, order, chunk_size, steps)
        chunks[chunk_size, steps] = job.result["chunks"]
        assert chunks[chunk_size, steps] == len(documents.batch_plan(summit, kind, order))
        assert chunk_files(job) == []  # merged, then deleted
    expected_chunks = {"badges": [1, 3, 9], "letters": [1, 2, 8], "badge_sheets": [1, 2, 3]}[kind]
    assert list(chunks.values()) == expected_chunks, chunks
    if kind == "badge_sheets":  # whole sheets in every chunk: the crop marks of each sheet are the same
        assert all(len(chunk) % 9 == 0 for chunk in documents.batch_plan(summit, kind, order)[:-1])


def test_the_order_of_a_chunked_batch_follows_the_chosen_order(summit, committed, settings):
    settings.PLENARY_PDF_CHUNK_SIZE = 4
    job = batch_job(summit, committed, "badges", "family_name")
    texts = page_texts(job_pdf(job))
    families = [next(line for line in text.splitlines() if line[:-1].isalpha() and line[-1].isdigit())
                for text in texts]
    assert families == sorted(families, key=str.casefold), families


def test_a_chunk_that_fails_once_is_retried_and_the_batch_succeeds(summit, committed, settings, monkeypatch):
    settings.PLENARY_PDF_CHUNK_SIZE = 10
    real = documents.render_batch_chunk
    calls = []

    def flaky(summit, kind, ids, **kwargs):
        calls.append(ids[0])
        if len(calls) == 2:
            raise OSError("disk full for a moment")
        return real(summit, kind, ids, **kwargs)

    monkeypatch.setattr(documents, "render_batch_chunk", flaky)
    job = batch_job(summit, committed, "badges")
    assert (job.state, job.done, job.total) == ("succeeded", COUNT, COUNT)
    assert len(calls) == job.result["chunks"] + 1 and calls[1] == calls[2]  # the second chunk ran twice
    assert len(reader(job_pdf(job)).pages) == COUNT


def test_a_chunk_that_keeps_failing_fails_the_job_clearly(summit, committed, settings, monkeypatch):
    settings.PLENARY_PDF_CHUNK_SIZE = 10
    real = documents.render_batch_chunk
    plan = documents.batch_plan(summit, "badges", "category")

    def broken(summit, kind, ids, **kwargs):
        if ids == plan[1]:
            raise ValueError("a broken photo")
        return real(summit, kind, ids, **kwargs)

    monkeypatch.setattr(documents, "render_batch_chunk", broken)
    job = batch_job(summit, committed, "badges")
    assert job.state == "failed"
    assert f"Chunk 2 of {len(plan)}" in job.error and "failed 3 times" in job.error, job.error
    assert "ValueError: a broken photo" in job.error
    assert not job.result_file and chunk_files(job) == []
    from registrations.models import Registration

    assert not Registration.objects.filter(summit=summit, badge_printed_at__isnull=False).exists()


def test_a_chunk_of_a_finished_or_rerun_job_does_nothing(summit, committed, settings):
    settings.PLENARY_PDF_CHUNK_SIZE = 10
    job = batch_job(summit, committed, "badges")
    from registrations import tasks

    ids = documents.batch_plan(summit, "badges")[0]
    assert tasks.render_batch_chunk.apply(args=(job.pk, job.attempts, 0, 3, ids)).get() is None
    Job.objects.filter(pk=job.pk).update(state="running")
    assert tasks.render_batch_chunk.apply(args=(job.pk, job.attempts - 1, 0, 3, ids)).get() is None
    assert chunk_files(job) == []
    assert tasks.merge_batch_chunks.apply(args=([None], job.pk, job.attempts)).get() == "skipped"


def test_outsider_cannot_follow_or_download_a_chunked_batch(client, summit, committed, settings):
    settings.PLENARY_PDF_CHUNK_SIZE = 5
    job = batch_job(summit, committed, "badges")
    assert job.result["chunks"] > 1
    other = SummitFactory()
    client.force_login(organiser(summits=[other]))
    from django.urls import reverse

    for name in ("plenary_pdf_batch", "plenary_pdf_batch_status", "plenary_pdf_batch_download"):
        response = client.get(reverse(name, args=[job.uuid.hex]))
        assert response.status_code in (403, 404) or response.status_code == 302, (name, response.status_code)
        assert not getattr(response, "streaming", False)
