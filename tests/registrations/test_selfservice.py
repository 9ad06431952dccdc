"""The participant's signed self-service page."""

import json

import pytest
from django.core import mail
from django.core.signing import TimestampSigner
from django.urls import reverse
from django.utils import translation

from registrations.models import Registration, SessionBooking
from core.signing import make_token
from tests.summits.factories import SessionFactory, local

from .factories import CategoryFactory, RegistrationFactory, image_file, open_summit

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration():
    category = CategoryFactory(summit=open_summit(), quota=5)
    return RegistrationFactory(summit=category.summit, category=category, status="approved")


def manage_url(registration, lang="en", name="manage"):
    with translation.override(lang):
        return reverse(f"registrations:{name}", kwargs={"token": make_token("manage", {"id": registration.pk})})


def test_manage_url_matches_the_agreed_interface(registration):
    token = make_token("manage", {"id": registration.pk})
    with translation.override("ar"):
        assert reverse("registrations:manage", kwargs={"token": token}) == f"/ar/registration/{token}/"


def test_page_shows_status_and_reference(client, registration):
    response = client.get(manage_url(registration))
    body = response.content.decode()
    assert registration.reference in body
    assert '<span class="status approved" id="status">Approved</span>' in body


def test_waitlisted_sees_position(client, registration):
    registration.status = "waitlisted"
    registration.save()
    body = client.get(manage_url(registration)).content.decode()
    assert "number 1 on the waiting list" in body


def test_tampered_token_gets_a_clear_page_with_a_way_out(client, registration):
    response = client.get(manage_url(registration)[:-5] + "XXXX/")
    body = response.content.decode()
    assert response.status_code == 400
    assert "This link is incomplete or was altered" in body
    assert reverse("registrations:link_request") in body


def test_expired_token_says_so(client, registration, settings):
    settings.PLENARY_LINK_MAX_AGE = -1
    response = client.get(manage_url(registration))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_token_for_another_purpose_is_refused(client, registration):
    token = make_token("invitation", {"id": registration.pk})
    assert client.get(f"/en/registration/{token}/").status_code == 400


def test_fresh_link_is_emailed_to_a_registered_address(client, registration):
    response = client.post(reverse("registrations:link_request"), {"email": registration.email.upper()})
    assert "a link to manage the registration is on its way" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[registration.email]]


def test_fresh_link_request_for_unknown_address_says_the_same(client, registration):
    response = client.post(reverse("registrations:link_request"), {"email": "nobody@example.org"})
    assert "a link to manage the registration is on its way" in response.content.decode()
    assert mail.outbox == []


def test_edit_details_before_accreditation(client, registration):
    registration.status = "pending"
    registration.save()
    client.post(manage_url(registration), {
        "action": "save", "given_name": "Aminata", "family_name": "Diallo", "nationality": "SN",
        "preferred_language": "fr", "organisation_name": "Réseau", "position": "Chair",
    })
    registration.refresh_from_db()
    assert (registration.given_name, registration.position) == ("Aminata", "Chair")


def test_names_are_locked_once_accredited(client, registration):
    original = registration.given_name
    client.post(manage_url(registration), {
        "action": "save", "given_name": "Changed", "family_name": "Changed", "nationality": "BR",
        "preferred_language": "es", "organisation_name": "Other", "position": "New position",
    })
    registration.refresh_from_db()
    assert (registration.given_name, registration.nationality.code) == (original, "FR")
    assert (registration.position, registration.preferred_language) == ("New position", "es")


def test_new_photo_is_validated(client, registration):
    registration.status = "pending"
    registration.save()
    response = client.post(manage_url(registration), {
        "action": "save", "given_name": "A", "family_name": "B", "nationality": "SN", "preferred_language": "fr",
        "organisation_name": "X", "photo_upload": image_file("GIF"),
    })
    assert response.context["form"].errors["photo_upload"] == ["Upload a JPEG or PNG photo."]


def test_cancel_asks_for_confirmation_first(client, registration):
    url = manage_url(registration)
    response = client.post(url, {"action": "cancel"})
    assert response["Location"] == url + "cancel/"  # the same link's confirmation step
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_cancel_once_confirmed(client, registration):
    client.post(manage_url(registration, name="manage_cancel"), {"confirm": "yes"})
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_book_two_sessions_then_a_clash_warns(client, registration):
    s = registration.summit
    morning = SessionFactory(summit=s, capacity=10, title="Morning", start=local(s, 0, 9), end=local(s, 0, 10))
    noon = SessionFactory(summit=s, capacity=10, title="Noon", start=local(s, 0, 12), end=local(s, 0, 13))
    overlapping = SessionFactory(summit=s, capacity=10, title="Overlap", start=local(s, 0, 9, 30), end=local(s, 0, 11))
    url = manage_url(registration)
    client.post(url, {"action": "book", "session": morning.pk})
    client.post(url, {"action": "book", "session": noon.pk})
    response = client.post(url, {"action": "book", "session": overlapping.pk}, follow=True)
    body = response.content.decode()
    assert "Warning: “Overlap” overlaps “Morning”, which you also booked." in body
    assert SessionBooking.objects.filter(registration=registration, status="booked").count() == 3


def test_session_of_another_summit_cannot_be_booked(client, registration):
    foreign = SessionFactory(summit=open_summit(), capacity=10)
    client.post(manage_url(registration), {"action": "book", "session": foreign.pk})
    assert SessionBooking.objects.count() == 0


def test_calendar_lists_booked_sessions(client, registration):
    session = SessionFactory(summit=registration.summit, capacity=10, title="High-level panel on oceans")
    client.post(manage_url(registration), {"action": "book", "session": session.pk})
    response = client.get(manage_url(registration, name="manage_calendar"))
    text = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "SUMMARY:High-level panel on oceans" in text
    assert text.count("BEGIN:VEVENT") == 1


def test_download_personal_data(client, registration):
    response = client.get(manage_url(registration, name="manage_data"))
    data = json.loads(response.content)
    assert (data["reference"], data["email"]) == (registration.reference, registration.email)


def test_erasure_needs_confirmation(client, registration):
    client.post(manage_url(registration), {"action": "erase"})
    registration.refresh_from_db()
    assert registration.anonymised_at is None


def test_erasure_with_confirmation(client, registration):
    response = client.post(manage_url(registration), {"action": "erase", "confirm": "yes"})
    registration.refresh_from_db()
    assert registration.anonymised_at is not None and registration.email == ""
    assert "Your data is erased" in response.content.decode()
    assert client.get(manage_url(registration)).status_code == 404


def test_manage_page_query_count_does_not_grow(client, registration, django_assert_max_num_queries):
    s = registration.summit
    for hour in range(8, 18):
        session = SessionFactory(summit=s, capacity=10, start=local(s, 0, hour), end=local(s, 0, hour, 45))
        SessionBooking.objects.create(registration=registration, session=session)
    with django_assert_max_num_queries(12):
        client.get(manage_url(registration))


@pytest.mark.parametrize("value", ["abc", "", "-1", "1.5", "9" * 40, "١", "0x10", "\x00"])
def test_booking_with_a_malformed_session_id_says_it_cannot_be_booked(client, registration, value):
    response = client.post(manage_url(registration), {"action": "book", "session": value}, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["This session cannot be booked."]
    assert SessionBooking.objects.count() == 0
