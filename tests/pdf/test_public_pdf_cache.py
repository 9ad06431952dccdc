"""Public PDFs (participants list, commitments report) laid out once per content, served from
storage, with validators, 304s and a rate limit on what has to be laid out."""

import time
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from core import pdf as core_pdf
from core import public_pdf
from registrations.choices import RegistrationStatus
from tests.announcements.factories import PublishedCommitmentFactory
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import SummitFactory

from .helpers import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    return SummitFactory(title="One Planet Summit", slug="ops", languages=["en", "fr"])


@pytest.fixture
def listed(summit):
    category = CategoryFactory(summit=summit, name="Delegate")
    return RegistrationFactory(summit=summit, category=category, given_name="Amina", family_name="Diallo",
                               list_publicly=True, status=RegistrationStatus.APPROVED)


@pytest.fixture
def layouts():
    """Counts the PDF layouts (WeasyPrint runs) behind the public views."""
    real = core_pdf.html_to_pdf
    with mock.patch.object(core_pdf, "html_to_pdf", side_effect=real) as spy:
        yield spy


def participants_url(summit):
    return reverse("registrations:public_participants_pdf", args=[summit.slug])


def test_participants_list_requested_twice_is_laid_out_once_and_the_same_bytes_come_back_fast(
    client, summit, listed, layouts, django_assert_max_num_queries
):
    first = client.get(participants_url(summit))
    assert first.status_code == 200 and first["X-Plenary-PDF"] == "miss"
    assert "Diallo" in text(first.content)
    started = time.perf_counter()
    with django_assert_max_num_queries(1):  # the summit; no registration is read again
        second = client.get(participants_url(summit))
    elapsed = time.perf_counter() - started
    assert second["X-Plenary-PDF"] == "hit"
    assert second.content == first.content
    assert layouts.call_count == 1
    assert elapsed < 0.02, f"second request took {elapsed * 1000:.1f} ms"
    stored = [name for name in default_storage.listdir(public_pdf.DIRECTORY)[1]]
    assert len(stored) == 1 and stored[0].endswith(".pdf")


def test_a_change_on_the_list_is_laid_out_again_and_a_change_off_it_is_not(
    client, summit, listed, layouts, committed
):
    first = client.get(participants_url(summit)).content
    # Someone who is not on the public list registers: new fingerprint, same HTML, same file.
    with committed():
        RegistrationFactory(summit=summit, family_name="Private", list_publicly=False,
                            status=RegistrationStatus.APPROVED)
    same = client.get(participants_url(summit))
    assert same["X-Plenary-PDF"] == "same-content" and same.content == first
    assert layouts.call_count == 1
    with committed():
        listed.family_name = "Diallo-Sow"
        listed.save()
    changed = client.get(participants_url(summit))
    assert changed["X-Plenary-PDF"] == "miss" and "Diallo-Sow" in text(changed.content)
    assert layouts.call_count == 2


def test_each_language_has_its_own_document(client, summit, listed, layouts):
    english = client.get(participants_url(summit)).content
    french = client.get("/fr" + participants_url(summit).removeprefix("/en")).content
    assert english != french and layouts.call_count == 2


def test_public_pdfs_answer_conditional_gets_with_304(client, summit, listed):
    first = client.get(participants_url(summit))
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(participants_url(summit), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]


def test_a_change_is_seen_only_once_committed(client, summit, listed, layouts, django_capture_on_commit_callbacks):
    first = client.get(participants_url(summit)).content
    with django_capture_on_commit_callbacks(execute=True):
        listed.family_name = "Diallo-Sow"
        listed.save()
        # not committed yet: the stored document still answers
        assert client.get(participants_url(summit)).content == first
    assert "Diallo-Sow" in text(client.get(participants_url(summit)).content)


def test_commitments_report_requested_twice_is_laid_out_once(client, layouts, committed):
    summit = SummitFactory(slug="reg", title="Registry Summit")
    PublishedCommitmentFactory(summit=summit, title="Great Green Wall")
    first = client.get("/en/commitments/report.pdf", {"summit": summit.slug})
    started = time.perf_counter()
    second = client.get("/en/commitments/report.pdf", {"summit": summit.slug})
    elapsed = time.perf_counter() - started
    assert first.status_code == second.status_code == 200
    assert second.content == first.content and layouts.call_count == 1
    assert (first["X-Plenary-PDF"], second["X-Plenary-PDF"]) == ("miss", "hit")
    assert elapsed < 0.02, f"second request took {elapsed * 1000:.1f} ms"
    with committed():
        PublishedCommitmentFactory(summit=summit, title="Blue Corridor")
    third = client.get("/en/commitments/report.pdf", {"summit": summit.slug})
    assert "Blue Corridor" in text(third.content).replace("\n", " ") and layouts.call_count == 2


def test_documents_to_lay_out_are_rate_limited_per_address_cached_ones_are_not(client, settings, layouts):
    settings.PLENARY_RATES = {**settings.PLENARY_RATES, "pdf-render": "2/600"}
    summit = SummitFactory(slug="reg", title="Registry Summit")
    PublishedCommitmentFactory(summit=summit)
    statuses = [client.get("/en/commitments/report.pdf", {"summit": summit.slug, "sort": sort}).status_code
                for sort in ("newest", "oldest", "amount")]
    assert statuses == [200, 200, 429]
    refused = client.get("/fr/commitments/report.pdf", {"summit": summit.slug})
    assert refused.status_code == 429 and "Too many documents" not in refused.content.decode()
    assert refused["Retry-After"]
    # a document already laid out is still served
    assert client.get("/en/commitments/report.pdf", {"summit": summit.slug, "sort": "newest"}).status_code == 200
    # another address is not limited
    assert client.get("/en/commitments/report.pdf", {"summit": summit.slug, "sort": "amount"},
                      REMOTE_ADDR="192.0.2.9").status_code == 200


def test_programme_booklet_answers_conditional_gets(client, summit):
    url = reverse("registrations:programme_pdf", args=[summit.slug])
    first = client.get(url)
    assert first.status_code == 200 and first["Cache-Control"] == "public, max-age=0, must-revalidate"
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
