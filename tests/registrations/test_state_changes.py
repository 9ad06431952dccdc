"""Every state change goes through the services (#10): rejection frees session seats, the organisers'
edit respects category quotas, erasure clears every personal field."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from core.models import OutboxEmail
from registrations import services
from registrations.models import AuditEntry, Invitation, Registration, SessionBooking
from tests.summits.factories import OrganisationFactory, SessionFactory, local, organiser

from .factories import CategoryFactory, InvitationFactory, RegistrationFactory, image_file, open_summit

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    return open_summit()


def test_rejection_frees_the_session_seat_for_the_next_waiting(summit, django_capture_on_commit_callbacks):
    session = SessionFactory(summit=summit, capacity=1, start=local(summit, 0, 10), end=local(summit, 0, 11))
    seated = RegistrationFactory(summit=summit, status="approved")
    waiting = RegistrationFactory(summit=summit, category=seated.category, status="approved")
    services.book_session(seated, session)
    services.book_session(waiting, session)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(seated.pk, "reject", reason="Not eligible")
    assert not SessionBooking.objects.filter(registration=seated).exists()
    assert SessionBooking.objects.get(registration=waiting).status == "booked"
    assert waiting.email in [m.to[0] for m in mail.outbox]


# --- the organisers' edit ------------------------------------------------------------------------

@pytest.fixture
def staff(client, summit):
    user = organiser(summits=[summit])
    client.force_login(user)
    return user


def edit(client, registration, **changes):
    url = reverse("registrations_registration:edit", args=[registration.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(category=registration.category_id, needs_letter="", list_publicly="", accepts_updates="on")
    data.update(changes)
    return client.post(url, data)


def test_the_admin_edit_refuses_a_move_into_a_full_category(client, staff, summit):
    full = CategoryFactory(summit=summit, name="Press", quota=1)
    RegistrationFactory(summit=summit, category=full, status="approved")
    registration = RegistrationFactory(summit=summit, status="approved")
    response = edit(client, registration, category=full.pk)
    assert response.status_code == 200
    assert response.context["form"].errors["category"] == [
        f"“Press” is full: {registration.reference} cannot be moved into it. Raise its quota, or put the "
        "registration on the waiting list first."]
    registration.refresh_from_db()
    assert registration.category_id != full.pk
    assert full.registrations.count() == 1


def test_the_admin_edit_moves_into_a_category_with_room_and_promotes_the_old_ones_waiting_list(client, staff, summit):
    small = CategoryFactory(summit=summit, name="Youth", quota=1)
    registration = RegistrationFactory(summit=summit, category=small, status="approved")
    waiting = RegistrationFactory(summit=summit, category=small, status="waitlisted")
    roomy = CategoryFactory(summit=summit, name="Civil society", quota=10)
    response = edit(client, registration, category=roomy.pk, given_name="Johanna")
    assert response.status_code == 302, response.context["form"].errors
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.category_id, registration.given_name) == (roomy.pk, "Johanna")
    assert waiting.status == "approved"
    entry = AuditEntry.objects.get(registration=registration, action="edit")
    assert entry.actor == staff and set(entry.note.split(", ")) == {"category", "given_name"}


def test_the_service_refuses_a_category_of_another_summit(summit):
    registration = RegistrationFactory(summit=summit, status="approved")
    foreign = CategoryFactory(summit=open_summit())
    with pytest.raises(services.RegistrationError):
        services.edit_by_organiser(registration.pk, {"category": foreign})


def test_a_waitlisted_registration_may_move_into_a_full_category_and_stays_waiting(summit):
    full = CategoryFactory(summit=summit, quota=1)
    RegistrationFactory(summit=summit, category=full, status="approved")
    registration = RegistrationFactory(summit=summit, status="waitlisted")
    services.edit_by_organiser(registration.pk, {"category": full})
    registration.refresh_from_db()
    assert (registration.category_id, registration.status) == (full.pk, "waitlisted")


# --- erasure -------------------------------------------------------------------------------------

# Every field of a registration, and whether erasure clears it. A new field fails this test until it is
# listed here (and, if it is about the person, cleared by services.ERASED).
PERSONAL = {"honorific", "given_name", "family_name", "name_order", "email", "organisation", "organisation_name", "position",
            "nationality", "phone", "accessibility_needs", "dietary_needs", "photo", "needs_letter",
            "passport_number", "passport_expiry", "date_of_birth", "list_publicly", "accepts_updates",
            "status_reason", "invitation"}
KEPT = {"id", "summit", "category", "reference", "status", "preferred_language", "consent_privacy",
        "checked_in_at", "badge_printed_at", "letter_issued_at", "anonymised_at", "created_at", "updated_at"}


def test_the_lists_of_personal_and_kept_fields_cover_the_model():
    fields = {f.name for f in Registration._meta.concrete_fields}
    assert fields == PERSONAL | KEPT
    assert set(services.ERASED) == PERSONAL


def test_erasure_clears_every_personal_field(summit, django_capture_on_commit_callbacks):
    category = CategoryFactory(summit=summit, invitation_only=True)
    invitation = InvitationFactory(category=category, email="minister@example.gov")
    registration = RegistrationFactory(
        summit=summit, category=category, status="rejected", honorific="H.E.", given_name="Amina", family_name="Diallo",
        email="minister@example.gov", organisation=OrganisationFactory(), organisation_name="Ministry", position="Minister",
        nationality="SN", phone="+221 33 000 00 00", accessibility_needs="Wheelchair", dietary_needs="Halal",
        photo=image_file(), needs_letter=True, passport_number="A1234567", passport_expiry=dt.date(2031, 1, 1),
        date_of_birth=dt.date(1970, 1, 1), list_publicly=True, accepts_updates=True, status_reason="Late",
        invitation=invitation,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.resend_manage_link(registration)
    assert OutboxEmail.objects.filter(to="minister@example.gov").exists()
    photo_name = registration.photo.name
    services.erase(registration)
    registration.refresh_from_db()
    for name in sorted(PERSONAL):
        value = getattr(registration, name)
        assert value in ("", None, False) or (name == "photo" and not value), f"{name} kept: {value!r}"
    assert registration.anonymised_at is not None
    assert not registration.photo.storage.exists(photo_name)
    assert not Invitation.objects.filter(email="minister@example.gov").exists()
    assert not OutboxEmail.objects.filter(to="minister@example.gov").exists()
    assert not OutboxEmail.objects.filter(body__contains="Amina").exists()
    assert not registration.audit.exclude(note="").exists()
