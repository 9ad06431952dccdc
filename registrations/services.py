"""Operations on registrations: register, approve/reject/waitlist/cancel, waiting lists, bookings,
check-in, personal data export, erasure and retention.

Each operation is one transaction and is logged. Capacity is decided late, under row locks taken
in a fixed order (summit, then category, then session) as pretix and pretalx do: on PostgreSQL
``SELECT … FOR UPDATE`` serialises concurrent registrations for the same summit; on SQLite the
write transaction (``BEGIN IMMEDIATE``) does the same.
"""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from summits.models import Session, Summit
from core.signing import BadToken, read_checkin_token

from .choices import HOLDS_PLACE, BookingStatus, EmailKind, RegistrationStatus
from .models import AuditEntry, Registration, RegistrationCategory, SessionBooking, new_reference

logger = logging.getLogger(__name__)

S = RegistrationStatus


class RegistrationError(Exception):
    """A rule refused the operation; the message is for the user (translated)."""


class RegistrationClosed(RegistrationError):
    pass


class DuplicateRegistration(RegistrationError):
    def __init__(self, existing):
        super().__init__(_("This email address is already registered for this summit."))
        self.existing = existing


def _queue_email(registration, kind, **extra):
    """An email to the participant, in the outbox with this transaction (sent after it commits)."""
    from .emails import queue

    if not isinstance(registration, Registration):
        registration = Registration.objects.select_related("summit").get(pk=registration)
    return queue(registration, kind, **extra)


def _audit(registration, action, from_status, to_status, actor=None, note=""):
    label = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor.get_username()
    elif isinstance(actor, str):
        label, actor = actor, None
    AuditEntry.objects.create(
        registration=registration, actor=actor if not isinstance(actor, str) else None, actor_label=label or "participant",
        action=action, from_status=from_status or "", to_status=to_status or "", note=note,
    )
    logger.info("registration %s %s: %s -> %s by %s", registration.reference, action, from_status, to_status, label or "participant")


# --- Capacity -------------------------------------------------------------------------------

def _lock(summit_id, category_id=None):
    """Lock the summit row, then the category row (always this order: no deadlocks)."""
    summit = Summit.objects.select_for_update().get(pk=summit_id)
    category = RegistrationCategory.objects.select_for_update().get(pk=category_id) if category_id else None
    return summit, category


def held_places(summit_id, category_id=None):
    qs = Registration.objects.filter(summit_id=summit_id, status__in=HOLDS_PLACE)
    if category_id:
        qs = qs.filter(category_id=category_id)
    return qs.count()


def has_room(summit, category, exclude_id=None):
    """True when one more registration fits both the category quota and the summit's capacity."""
    if summit.capacity is None and category.quota is None:
        return True
    base = Registration.objects.filter(summit_id=summit.pk, status__in=HOLDS_PLACE)
    if exclude_id:
        base = base.exclude(pk=exclude_id)
    held = base.aggregate(total=Count("pk"), in_category=Count("pk", filter=Q(category_id=category.pk)))
    if summit.capacity is not None and held["total"] >= summit.capacity:
        return False
    if category.quota is not None and held["in_category"] >= category.quota:
        return False
    return True


def full_category_ids(summit):
    """Ids of this summit's categories in which a new registration would go to the waiting list (one query)."""
    held = dict(
        Registration.objects.filter(summit=summit, status__in=HOLDS_PLACE).order_by()
        .values("category_id").annotate(n=Count("pk")).values_list("category_id", "n")
    )
    categories = RegistrationCategory.objects.filter(summit=summit).values_list("pk", "quota")
    if summit.capacity is not None and sum(held.values()) >= summit.capacity:
        return {pk for pk, _quota in categories}
    return {pk for pk, quota in categories if quota is not None and held.get(pk, 0) >= quota}


def _placed_status(category):
    return S.PENDING if category.needs_approval else S.APPROVED


# --- Registering ----------------------------------------------------------------------------

def find_existing(summit, email):
    return Registration.objects.filter(summit=summit, email__iexact=email.strip(), anonymised_at__isnull=True).first()


def register(summit, category, fields, *, photo=None, invitation=None, now=None):
    """Create a registration; its status is decided under lock. Returns the registration.

    ``fields`` are the model's personal fields (already validated by the form or importer);
    ``photo`` a ContentFile of the re-encoded JPEG. Raises RegistrationClosed or DuplicateRegistration.
    """
    if not summit.registration_is_open(now):
        raise RegistrationClosed(_("Registration for this summit is not open."))
    if category.summit_id != summit.pk:
        raise RegistrationError(_("This category belongs to another summit."))
    email = fields["email"].strip()
    existing = find_existing(summit, email)
    if existing:
        raise DuplicateRegistration(existing)
    try:
        with transaction.atomic():
            summit_locked, category_locked = _lock(summit.pk, category.pk)
            if has_room(summit_locked, category_locked):
                status = _placed_status(category_locked)
            else:
                status = S.WAITLISTED
            registration = Registration(summit=summit_locked, category=category_locked, status=status, **fields)
            registration.email = email
            registration.invitation = invitation
            registration.reference = _unique_reference(summit_locked)
            if photo is not None:
                registration.photo.save("photo.jpg", photo, save=False)
            registration.save()
            _audit(registration, "register", "", status)
            _queue_email(registration, EmailKind.RECEIVED)
    except IntegrityError:
        existing = find_existing(summit, email)
        if existing:
            raise DuplicateRegistration(existing) from None
        raise
    return registration


def _unique_reference(summit):
    for _attempt in range(20):
        reference = new_reference(summit)
        if not Registration.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("could not draw a unique reference")


def resend_manage_link(registration):
    _queue_email(registration, EmailKind.MANAGE_LINK)
    logger.info("manage link re-sent for registration %s", registration.reference)


# --- Organiser decisions --------------------------------------------------------------------

ALLOWED = {
    "approve": ({S.PENDING, S.WAITLISTED}, S.APPROVED),
    "reject": ({S.PENDING, S.WAITLISTED, S.APPROVED}, S.REJECTED),
    "waitlist": ({S.PENDING, S.APPROVED}, S.WAITLISTED),
    "cancel": ({S.PENDING, S.WAITLISTED, S.APPROVED}, S.CANCELLED),
}
EMAIL_FOR = {S.APPROVED: EmailKind.APPROVED, S.REJECTED: EmailKind.REJECTED,
             S.WAITLISTED: EmailKind.WAITLISTED, S.CANCELLED: EmailKind.CANCELLED}


def change_status(registration_id, action, *, actor=None, reason=""):
    """Apply ``action`` (approve, reject, waitlist, cancel) to one registration, in one transaction.

    Records the audit entry, emails the participant, and promotes from the waiting list when a
    place is freed. Raises RegistrationError with a message when the action is not possible.
    """
    if action not in ALLOWED:
        raise RegistrationError(_("Unknown action."))
    sources, target = ALLOWED[action]
    with transaction.atomic():
        summit_id, category_id = Registration.objects.values_list("summit_id", "category_id").get(pk=registration_id)
        summit, category = _lock(summit_id, category_id)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        before = registration.status
        if before not in sources:
            raise RegistrationError(
                _("%(reference)s is %(status)s and cannot be changed this way.")
                % {"reference": registration.reference, "status": registration.get_status_display().lower()}
            )
        if action == "reject" and not reason.strip():
            raise RegistrationError(_("Give a reason for the rejection."))
        if target == S.APPROVED and before == S.WAITLISTED and not has_room(summit, category):
            raise RegistrationError(
                _("No place is free in “%(category)s” for %(reference)s; raise the quota or free a place first.")
                % {"category": category.name, "reference": registration.reference}
            )
        registration.status = target
        registration.status_reason = reason.strip()
        registration.save(update_fields=["status", "status_reason", "updated_at"])
        _audit(registration, action, before, target, actor, reason.strip())
        if target in (S.CANCELLED, S.REJECTED):  # their session seats go to the next people waiting
            _drop_bookings(registration)
        _queue_email(registration, EMAIL_FOR[target])
        if before in HOLDS_PLACE and target in (S.REJECTED, S.CANCELLED):
            _promote_locked(summit, actor)
    return registration


def edit_by_organiser(registration_id, changes, *, actor=None):
    """An organiser corrects a registration's details (``changes``: field → new value), in one transaction.

    A move to another category is a capacity decision: a registration holding a place (pending or
    approved) moves only if the new category has room, and the place it frees goes to the waiting list.
    """
    with transaction.atomic():
        summit_id, old_category_id = Registration.objects.values_list("summit_id", "category_id").get(pk=registration_id)
        new_category = changes.get("category")
        summit, _none = _lock(summit_id)
        ids = sorted({old_category_id, getattr(new_category, "pk", old_category_id)})
        locked = {c.pk: c for c in RegistrationCategory.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        moved = new_category is not None and new_category.pk != registration.category_id
        if moved:
            target = locked.get(new_category.pk)
            if target is None or target.summit_id != registration.summit_id:
                raise RegistrationError(_("This category belongs to another summit."))
            if registration.status in HOLDS_PLACE and not has_room(summit, target, exclude_id=registration.pk):
                raise RegistrationError(
                    _("“%(category)s” is full: %(reference)s cannot be moved into it. Raise its quota, or put the "
                      "registration on the waiting list first.") % {"category": target.name, "reference": registration.reference})
            changes = {**changes, "category": target}
        changed = []
        for name, value in changes.items():
            if getattr(registration, name) != value:
                setattr(registration, name, value)
                changed.append(name)
        if changed:
            registration.save()
            _audit(registration, "edit", registration.status, registration.status, actor, ", ".join(changed))
        if moved:
            _promote_locked(summit, actor)
    return registration


def bulk_change_status(registration_ids, action, *, actor=None, reason=""):
    """Apply an action to many registrations, each in its own transaction. Returns (done, errors)."""
    done, errors = [], []
    for registration_id in registration_ids:
        try:
            done.append(change_status(registration_id, action, actor=actor, reason=reason))
        except RegistrationError as exc:
            errors.append(str(exc))
        except Registration.DoesNotExist:
            continue
    return done, errors


def promote_waitlist(summit_id, actor=None):
    """Promote the oldest waitlisted registrations while places are free (e.g. after a quota raise)."""
    with transaction.atomic():
        summit, _category = _lock(summit_id)
        return _promote_locked(summit, actor)


def _promote_locked(summit, actor=None):
    promoted = []
    categories = {c.pk: c for c in RegistrationCategory.objects.select_for_update().filter(summit=summit)}
    held = dict(
        Registration.objects.filter(summit=summit, status__in=HOLDS_PLACE)
        .values("category_id").annotate(n=Count("pk")).values_list("category_id", "n")
    )
    total = sum(held.values())
    waiting = Registration.objects.select_for_update().filter(summit=summit, status=S.WAITLISTED).order_by("created_at", "pk")
    for registration in waiting:
        if summit.capacity is not None and total >= summit.capacity:
            break
        category = categories[registration.category_id]
        if category.quota is not None and held.get(category.pk, 0) >= category.quota:
            continue
        before = registration.status
        registration.status = _placed_status(category)
        registration.save(update_fields=["status", "updated_at"])
        held[category.pk] = held.get(category.pk, 0) + 1
        total += 1
        _audit(registration, "promote", before, registration.status, actor or "system")
        _queue_email(registration, EmailKind.PROMOTED)
        promoted.append(registration)
    return promoted


# --- Participant self-service ---------------------------------------------------------------

LOCKED_WHEN_ACCREDITED = ("honorific", "given_name", "family_name", "name_order", "nationality", "photo", "date_of_birth",
                          "passport_number", "passport_expiry")
# Printed on the letter only: they stay open after approval while empty (a letter can be asked for later),
# and lock once given.
LETTER_FIELDS = ("passport_number", "passport_expiry", "date_of_birth")


def locked_fields(registration):
    """The fields the participant can no longer change: none before approval; once approved (the badge is
    issued), the badge fields, and the letter's passport fields that are filled in."""
    if not registration.is_accredited:
        return ()
    return tuple(name for name in LOCKED_WHEN_ACCREDITED
                 if name not in LETTER_FIELDS or getattr(registration, name) not in (None, ""))


def update_details(registration, cleaned, *, photo=None):
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        locked = locked_fields(registration)
        changed = []
        for name, value in cleaned.items():
            if name in locked:
                continue
            if getattr(registration, name) != value:
                setattr(registration, name, value)
                changed.append(name)
        if photo is not None and not registration.is_accredited:
            if registration.photo:
                registration.photo.delete(save=False)
            registration.photo.save("photo.jpg", photo, save=False)
            changed.append("photo")
        registration.save()
        if changed:
            _audit(registration, "edit", registration.status, registration.status, "participant", ", ".join(changed))
    return registration


def cancel_by_participant(registration):
    return change_status(registration.pk, "cancel", actor="participant")


def _participant_cancellation(registration):
    """The audit entry of the participant's own cancellation, when that is the last thing that happened."""
    last = registration.audit.exclude(action__in=("edit", "book", "unbook")).order_by("-at", "-pk").first()
    if last is not None and last.action == "cancel" and last.actor_id is None and last.actor_label == "participant":
        return last
    return None


def can_restore(registration, now=None):
    """True when the participant may undo their own cancellation: registration is still open, the record is
    not erased, and it was cancelled by them (not by the organisers)."""
    return (
        registration.status == S.CANCELLED and registration.anonymised_at is None
        and registration.summit.registration_is_open(now) and _participant_cancellation(registration) is not None
    )


def restore_by_participant(registration, *, now=None):
    """Undo the participant's own cancellation (until registration closes).

    The place is taken again if the quota and the summit's capacity allow it, in the status it had
    (approved, or pending review); if the place has gone in the meantime the registration returns to
    the waiting list (in its original order: it registered before those who came later). Session
    bookings dropped by the cancellation are not restored. Emails the participant the new status.
    """
    with transaction.atomic():
        summit, category = _lock(registration.summit_id, registration.category_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != S.CANCELLED or registration.anonymised_at is not None:
            raise RegistrationError(_("This registration is not cancelled."))
        if not summit.registration_is_open(now):
            raise RegistrationClosed(_("Registration for this summit is closed: a cancelled registration can no "
                                       "longer be restored. Write to the organisers."))
        cancellation = _participant_cancellation(registration)
        if cancellation is None:
            raise RegistrationError(_("This registration was cancelled by the organisers: write to them to restore it."))
        previous = cancellation.from_status
        if previous in HOLDS_PLACE and has_room(summit, category, exclude_id=registration.pk):
            status = previous if previous == S.APPROVED or category.needs_approval else _placed_status(category)
        else:
            status = S.WAITLISTED
        registration.status = status
        registration.status_reason = ""
        registration.save(update_fields=["status", "status_reason", "updated_at"])
        _audit(registration, "restore", S.CANCELLED, status, "participant")
        promoted = _promote_locked(summit) if status == S.WAITLISTED else []
        if registration not in promoted:
            kind = {S.APPROVED: EmailKind.APPROVED, S.WAITLISTED: EmailKind.WAITLISTED}.get(status, EmailKind.RECEIVED)
            _queue_email(registration, kind)
    registration.refresh_from_db()
    return registration


def book_session(registration, session):
    """Book a seat (or a place on the session's waiting list). Returns (booking, clashes)."""
    if registration.status != S.APPROVED:
        raise RegistrationError(_("Only approved participants can book sessions."))
    if session.summit_id != registration.summit_id or not session.is_published or session.capacity is None:
        raise RegistrationError(_("This session cannot be booked."))
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        existing = SessionBooking.objects.filter(registration=registration, session=session).first()
        if existing:
            return existing, clashes_for(registration, session)
        booked = SessionBooking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
        status = BookingStatus.BOOKED if booked < session.capacity else BookingStatus.WAITLISTED
        booking = SessionBooking.objects.create(registration=registration, session=session, status=status)
        _audit(registration, "book", registration.status, registration.status, "participant",
               f"{session.slug}: {status}")
    return booking, clashes_for(registration, session)


def clashes_for(registration, session):
    """Other sessions of this participant overlapping ``session`` (booked or waitlisted)."""
    return [
        b.session for b in SessionBooking.objects.filter(
            registration=registration, session__start__lt=session.end, session__end__gt=session.start
        ).exclude(session=session).select_related("session")
    ]


def cancel_booking(registration, session):
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        booking = SessionBooking.objects.filter(registration=registration, session=session).first()
        if booking is None:
            return None
        was_booked = booking.status == BookingStatus.BOOKED
        booking.delete()
        _audit(registration, "unbook", registration.status, registration.status, "participant", session.slug)
        if was_booked:
            _promote_session(session)
    return session


def _promote_session(session):
    booked = SessionBooking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    free = (session.capacity or 0) - booked
    if free <= 0:
        return []
    waiting = list(SessionBooking.objects.filter(session=session, status=BookingStatus.WAITLISTED).order_by("created_at", "pk")[:free])
    for booking in waiting:
        booking.status = BookingStatus.BOOKED
        booking.save(update_fields=["status"])
        _queue_email(booking.registration, EmailKind.SEAT_CONFIRMED, session_id=session.pk)
    return waiting


def session_seats_changed(session_id):
    """After an organiser changes a session (e.g. raises its seats), give freed seats to the
    oldest waiting bookings, each told by email. Returns the promoted bookings."""
    with transaction.atomic():
        session = Session.objects.select_for_update(of=("self",)).filter(pk=session_id).order_by("pk").first()
        if session is None or not session.capacity:
            return []
        promoted = _promote_session(session)
    if promoted:
        logger.info("session %s: %d waiting booking(s) promoted after a change of seats", session_id, len(promoted))
    return promoted


def _drop_bookings(registration):
    for booking in list(SessionBooking.objects.filter(registration=registration).select_related("session")):
        was_booked = booking.status == BookingStatus.BOOKED
        booking.delete()
        if was_booked:
            _promote_session(Session.objects.select_for_update().get(pk=booking.session_id))


def personal_data(registration):
    """Everything held about a participant, as JSON-ready data (right of access)."""
    r = registration
    return {
        "reference": r.reference,
        "summit": r.summit.title,
        "category": r.category.name,
        "status": r.status,
        "honorific": r.honorific,
        "given_name": r.given_name,
        "family_name": r.family_name,
        "name_order": r.name_order,
        "email": r.email,
        "organisation": r.organisation_display,
        "position": r.position,
        "nationality": str(r.nationality or ""),
        "phone": r.phone,
        "preferred_language": r.preferred_language,
        "accessibility_needs": r.accessibility_needs,
        "dietary_needs": r.dietary_needs,
        "has_photo": bool(r.photo),
        "needs_letter": r.needs_letter,
        "passport_number": r.passport_number,
        "passport_expiry": r.passport_expiry.isoformat() if r.passport_expiry else None,
        "date_of_birth": r.date_of_birth.isoformat() if r.date_of_birth else None,
        "consent_privacy": r.consent_privacy,
        "list_publicly": r.list_publicly,
        "accepts_updates": r.accepts_updates,
        "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None,
        "registered_at": r.created_at.isoformat(),
        "sessions": [
            {"session": b.session.title, "start": b.session.start.isoformat(), "status": b.status}
            for b in r.bookings.select_related("session")
        ],
        "history": [
            {"at": a.at.isoformat(), "action": a.action, "from": a.from_status, "to": a.to_status}
            for a in r.audit.order_by("at", "pk")
        ],
    }


def erase(registration):
    """The participant asked for erasure: cancel (freeing the place) and anonymise now."""
    if registration.status in (S.PENDING, S.WAITLISTED, S.APPROVED):
        change_status(registration.pk, "cancel", actor="participant")
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        _anonymise(registration)
        _audit(registration, "erase", registration.status, registration.status, "participant")
    return registration


# --- Check-in -------------------------------------------------------------------------------

@dataclass
class CheckinResult:
    ok: bool
    message: str
    registration: Registration | None = None


def check_in(summit, code, *, actor=None, now=None):
    """Check a badge in at ``summit``: by QR token or typed reference. Refuses everything else."""
    code = (code or "").strip()
    if not code:
        return CheckinResult(False, _("Scan a badge or type its reference code."))
    try:
        reference, summit_id = read_checkin_token(code)
    except BadToken:
        reference, summit_id = code.upper(), None
        if "-" not in reference or len(reference) > 20:
            return CheckinResult(False, _("This is not a badge code of Plenary."))
    if summit_id is not None and summit_id != summit.pk:
        return CheckinResult(False, _("This badge is for another summit."))
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",)).filter(reference=reference, anonymised_at__isnull=True)
            .select_related("category", "organisation", "summit").first()
        )
        if registration is None:
            return CheckinResult(False, _("No registration has the reference %(reference)s.") % {"reference": reference})
        if registration.summit_id != summit.pk:
            return CheckinResult(False, _("This badge is for another summit."), registration)
        if registration.status != S.APPROVED:
            return CheckinResult(
                False,
                _("Refused: this registration is %(status)s.") % {"status": registration.get_status_display().lower()},
                registration,
            )
        if registration.checked_in_at:
            local = timezone.localtime(registration.checked_in_at, summit.tz)
            return CheckinResult(
                False,
                _("Already checked in at %(time)s.") % {"time": local.strftime("%Y-%m-%d %H:%M")},
                registration,
            )
        registration.checked_in_at = now or timezone.now()
        registration.save(update_fields=["checked_in_at", "updated_at"])
        _audit(registration, "check_in", registration.status, registration.status, actor)
    return CheckinResult(True, _("Checked in: %(name)s.") % {"name": registration.full_name}, registration)


# --- Retention ------------------------------------------------------------------------------

PERSONAL_TEXT_FIELDS = ("honorific", "given_name", "family_name", "name_order", "email", "organisation_name", "position", "phone",
                        "nationality", "accessibility_needs", "dietary_needs", "passport_number", "status_reason")
# Every field that says something about the person, with the value it is erased to. What is kept (category,
# status, language, check-in and printing times, consent) counts people without naming anyone.
ERASED = {
    **{name: "" for name in PERSONAL_TEXT_FIELDS},
    "organisation": None, "photo": None, "passport_expiry": None, "date_of_birth": None, "needs_letter": False,
    "list_publicly": False, "accepts_updates": False, "invitation": None,
}


def _anonymise(registration):
    from core import outbox

    if registration.photo:
        registration.photo.delete(save=False)
    invitation_id = registration.invitation_id
    for name, value in ERASED.items():
        setattr(registration, name, value)
    registration.anonymised_at = timezone.now()
    registration.save()
    registration.audit.update(note="")
    if invitation_id:  # the personal invitation names the invited email address: it served its purpose
        from .models import Invitation

        Invitation.objects.filter(pk=invitation_id).delete()
    # Emails already written keep no copy of the address, the names or the wording that held them.
    outbox.for_target(registration).update(to="", subject="", body="")


def anonymise_expired(today=None):
    """Anonymise registrations of summits that ended more than their retention period ago."""
    from datetime import timedelta

    today = today or timezone.localdate()
    count = 0
    for summit in Summit.objects.all().only("pk", "end_date", "retention_days"):
        if summit.end_date + timedelta(days=summit.retention_days) >= today:
            continue
        ids = list(Registration.objects.filter(summit=summit, anonymised_at__isnull=True).values_list("pk", flat=True))
        for start in range(0, len(ids), 200):
            with transaction.atomic():
                for registration in Registration.objects.select_for_update().filter(pk__in=ids[start:start + 200]):
                    _anonymise(registration)
                    count += 1
        if ids:
            logger.info("anonymised %d registrations of summit %s", len(ids), summit.slug)
    return count


def status_counts(queryset):
    return dict(queryset.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n"))


def category_usage(summits):
    """Categories of these summits with counts per status, for the organisers' overview."""
    return RegistrationCategory.objects.filter(summit__in=summits).select_related("summit").annotate(
        n_held=Count("registrations", filter=Q(registrations__status__in=HOLDS_PLACE)),
        n_approved=Count("registrations", filter=Q(registrations__status=S.APPROVED)),
        n_pending=Count("registrations", filter=Q(registrations__status=S.PENDING)),
        n_waitlisted=Count("registrations", filter=Q(registrations__status=S.WAITLISTED)),
    ).order_by("summit__slug", "sort_order", "pk")


def category_places(category_id) -> dict:
    """{"approved": n, "pending": n, "waitlisted": n} of one category."""
    counts = dict(Registration.objects.filter(category_id=category_id).order_by().values("status")
                  .annotate(n=Count("pk")).values_list("status", "n"))
    return {"approved": counts.get(S.APPROVED, 0), "pending": counts.get(S.PENDING, 0),
            "waitlisted": counts.get(S.WAITLISTED, 0)}


def waiting_count(summit_id) -> int:
    return Registration.objects.filter(summit_id=summit_id, status=S.WAITLISTED).count()


def bulk_preview(registration_ids, action) -> dict:
    """What a bulk action would do, before it is confirmed: how many change (each is emailed), how many not."""
    if action not in ALLOWED:
        raise RegistrationError(_("Unknown action."))
    sources, _target = ALLOWED[action]
    statuses = list(Registration.objects.filter(pk__in=registration_ids).values_list("status", flat=True))
    changing = sum(1 for status in statuses if status in sources)
    return {"selected": len(statuses), "changing": changing, "unchanged": len(statuses) - changing}
