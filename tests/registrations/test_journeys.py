"""Participant journeys without dead ends (#10): cancel that forgives, a letter after instant approval,
times in the summit's zone, a rate limit that counts only accepted registrations, a form that loses nothing."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from core.signing import make_token
from registrations import services
from registrations.models import Registration

from .factories import CategoryFactory, RegistrationFactory, form_data, open_summit

pytestmark = pytest.mark.django_db


def manage_url(registration, lang="en", name="manage"):
    with translation.override(lang):
        return reverse(f"registrations:{name}", kwargs={"token": make_token("manage", {"id": registration.pk})})


def register_url(summit, lang="en"):
    with translation.override(lang):
        return reverse("registrations:register", kwargs={"summit_slug": summit.slug})


@pytest.fixture
def category():
    return CategoryFactory(summit=open_summit(contact_email="help@summit.example.org"), quota=1)


@pytest.fixture
def registration(category):
    return RegistrationFactory(summit=category.summit, category=category, status="approved")


def cancel(client, registration):
    return client.post(manage_url(registration, name="manage_cancel"), {"confirm": "yes"})


# --- cancel that forgives ----------------------------------------------------------------------

def test_the_confirmation_step_names_what_is_lost_and_changes_nothing(client, registration):
    response = client.get(manage_url(registration, name="manage_cancel"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Yes, cancel my registration" in body and "No, keep my registration" in body
    assert "until registration closes on" in body
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_a_post_without_the_confirmation_changes_nothing(client, registration):
    client.post(manage_url(registration, name="manage_cancel"), {})
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_cancelled_registration_can_be_restored_while_its_place_is_free(client, registration):
    cancel(client, registration)
    body = client.get(manage_url(registration)).content.decode()
    assert 'id="restore-registration"' in body
    mail.outbox.clear()
    client.post(manage_url(registration), {"action": "restore"})
    registration.refresh_from_db()
    assert registration.status == "approved"
    assert [a.action for a in registration.audit.order_by("at", "pk")][-2:] == ["cancel", "restore"]
    assert [m.to for m in mail.outbox] == [[registration.email]]
    assert "approved" in mail.outbox[0].subject


def test_restore_returns_to_the_waiting_list_when_the_place_was_taken(client, registration, category):
    waiting = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    cancel(client, registration)
    waiting.refresh_from_db()
    assert waiting.status == "approved"  # the place went to the next person
    response = client.post(manage_url(registration), {"action": "restore"}, follow=True)
    registration.refresh_from_db()
    assert registration.status == "waitlisted"
    assert "you are back on the waiting list" in response.content.decode()
    assert Registration.objects.filter(category=category, status="approved").count() == 1  # quota of 1 holds


def test_restore_is_refused_once_registration_has_closed(client, registration):
    cancel(client, registration)
    summit = registration.summit
    summit.registration_closes = timezone.now() - dt.timedelta(minutes=1)
    summit.registration_opens = timezone.now() - dt.timedelta(days=2)
    summit.save()
    assert 'id="restore-registration"' not in client.get(manage_url(registration)).content.decode()
    response = client.post(manage_url(registration), {"action": "restore"}, follow=True)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert "can no longer be restored" in response.content.decode()


def test_a_cancellation_by_the_organisers_cannot_be_undone_by_the_participant(client, registration):
    services.change_status(registration.pk, "cancel", actor="secretariat")
    assert 'id="restore-registration"' not in client.get(manage_url(registration)).content.decode()
    with pytest.raises(services.RegistrationError):
        services.restore_by_participant(registration)


def test_registering_again_after_cancelling_sends_the_restore_link_and_answers_as_new(client, registration, category):
    cancel(client, registration)
    mail.outbox.clear()
    response = client.post(register_url(category.summit), form_data(category, email=registration.email.upper()))
    assert response["Location"] == f"/en/summits/{category.summit.slug}/register/sent/"
    assert [m.to for m in mail.outbox] == [[registration.email]]
    token = re.search(r"/registration/([^/\s]+)/", mail.outbox[0].body).group(1)
    body = client.get(f"/en/registration/{token}/").content.decode()
    assert 'id="restore-registration"' in body


def test_the_self_service_page_names_the_summit_contact(client, registration):
    body = client.get(manage_url(registration)).content.decode()
    assert '<a href="mailto:help@summit.example.org" id="contact-email">' in body


# --- a letter after instant approval -----------------------------------------------------------

def details(registration, **overrides):
    data = {"action": "save", "given_name": registration.given_name, "family_name": registration.family_name,
            "nationality": "SN", "preferred_language": "en", "organisation_name": "Réseau"}
    data.update(overrides)
    return data


def test_approved_participant_asks_for_a_letter_then_downloads_it(client, registration):
    assert registration.status == "approved" and not registration.passport_number
    page = client.get(manage_url(registration))
    form = page.context["form"]
    assert not any(form.fields[name].disabled for name in ("passport_number", "passport_expiry", "date_of_birth"))
    assert form.fields["given_name"].disabled
    refused = client.post(manage_url(registration), details(registration, needs_letter="on"))
    assert refused.context["form"].errors["passport_number"] == ["The passport number is required for a visa letter."]
    expiry = (timezone.localdate() + dt.timedelta(days=800)).isoformat()
    client.post(manage_url(registration), details(registration, needs_letter="on", passport_number="A1234567",
                                                  passport_expiry=expiry, date_of_birth="1980-05-04"))
    registration.refresh_from_db()
    assert (registration.needs_letter, registration.passport_number) == (True, "A1234567")
    url = manage_url(registration)
    letter = url + "letter.pdf"
    assert f'href="{letter}"' in client.get(url).content.decode()
    response = client.get(letter)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(b"%PDF")


def test_passport_details_lock_once_given_after_approval(client, registration):
    registration.needs_letter = True
    registration.passport_number = "A1234567"
    registration.save()
    form = client.get(manage_url(registration)).context["form"]
    assert form.fields["passport_number"].disabled
    assert not form.fields["date_of_birth"].disabled  # still empty: still open
    client.post(manage_url(registration), details(registration, needs_letter="on", passport_number="HACKED",
                                                  passport_expiry="2031-01-01", date_of_birth="1980-05-04"))
    registration.refresh_from_db()
    assert registration.passport_number == "A1234567"
    assert registration.date_of_birth == dt.date(1980, 5, 4)


def test_the_service_refuses_a_change_of_a_given_passport_number(registration):
    registration.passport_number = "A1234567"
    registration.save()
    services.update_details(registration, {"passport_number": "B7654321", "passport_expiry": dt.date(2031, 1, 1)})
    registration.refresh_from_db()
    assert (registration.passport_number, registration.passport_expiry) == ("A1234567", dt.date(2031, 1, 1))


# --- times in the summit's zone ----------------------------------------------------------------

def test_self_service_shows_sessions_in_the_summit_zone_named_in_words(client, registration):
    from tests.summits.factories import SessionFactory, local

    summit = registration.summit  # Europe/Paris
    SessionFactory(summit=summit, capacity=10, title="Oceans", start=local(summit, 0, 10), end=local(summit, 0, 11))
    body = client.get(manage_url(registration)).content.decode()
    row = re.search(r'<td class="when">(.*?)</td>', body, re.S).group(1)
    assert "10:00" in row and "11:00" in row and "09:00" not in row
    zone = re.search(r'<small id="sessions-zone">\((.*?)\)</small>', body).group(1)
    assert zone.startswith("Paris time (GMT+0")


def test_self_service_times_in_french_name_the_zone_in_french(client, registration):
    from tests.summits.factories import SessionFactory, local

    summit = registration.summit
    SessionFactory(summit=summit, capacity=10, title="Océans", start=local(summit, 0, 10), end=local(summit, 0, 11))
    body = client.get(manage_url(registration, "fr")).content.decode()
    assert "heure de Paris" in body
    row = re.search(r'<td class="when">(.*?)</td>', body, re.S).group(1)
    assert "10:00" in row and "09:00" not in row


def test_registration_deadline_is_shown_in_the_summit_zone(client, category):
    summit = category.summit
    summit.registration_closes = dt.datetime(2030, 1, 10, 22, 30, tzinfo=dt.timezone.utc)  # 23:30 in Paris
    summit.save()
    body = client.get(register_url(summit)).content.decode()
    closes = re.search(r'<span id="registration-closes">(.*?)</span>', body, re.S).group(1)
    assert "10 January 2030" in closes and "23:30" in closes and "Paris time (GMT+01:00)" in closes
    assert "UTC" not in closes


def test_cancellation_email_says_until_when_it_can_be_undone_in_the_summit_zone(client, registration):
    summit = registration.summit
    summit.registration_closes = dt.datetime(2030, 1, 10, 22, 30, tzinfo=dt.timezone.utc)
    summit.save()
    mail.outbox.clear()
    cancel(client, registration)
    body = mail.outbox[-1].body
    assert "restore it from the link below until registration closes on 10 January 2030, 23:30 (Paris time (GMT+01:00))" in body
    assert "help@summit.example.org" in body


def test_seat_confirmed_email_gives_the_session_time_in_the_summit_zone(registration, django_capture_on_commit_callbacks):
    from tests.summits.factories import SessionFactory, local

    summit = registration.summit
    session = SessionFactory(summit=summit, capacity=1, title="Oceans", start=local(summit, 0, 10), end=local(summit, 0, 11))
    other = RegistrationFactory(summit=summit, category=registration.category, status="approved")
    services.book_session(other, session)
    services.book_session(registration, session)  # waiting list
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(other, session)
    assert [m.to for m in mail.outbox] == [[registration.email]]
    assert "10:00" in mail.outbox[0].body and "Paris time" in mail.outbox[0].body


# --- a rate limit that counts only accepted registrations --------------------------------------

def test_25_failed_submissions_then_a_valid_one_is_accepted(client, category, settings):
    settings.PLENARY_REGISTRATION_RATE = "20/3600"  # the old default, which counted every POST
    for attempt in range(25):
        response = client.post(register_url(category.summit), form_data(category, email=f"typo{attempt}@", consent_privacy=None))
        assert response.status_code == 200 and response.context["form"].errors
    response = client.post(register_url(category.summit), form_data(category))
    assert response.status_code == 302
    assert Registration.objects.filter(email="amina.diallo@example.org").exists()


def test_the_defaults_are_generous_for_one_address(client, category):
    category.quota = None
    category.save()
    for i in range(30):
        assert client.post(register_url(category.summit), form_data(category, email=f"desk{i}@example.org")).status_code == 302
    assert Registration.objects.count() == 30


def test_the_limit_per_email_stops_repeated_link_emails(client, category, settings):
    settings.PLENARY_RATES = {**settings.PLENARY_RATES, "register-email": "3/3600"}
    for _attempt in range(5):
        client.post(register_url(category.summit), form_data(category))
    assert len(mail.outbox) == 3  # received, then the link twice; the next ones are held back
    response = client.post(register_url(category.summit), form_data(category, given_name="Aïssatou"))
    assert response.status_code == 429 and 'value="Aïssatou"' in response.content.decode()


def test_the_limits_are_settings(client, category, settings):
    settings.PLENARY_REGISTRATION_RATE = "1/3600"
    client.post(register_url(category.summit), form_data(category, email="a@example.org"))
    assert client.post(register_url(category.summit), form_data(category, email="b@example.org")).status_code == 429
    settings.PLENARY_REGISTRATION_RATE = "0/0"  # disabled
    assert client.post(register_url(category.summit), form_data(category, email="b@example.org")).status_code == 302


# --- a form that loses nothing ------------------------------------------------------------------

def test_the_photo_survives_a_validation_error(client, category):
    from .factories import image_file

    category.requires_photo = True
    category.save()
    first = client.post(register_url(category.summit), form_data(category, consent_privacy=None,
                                                                 photo_upload=image_file()))
    assert "consent_privacy" in first.context["form"].errors
    body = first.content.decode()
    assert 'id="kept-photo"' in body
    ticket = re.search(r'name="kept_photo" value="([^"]+)"', body).group(1)
    second = client.post(register_url(category.summit), form_data(category, kept_photo=ticket))
    assert second.status_code == 302
    registration = Registration.objects.get()
    assert registration.photo and registration.photo.read(3) == b"\xff\xd8\xff"


def test_a_forged_or_lost_kept_photo_asks_for_the_photo_again(client, category):
    response = client.post(register_url(category.summit), form_data(category, kept_photo="forged:ticket"))
    assert response.context["form"].errors["photo_upload"] == [
        "The photo you chose earlier could not be kept: choose it again, please."]
    assert Registration.objects.count() == 0


def test_required_fields_are_marked(client, category):
    form = client.get(register_url(category.summit)).content.decode()
    assert re.search(r'<label for="id_given_name" class="required">', form)
    assert re.search(r'<label for="id_consent_privacy" class="required">', form)
    assert not re.search(r'<label for="id_dietary_needs" class="required">', form)
    assert "Fields marked with * are required." in form


def test_a_full_category_says_waiting_list_in_the_drop_down(client, category):
    RegistrationFactory(summit=category.summit, category=category, status="approved")  # quota 1: full
    roomy = CategoryFactory(summit=category.summit, name="Press", quota=None)
    form = client.get(register_url(category.summit)).content.decode()
    assert f'<option value="{category.pk}">{category.name} — full: waiting list</option>' in form
    assert f'<option value="{roomy.pk}">Press</option>' in form


def test_a_full_summit_flags_every_category(client, category):
    summit = category.summit
    summit.capacity = 1
    summit.save()
    RegistrationFactory(summit=summit, category=CategoryFactory(summit=summit, name="Press"), status="pending")
    assert services.full_category_ids(summit) == set(summit.registration_categories.values_list("pk", flat=True))


def test_an_overlong_name_gets_a_message_and_is_never_cut(client, category):
    form = client.get(register_url(category.summit)).content.decode()
    assert not re.search(r'id="id_family_name"[^>]*maxlength', form) and not re.search(r'maxlength[^>]*id="id_family_name"', form)
    long_name = "Wolfeschlegelsteinhausenbergerdorff " * 4  # 144 characters
    response = client.post(register_url(category.summit), form_data(category, family_name=long_name.strip()))
    assert response.context["form"].errors["family_name"] == [
        "This is too long: at most 120 characters (it has 143). Shorten it (for example with initials), "
        "or write to the organisers."]
    assert Registration.objects.count() == 0


def test_checkboxes_sit_on_the_line_of_their_label(client, category):
    form = client.get(register_url(category.summit)).content.decode()
    assert re.search(r'<span class="check-line"><input type="checkbox" name="consent_privacy"[^>]*> <label for="id_consent_privacy"', form)


def test_the_link_sent_again_to_a_cancelled_registration_says_it_can_be_restored(client, registration, category):
    cancel(client, registration)
    mail.outbox.clear()
    client.post(register_url(category.summit), form_data(category, email=registration.email))
    assert "you can restore it from the link below until registration closes on" in mail.outbox[0].body


def test_the_letter_is_dated_where_the_summit_is(registration):
    from unittest import mock

    from registrations import documents

    just_after_midnight_in_paris = dt.datetime(2030, 3, 1, 23, 30, tzinfo=dt.timezone.utc)  # 00:30 on 2 March
    with mock.patch("django.utils.timezone.now", return_value=just_after_midnight_in_paris):
        letter = documents.letter_data_for(registration, "en")
    assert letter.issued_on == dt.date(2030, 3, 2)


def test_self_service_times_equal_the_programmes(client, db):
    from bs4 import BeautifulSoup

    from tests.cms import factories as cms_factories
    from tests.summits.factories import SessionFactory, local

    summit = open_summit(slug="ops", timezone="Europe/Paris", languages=["en", "fr", "ar"])
    cms_factories.summit_page(cms_factories.home_page(title="Home"), summit, title="Summit")
    SessionFactory(summit=summit, capacity=10, title="Oceans", start=local(summit, 0, 10), end=local(summit, 0, 11, 30))
    registration = RegistrationFactory(summit=summit, status="approved")
    programme = BeautifulSoup(client.get("/en/ops/programme/").content, "html.parser")
    times = programme.select_one(".session__time").get_text(" ", strip=True)
    mine = BeautifulSoup(client.get(manage_url(registration)).content, "html.parser")
    when = mine.select_one("td.when").get_text(" ", strip=True)
    assert re.findall(r"\d\d:\d\d", times) == re.findall(r"\d\d:\d\d", when) == ["10:00", "11:30"]


def test_a_broken_link_names_the_site_contact(client, settings, registration):
    settings.PLENARY_CONTACT_EMAIL = "help@plenary.example.org"
    body = client.get(manage_url(registration)[:-5] + "XXXX/").content.decode()
    assert '<a href="mailto:help@plenary.example.org">' in body


def test_the_closed_form_names_the_summit_contact(client, category):
    summit = category.summit
    summit.registration_opens = timezone.now() - dt.timedelta(days=3)
    summit.registration_closes = timezone.now() - dt.timedelta(days=1)
    summit.save()
    assert '<a href="mailto:help@summit.example.org">' in client.get(register_url(summit)).content.decode()


def marked(html, name):
    return re.search(rf'<label (class="required" for="id_{name}"|for="id_{name}" class="required")>', html)


def test_what_every_category_requires_is_marked_too(client, category):
    category.requires_organisation = True
    category.requires_position = True
    category.save()
    CategoryFactory(summit=category.summit, requires_organisation=True, requires_position=False)
    form = client.get(register_url(category.summit)).content.decode()
    assert marked(form, "organisation_name")
    assert '<label for="id_position">' in form  # one category does not require it


def test_the_self_service_form_marks_what_the_own_category_requires(client, registration):
    registration.category.requires_organisation = True
    registration.category.save()
    form = client.get(manage_url(registration)).content.decode()
    assert marked(form, "organisation_name")


def test_a_new_file_replaces_the_kept_photo(client, category):
    from registrations.forms import kept_photo

    from .factories import image_file

    first = client.post(register_url(category.summit), form_data(category, consent_privacy=None, photo_upload=image_file()))
    ticket = re.search(r'name="kept_photo" value="([^"]+)"', first.content.decode()).group(1)
    client.post(register_url(category.summit), form_data(category, kept_photo=ticket,
                                                         photo_upload=image_file(colour=(200, 30, 30))))
    assert kept_photo(ticket) is None  # nothing left behind in the cache
    assert Registration.objects.get().photo
