"""Status changes, waiting list promotion, audit log, bookings, check-in and retention."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from registrations import services
from registrations.models import AuditEntry, Registration
from core.signing import checkin_token
from tests.summits.factories import SessionFactory, UserFactory, local

from .factories import CategoryFactory, RegistrationFactory, image_file, open_summit

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory(summit=open_summit(), quota=2, needs_approval=True)


def test_approve_records_who_when_from_and_to(category):
    registration = RegistrationFactory(summit=category.summit, category=category, status="pending")
    user = UserFactory(username="secretariat")
    services.change_status(registration.pk, "approve", actor=user)
    entry = AuditEntry.objects.get(registration=registration, action="approve")
    assert (entry.actor, entry.actor_label, entry.from_status, entry.to_status) == (user, "secretariat", "pending", "approved")
    assert entry.at is not None


def test_approval_email_goes_out_in_the_participant_language(category, committed):
    registration = RegistrationFactory(summit=category.summit, category=category, status="pending", preferred_language="ar")
    with committed():
        services.change_status(registration.pk, "approve")
    assert len(mail.outbox) == 1
    assert "/ar/registration/" in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == "ar"


def test_reject_needs_a_reason(category):
    registration = RegistrationFactory(summit=category.summit, category=category, status="pending")
    with pytest.raises(services.RegistrationError):
        services.change_status(registration.pk, "reject", reason="  ")
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_reject_sends_the_reason(category, committed):
    registration = RegistrationFactory(summit=category.summit, category=category, status="pending")
    with committed():
        services.change_status(registration.pk, "reject", reason="Quota for observers reached")
    assert "Quota for observers reached" in mail.outbox[0].body


def test_cancel_promotes_the_oldest_waitlisted_of_the_category(category, committed):
    held = [RegistrationFactory(summit=category.summit, category=category, status="approved") for _ in range(2)]
    oldest = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    younger = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    with committed():
        services.change_status(held[0].pk, "cancel")
    oldest.refresh_from_db()
    younger.refresh_from_db()
    assert (oldest.status, younger.status) == ("pending", "waitlisted")
    assert younger.waitlist_position() == 1
    assert any("a place is now available" in m.subject for m in mail.outbox if m.to == [oldest.email])


def test_rejection_promotes_to_approved_in_an_open_category():
    category = CategoryFactory(summit=open_summit(), quota=1, needs_approval=False)
    held = RegistrationFactory(summit=category.summit, category=category, status="approved")
    waiting = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    services.change_status(held.pk, "reject", reason="Duplicate of another delegate")
    waiting.refresh_from_db()
    assert waiting.status == "approved"


def test_raising_the_quota_promotes(category):
    for _ in range(2):
        RegistrationFactory(summit=category.summit, category=category, status="approved")
    waiting = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    category.quota = 3
    category.save()
    promoted = services.promote_waitlist(category.summit_id)
    assert promoted == [waiting]


def test_promotion_respects_summit_capacity(category):
    category.summit.capacity = 2
    category.summit.save()
    other = CategoryFactory(summit=category.summit)
    RegistrationFactory(summit=category.summit, category=other, status="approved")
    held = RegistrationFactory(summit=category.summit, category=category, status="approved")
    RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    services.change_status(held.pk, "cancel")
    assert services.held_places(category.summit_id) == 2


def test_approving_a_waitlisted_without_room_is_refused(category):
    for _ in range(2):
        RegistrationFactory(summit=category.summit, category=category, status="approved")
    waiting = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    with pytest.raises(services.RegistrationError, match="No place is free"):
        services.change_status(waiting.pk, "approve")


def test_bulk_approve_twenty_one(committed):
    category = CategoryFactory(summit=open_summit(), quota=None, needs_approval=True)
    registrations = [RegistrationFactory(summit=category.summit, category=category, status="pending") for _ in range(21)]
    with committed():
        done, errors = services.bulk_change_status([r.pk for r in registrations], "approve", actor=UserFactory())
    assert (len(done), errors) == (21, [])
    assert Registration.objects.filter(status="approved").count() == 21
    assert AuditEntry.objects.filter(action="approve").count() == 21
    assert len(mail.outbox) == 21


def test_bulk_reports_the_ones_it_cannot_change(category):
    pending = RegistrationFactory(summit=category.summit, category=category, status="pending")
    cancelled = RegistrationFactory(summit=category.summit, category=category, status="cancelled")
    done, errors = services.bulk_change_status([pending.pk, cancelled.pk], "approve")
    assert [r.pk for r in done] == [pending.pk]
    assert errors == [f"{cancelled.reference} is cancelled and cannot be changed this way."]


# --- bookings -------------------------------------------------------------------------------

@pytest.fixture
def participant():
    category = CategoryFactory(summit=open_summit())
    return RegistrationFactory(summit=category.summit, category=category, status="approved")


def test_booking_a_session_with_seats(participant):
    session = SessionFactory(summit=participant.summit, capacity=2)
    booking, clashes = services.book_session(participant, session)
    assert (booking.status, clashes) == ("booked", [])


def test_full_session_waitlists(participant):
    session = SessionFactory(summit=participant.summit, capacity=1)
    other = RegistrationFactory(summit=participant.summit, category=participant.category)
    services.book_session(other, session)
    booking, _ = services.book_session(participant, session)
    assert booking.status == "waitlisted"


def test_clashing_booking_warns_with_the_other_session(participant):
    first = SessionFactory(summit=participant.summit, capacity=5, start=local(participant.summit, 0, 9), end=local(participant.summit, 0, 11))
    second = SessionFactory(summit=participant.summit, capacity=5, start=local(participant.summit, 0, 10), end=local(participant.summit, 0, 12))
    services.book_session(participant, first)
    _booking, clashes = services.book_session(participant, second)
    assert clashes == [first]


def test_cancelled_seat_goes_to_the_session_waiting_list(participant, committed):
    session = SessionFactory(summit=participant.summit, capacity=1)
    services.book_session(participant, session)
    other = RegistrationFactory(summit=participant.summit, category=participant.category)
    waiting, _ = services.book_session(other, session)
    with committed():
        services.cancel_booking(participant, session)
    waiting.refresh_from_db()
    assert waiting.status == "booked"
    assert [m.to for m in mail.outbox] == [[other.email]]


def test_more_seats_in_a_session_go_to_its_waiting_list(participant, committed):
    session = SessionFactory(summit=participant.summit, capacity=1)
    services.book_session(participant, session)
    other = RegistrationFactory(summit=participant.summit, category=participant.category)
    third = RegistrationFactory(summit=participant.summit, category=participant.category)
    waiting, _ = services.book_session(other, session)
    still_waiting, _ = services.book_session(third, session)
    with committed():
        session.capacity = 2
        session.save()
    waiting.refresh_from_db(), still_waiting.refresh_from_db()
    assert (waiting.status, still_waiting.status) == ("booked", "waitlisted")
    assert [m.to for m in mail.outbox] == [[other.email]]


def test_pending_participant_cannot_book(participant):
    participant.status = "pending"
    participant.save()
    with pytest.raises(services.RegistrationError):
        services.book_session(participant, SessionFactory(summit=participant.summit, capacity=3))


def test_session_without_capacity_cannot_be_booked(participant):
    with pytest.raises(services.RegistrationError):
        services.book_session(participant, SessionFactory(summit=participant.summit, capacity=None))


# --- check-in -------------------------------------------------------------------------------

def test_badge_qr_checks_in_once(participant):
    code = checkin_token(participant.reference, participant.summit_id)
    first = services.check_in(participant.summit, code)
    second = services.check_in(participant.summit, code)
    participant.refresh_from_db()
    assert first.ok and participant.checked_in_at is not None
    assert (second.ok, second.message.startswith("Already checked in at")) == (False, True)


def test_typed_reference_checks_in(participant):
    result = services.check_in(participant.summit, participant.reference.lower())
    assert result.ok


def test_badge_of_another_summit_is_refused(participant):
    other = open_summit()
    result = services.check_in(other, checkin_token(participant.reference, participant.summit_id))
    assert (result.ok, result.message) == (False, "This badge is for another summit.")


def test_typed_reference_of_another_summit_is_refused(participant):
    result = services.check_in(open_summit(), participant.reference)
    assert (result.ok, result.message) == (False, "This badge is for another summit.")


@pytest.mark.parametrize("status", ["pending", "waitlisted", "rejected", "cancelled"])
def test_unapproved_badge_is_refused(participant, status):
    participant.status = status
    participant.save()
    result = services.check_in(participant.summit, checkin_token(participant.reference, participant.summit_id))
    assert result.ok is False and result.message.startswith("Refused: this registration is")
    participant.refresh_from_db()
    assert participant.checked_in_at is None


def test_forged_badge_is_refused(participant):
    token = checkin_token(participant.reference, participant.summit_id)
    result = services.check_in(participant.summit, token[:-3] + "xyz")
    assert result.ok is False


# --- retention and erasure ------------------------------------------------------------------

def test_retention_anonymises_ended_summits_but_keeps_counts(participant, settings, tmp_path):
    from django.core.files.base import ContentFile

    participant.photo.save("p.jpg", ContentFile(image_file().read()))
    photo_path = participant.photo.path
    summit = participant.summit
    summit.start_date, summit.end_date, summit.retention_days = dt.date(2020, 1, 1), dt.date(2020, 1, 2), 30
    summit.save()
    assert services.anonymise_expired(today=dt.date(2020, 3, 1)) == 1
    participant.refresh_from_db()
    assert (participant.given_name, participant.email, participant.photo.name or "") == ("", "", "")
    assert participant.status == "approved" and participant.anonymised_at is not None
    import os

    assert not os.path.exists(photo_path)


def test_retention_leaves_summits_inside_their_period(participant):
    summit = participant.summit
    summit.end_date, summit.retention_days = timezone.localdate() - dt.timedelta(days=10), 30
    summit.start_date = summit.end_date
    summit.save()
    assert services.anonymise_expired() == 0


def test_erasure_cancels_and_frees_the_place():
    category = CategoryFactory(summit=open_summit(), quota=1)
    held = RegistrationFactory(summit=category.summit, category=category, status="approved")
    waiting = RegistrationFactory(summit=category.summit, category=category, status="waitlisted")
    services.erase(held)
    held.refresh_from_db()
    waiting.refresh_from_db()
    assert (held.status, held.family_name, waiting.status) == ("cancelled", "", "approved")


def test_personal_data_export_lists_bookings_and_history(participant):
    session = SessionFactory(summit=participant.summit, capacity=3)
    services.book_session(participant, session)
    data = services.personal_data(participant)
    assert data["email"] == participant.email
    assert data["sessions"][0]["session"] == session.title
    assert data["history"][0]["action"] == "book"


def test_organiser_wording_is_used_for_that_summit_and_language(committed):
    from .factories import EmailTemplateFactory

    category = CategoryFactory(summit=open_summit())
    EmailTemplateFactory(summit=category.summit, kind="approved", language="fr",
                         subject="Accréditation {{ reference }}", body="Bonjour {{ name }}, à bientôt.")
    french = RegistrationFactory(summit=category.summit, category=category, status="pending", preferred_language="fr",
                                 honorific="", given_name="Léa", family_name="Roux")
    english = RegistrationFactory(summit=category.summit, category=category, status="pending", preferred_language="en")
    with committed():
        services.change_status(french.pk, "approve")
        services.change_status(english.pk, "approve")
    by_to = {m.to[0]: m for m in mail.outbox}
    assert (by_to[french.email].subject, by_to[french.email].body) == (f"Accréditation {french.reference}", "Bonjour Léa Roux, à bientôt.")
    assert by_to[english.email].subject.endswith(f"your registration is approved ({english.reference})")
