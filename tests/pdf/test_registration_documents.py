"""Participants' documents from real registrations: self-service downloads, check-in with the
badge's QR code, letter verification, public list, admin batches with progress, the command."""

import datetime as dt
import io
import math
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from registrations import documents
from registrations.choices import RegistrationStatus
from core.signing import make_token
from tests.registrations.factories import CategoryFactory, RegistrationFactory, image_file
from tests.summits.factories import SummitFactory, organiser

from .helpers import decode_qr_codes, page_size_mm, reader, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    return SummitFactory(
        slug="one-planet", title="One Planet Summit", title_ar="قمة كوكب واحد", title_fr="Sommet One Planet",
        start_date=dt.date(2030, 1, 11), end_date=dt.date(2030, 1, 11), signatory_name="Jean Dupont",
        signatory_title="Secretary-General", status="open",
    )


@pytest.fixture
def delegate(summit):
    return CategoryFactory(summit=summit, name="Delegate", name_ar="مندوب", name_fr="Délégué",
                           badge_colour="#1f5fa8")


@pytest.fixture
def amina(summit, delegate):
    return RegistrationFactory(
        summit=summit, category=delegate, given_name="أمينة", family_name="ديالو", honorific="",
        preferred_language="ar", needs_letter=True, passport_number="A01234567",
        passport_expiry=dt.date(2031, 5, 1), date_of_birth=dt.date(1980, 3, 14), nationality="SN",
        photo=image_file(), list_publicly=True,
    )


def url(name, registration):
    return reverse(f"registrations:{name}", kwargs={"token": make_token("manage", {"id": registration.pk})})


def flat(pdf):
    return text(pdf).replace("\n", " ")


def test_approved_participant_downloads_an_arabic_badge(client, amina):
    response = client.get(url("badge_pdf", amina))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = flat(response.content)
    assert "أمينة" in content and "ديالو" in content and "مندوب" in content and "قمة كوكب واحد" in content
    assert "يناير" in content
    assert len(reader(response.content).pages[0].images) == 2  # photo and QR code


def test_badge_qr_code_checks_the_participant_in(client, amina):
    token = decode_qr_codes(client.get(url("badge_pdf", amina)).content)[0]
    client.force_login(organiser(summits=[amina.summit]))
    response = client.post(reverse("registrations_checkin", args=[amina.summit.pk]), {"code": token})
    assert response.status_code == 200
    amina.refresh_from_db()
    assert amina.checked_in_at is not None


def test_badge_uses_the_summit_badge_format(client, amina):
    amina.summit.badge_format = "a6"
    amina.summit.save()
    assert page_size_mm(client.get(url("badge_pdf", amina)).content) == (105.0, 148.0)


@pytest.mark.parametrize("status", [RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED,
                                    RegistrationStatus.REJECTED, RegistrationStatus.CANCELLED])
def test_no_badge_before_approval(client, amina, status):
    amina.status = status
    amina.save()
    assert client.get(url("badge_pdf", amina)).status_code == 403


def test_forged_token_gets_nothing(client, amina):
    token = make_token("manage", {"id": amina.pk})
    assert client.get(reverse("registrations:badge_pdf", kwargs={"token": token[:-3] + "xyz"})).status_code == 404


def test_token_for_another_purpose_gets_nothing(client, amina):
    token = make_token("checkin", {"id": amina.pk})
    assert client.get(reverse("registrations:badge_pdf", kwargs={"token": token})).status_code == 404


def test_each_token_gives_only_its_own_badge(client, summit, delegate, amina):
    other = RegistrationFactory(summit=summit, category=delegate, given_name="Inger", family_name="Andersen")
    content = flat(client.get(url("badge_pdf", other)).content)
    assert "Andersen" in content and "ديالو" not in content


def test_letter_for_approved_participant_who_asked_for_one(client, amina):
    response = client.get(url("letter_pdf", amina))
    assert response.status_code == 200
    content = flat(response.content)
    assert "A01234567" in content and "ديالو" in content and "Jean Dupont" in content
    assert documents.letter_code(amina.reference, amina.summit_id) in content


def test_no_letter_when_none_was_asked_for(client, amina):
    amina.needs_letter = False
    amina.save()
    assert client.get(url("letter_pdf", amina)).status_code == 403


def test_no_letter_before_approval(client, amina):
    amina.status = RegistrationStatus.PENDING
    amina.save()
    assert client.get(url("letter_pdf", amina)).status_code == 403


def test_certificate_only_after_check_in(client, amina):
    assert client.get(url("certificate_pdf", amina)).status_code == 403
    amina.checked_in_at = timezone.now()
    amina.save()
    response = client.get(url("certificate_pdf", amina))
    assert response.status_code == 200
    assert "ديالو" in flat(response.content)


def test_participant_may_ask_for_another_language(client, amina):
    content = flat(client.get(url("badge_pdf", amina) + "?language=fr").content)
    assert "Délégué" in content and "janvier" in content


def test_letter_verification_confirms_a_genuine_code(client, amina):
    code = documents.letter_code(amina.reference, amina.summit_id)
    response = client.get(reverse("registrations:letter_verify"), {"code": code})
    assert "This letter is genuine." in response.content.decode()
    assert amina.reference in response.content.decode()


def test_letter_verification_refuses_a_forged_code(client, amina):
    code = documents.letter_code(amina.reference, amina.summit_id)[:-4] + "AAAA"
    body = client.get(reverse("registrations:letter_verify"), {"code": code}).content.decode()
    assert "We could not verify this code." in body and "It was issued to" not in body


def test_letter_of_a_cancelled_registration_no_longer_verifies(client, amina):
    amina.status = RegistrationStatus.CANCELLED
    amina.save()
    code = documents.letter_code(amina.reference, amina.summit_id)
    body = client.get(reverse("registrations:letter_verify"), {"code": code}).content.decode()
    assert "We could not verify this code." in body


def test_public_list_shows_only_approved_participants_who_consented(client, summit, delegate, amina):
    RegistrationFactory(summit=summit, category=delegate, family_name="Hidden", list_publicly=False)
    RegistrationFactory(summit=summit, category=delegate, family_name="Waiting", list_publicly=True,
                        status=RegistrationStatus.PENDING)
    response = client.get(reverse("registrations:public_participants_pdf", args=[summit.slug]))
    content = flat(response.content)
    assert "ديالو" in content and "Hidden" not in content and "Waiting" not in content


def test_public_list_of_a_draft_summit_is_not_found(client, summit, amina):
    summit.status = "draft"
    summit.save()
    assert client.get(reverse("registrations:public_participants_pdf", args=[summit.slug])).status_code == 404


# --- Admin --------------------------------------------------------------------------------------
def assert_refused(response):
    """Wagtail turns PermissionDenied in admin views into a redirect to the dashboard."""
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not response.content.startswith(b"%PDF")


def make_participants(summit, category, count):
    return [RegistrationFactory(summit=summit, category=category, family_name=f"Person{i:03d}",
                                nationality=["FR", "SN", "BR"][i % 3]) for i in range(count)]


def test_organiser_generates_badge_sheets_with_progress_and_downloads_them(
    client, summit, delegate, django_capture_on_commit_callbacks
):
    make_participants(summit, delegate, 11)
    client.force_login(organiser(summits=[summit]))
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued on commit
        response = client.post(reverse("plenary_pdf_batch_start"),
                               {"summit": summit.pk, "kind": "badge_sheets", "order": "family_name"})
    assert response.status_code == 302, response
    assert "/batches/" in response["Location"], response["Location"]
    job_id = re.search(r"/batches/([0-9a-f]{32})/", response["Location"]).group(1)
    page = client.get(response["Location"])
    assert page.status_code == 200 and b"<progress" in page.content
    status = client.get(reverse("plenary_pdf_batch_status", args=[job_id])).json()
    assert (status["state"], status["done"], status["total"]) == ("done", 11, 11)
    download = client.get(status["download_url"])
    pdf = b"".join(download.streaming_content)
    assert len(reader(pdf).pages) == math.ceil(11 / 9)
    content = flat(pdf)
    assert content.index("Person000") < content.index("Person005") < content.index("Person010")


def test_batch_of_letters_has_a_page_per_participant_who_asked(
    client, summit, delegate, amina, django_capture_on_commit_callbacks
):
    make_participants(summit, delegate, 2)
    client.force_login(organiser(summits=[summit]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plenary_pdf_batch_start"),
                               {"summit": summit.pk, "kind": "letters", "order": "family_name"})
    job_id = re.search(r"/batches/([0-9a-f]{32})/", response["Location"]).group(1)
    status = client.get(reverse("plenary_pdf_batch_status", args=[job_id])).json()
    pdf = b"".join(client.get(status["download_url"]).streaming_content)
    assert len(reader(pdf).pages) == 1 and "A01234567" in flat(pdf)


def test_batch_form_says_when_nobody_is_approved(client, summit, delegate):
    RegistrationFactory(summit=summit, category=delegate, status=RegistrationStatus.PENDING)
    client.force_login(organiser(summits=[summit]))
    response = client.post(reverse("plenary_pdf_batch_start"),
                           {"summit": summit.pk, "kind": "badge_sheets", "order": "category"})
    assert response.status_code == 200
    assert response.context["form"].errors["summit"] == ["This summit has no approved participants yet."]


def test_organiser_cannot_start_a_batch_for_another_summit(client, summit, delegate):
    make_participants(summit, delegate, 1)
    client.force_login(organiser(summits=[SummitFactory()]))
    response = client.post(reverse("plenary_pdf_batch_start"),
                           {"summit": summit.pk, "kind": "badge_sheets", "order": "category"})
    assert response.status_code == 200
    assert "summit" in response.context["form"].errors


def test_organiser_of_another_summit_cannot_follow_or_download_a_batch(client, summit, delegate):
    make_participants(summit, delegate, 1)
    owner = organiser(summits=[summit])
    job_id = documents.start_batch(summit=summit, user=owner, kind="badges").uuid.hex
    client.force_login(organiser(summits=[SummitFactory()]))
    assert_refused(client.get(reverse("plenary_pdf_batch_status", args=[job_id])))
    assert_refused(client.get(reverse("plenary_pdf_batch_download", args=[job_id])))


def test_batch_waits_in_the_queue_until_the_request_commits(summit, delegate):
    from django.test import Client

    client = Client()  # this client never commits: the job must not have run
    make_participants(summit, delegate, 2)
    client.force_login(organiser(summits=[summit]))
    response = client.post(reverse("plenary_pdf_batch_start"),
                           {"summit": summit.pk, "kind": "badges", "order": "category"})
    status = client.get(response["Location"] + "status.json").json()
    assert (status["state"], status["download_url"]) == ("queued", "")


def test_unknown_batch_is_not_found(client, summit):
    client.force_login(organiser(summits=[summit]))
    assert client.get(reverse("plenary_pdf_batch_status", args=["0" * 32])).status_code == 404
    assert client.get(reverse("plenary_pdf_batch_status", args=["..%2F..%2Fetc"])).status_code == 404


def test_organiser_downloads_one_participants_badge(client, amina):
    client.force_login(organiser(summits=[amina.summit]))
    response = client.get(reverse("plenary_pdf_registration_document", args=[amina.pk, "badge"]))
    assert response.status_code == 200 and "ديالو" in flat(response.content)


def test_organiser_of_another_summit_gets_no_participant_document(client, amina):
    client.force_login(organiser(summits=[SummitFactory()]))
    assert_refused(client.get(reverse("plenary_pdf_registration_document", args=[amina.pk, "letter"])))


def test_organisers_participants_list_groups_by_category(client, summit, delegate, amina):
    press = CategoryFactory(summit=summit, name="Press")
    RegistrationFactory(summit=summit, category=press, family_name="Reporter")
    client.force_login(organiser(summits=[summit]))
    content = flat(client.get(reverse("plenary_pdf_participants", args=[summit.pk])).content)
    assert content.index("Delegate") < content.index("ديالو") < content.index("Press") < content.index("Reporter")


def test_batch_queries_do_not_grow_with_participants(summit, delegate, django_assert_max_num_queries):
    make_participants(summit, delegate, 3)
    with django_assert_max_num_queries(6) as small:
        documents.render_summit_batch(summit, "letters" if False else "badges")
    make_participants(summit, delegate, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        documents.render_summit_batch(summit, "badges")


def test_render_badges_command_writes_the_sheets_with_a_progress_bar(tmp_path, summit, delegate):
    make_participants(summit, delegate, 4)
    out = io.StringIO()
    target = tmp_path / "sheets.pdf"
    call_command("render_badges", summit.slug, "--kind", "badge_sheets", "-o", str(target), stdout=out)
    assert len(reader(target.read_bytes()).pages) == 1
    assert "[########################################] 4/4" in out.getvalue()
    assert "Wrote" in out.getvalue() and "4 documents" in out.getvalue()


def test_old_batches_are_purged_and_recent_ones_kept(summit, delegate, settings, committed):
    from django.core.files.storage import default_storage

    from core import jobs
    from core.models import Job

    make_participants(summit, delegate, 1)
    user = organiser(summits=[summit])
    with committed():
        old = documents.start_batch(summit=summit, user=user, kind="badges")
        recent = documents.start_batch(summit=summit, user=user, kind="badges")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.state, recent.state) == ("succeeded", "succeeded")
    old_file = old.result_file.name
    assert default_storage.exists(old_file)
    # Batches hold passport numbers: they are deleted PLENARY_JOB_RESULT_HOURS after they finish.
    assert recent.expires_at - recent.finished_at == dt.timedelta(hours=settings.PLENARY_JOB_RESULT_HOURS)
    Job.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert jobs.purge() == 1
    assert not Job.objects.filter(pk=old.pk).exists()
    assert not default_storage.exists(old_file)
    assert Job.objects.get(pk=recent.pk).state == "succeeded"
