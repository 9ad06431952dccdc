"""Figures of a summit's registrations for the organisers' dashboard (a constant number of queries).

Every registration row of the summit counts, including those anonymised after the retention
period (their category, status, nationality and dates are kept for statistics). Dates and hours
are the summit's local ones.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.db.models.functions import TruncDate, TruncHour
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from summits.choices import OrganisationKind
from summits.models import Session

from .choices import HOLDS_PLACE, BookingStatus, RegistrationStatus
from .models import Registration, RegistrationCategory

S = RegistrationStatus


def registrations(summit):
    return Registration.objects.filter(summit=summit)


def by_status(summit) -> list[tuple[str, str, int]]:
    counts = dict(registrations(summit).order_by().values("status").annotate(n=Count("pk"))
                  .values_list("status", "n"))
    return [(value, str(label), counts.get(value, 0)) for value, label in S.choices]


def by_day(summit) -> list[tuple[dt.date, int, int]]:
    """(local day, registrations that day, running total), every day from the first to the last."""
    counts = dict(
        registrations(summit).order_by().annotate(day=TruncDate("created_at", tzinfo=summit.tz))
        .values("day").annotate(n=Count("pk")).values_list("day", "n")
    )
    if not counts:
        return []
    first, last = min(counts), max(counts)
    rows, running, day = [], 0, first
    while day <= last:
        running += counts.get(day, 0)
        rows.append((day, counts.get(day, 0), running))
        day += dt.timedelta(days=1)
    return rows


def by_category(summit) -> list[dict]:
    """Each category in its own order: counts per status, places held against the quota."""
    rows = []
    for category in RegistrationCategory.objects.filter(summit=summit).annotate(
        n_approved=Count("registrations", filter=Q(registrations__status=S.APPROVED)),
        n_pending=Count("registrations", filter=Q(registrations__status=S.PENDING)),
        n_waitlisted=Count("registrations", filter=Q(registrations__status=S.WAITLISTED)),
        n_other=Count("registrations", filter=Q(registrations__status__in=[S.REJECTED, S.CANCELLED])),
    ).order_by("sort_order", "pk"):
        rows.append({
            "pk": category.pk, "label": category.name, "colour": category.badge_colour, "quota": category.quota,
            "approved": category.n_approved, "pending": category.n_pending, "waitlisted": category.n_waitlisted,
            "other": category.n_other, "held": category.n_approved + category.n_pending,
            "total": category.n_approved + category.n_pending + category.n_waitlisted + category.n_other,
        })
    return rows


def by_country(summit, top: int = 15) -> list[tuple[str, str, int]]:
    """(code, name, registrations) by nationality, largest first; the rest together, then "not given"."""
    counts = list(registrations(summit).order_by().values("nationality").annotate(n=Count("pk"))
                  .values_list("nationality", "n"))
    given = sorted(((code, str(countries.name(code) or code), n) for code, n in counts if code),
                   key=lambda row: (-row[2], row[1]))
    rows = given[:top]
    rest = sum(n for _code, _name, n in given[top:])
    if rest:
        rows.append(("*", _("Other countries (%(count)d)") % {"count": len(given) - top}, rest))
    missing = sum(n for code, n in counts if not code)
    if missing:
        rows.append(("", _("Not given"), missing))
    return rows


def by_organisation_kind(summit) -> list[tuple[str, str, int]]:
    counts = dict(registrations(summit).order_by().values("organisation__kind").annotate(n=Count("pk"))
                  .values_list("organisation__kind", "n"))
    rows = [(value, str(label), counts[value]) for value, label in OrganisationKind.choices if counts.get(value)]
    missing = sum(n for kind, n in counts.items() if not kind)
    if missing:
        rows.append(("", _("Organisation not in the directory"), missing))
    return rows


def checkins(summit) -> dict:
    """Checked-in participants (of the approved) and check-ins per local hour, by summit day."""
    base = registrations(summit)
    totals = base.aggregate(
        approved=Count("pk", filter=Q(status=S.APPROVED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    hours = dict(
        base.filter(checked_in_at__isnull=False).order_by()
        .annotate(hour=TruncHour("checked_in_at", tzinfo=summit.tz)).values("hour").annotate(n=Count("pk"))
        .values_list("hour", "n")
    )
    by_day: dict[dt.date, dict[int, int]] = {}
    for hour, n in hours.items():
        local = timezone.localtime(hour, summit.tz) if timezone.is_aware(hour) else hour
        by_day.setdefault(local.date(), {})[local.hour] = by_day.get(local.date(), {}).get(local.hour, 0) + n
    days = []
    for day in sorted(by_day):
        per_hour = by_day[day]
        first, last = min(per_hour), max(per_hour)
        days.append((day, [(h, per_hour.get(h, 0)) for h in range(first, last + 1)]))
    return {**totals, "days": days}


def documents(summit) -> dict:
    return registrations(summit).aggregate(
        approved=Count("pk", filter=Q(status=S.APPROVED)),
        badges_printed=Count("pk", filter=Q(status=S.APPROVED, badge_printed_at__isnull=False)),
        letters_needed=Count("pk", filter=Q(status=S.APPROVED, needs_letter=True)),
        letters_issued=Count("pk", filter=Q(status=S.APPROVED, needs_letter=True, letter_issued_at__isnull=False)),
        letters_requested=Count("pk", filter=Q(needs_letter=True)),
    )


def bookings(summit) -> list[dict]:
    """Sessions that take bookings, in time order: booked seats and waiting list against capacity."""
    return [
        {"pk": s.pk, "label": s.title, "start": s.local_start, "capacity": s.capacity, "booked": s.n_booked,
         "waitlisted": s.n_waiting}
        for s in Session.objects.filter(summit=summit, capacity__isnull=False).select_related("summit").annotate(
            n_booked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)),
            n_waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)),
        ).order_by("start", "pk")
    ]


def pending_count(summit_ids=None) -> int:
    qs = Registration.objects.filter(status=S.PENDING, anonymised_at__isnull=True)
    if summit_ids is not None:
        qs = qs.filter(summit_id__in=summit_ids)
    return qs.count()


def held(summit) -> int:
    return registrations(summit).filter(status__in=HOLDS_PLACE).count()
