"""Reusable querysets of the registrations app (constant query counts)."""

from django.db.models import Count, Prefetch, Q

from summits.models import Session

from .choices import BookingStatus
from .models import Registration, SessionBooking


def registration_for_manage(pk):
    return (
        Registration.objects.select_related("summit", "category", "organisation")
        .prefetch_related(Prefetch("bookings", queryset=SessionBooking.objects.select_related("session__room")))
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


def bookable_sessions(summit):
    """Published sessions with a capacity, with their booked and waitlisted counts."""
    return (
        Session.objects.filter(summit=summit, is_published=True, capacity__isnull=False)
        .select_related("summit", "room", "theme")
        .annotate(
            n_booked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)),
            n_waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)),
        )
        .order_by("start", "pk")
    )


def admin_registrations(summits):
    return Registration.objects.filter(summit__in=summits).select_related("summit", "category", "organisation")
