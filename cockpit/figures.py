"""The figures of a summit's dashboard, each a table of exact counts with the chart drawn from it.

One :class:`Figure` feeds the page (chart + table), its CSV/XLSX export and the tests, so what the
organiser reads, downloads and what the database holds are the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import charts, formatting, outbox
from core.models import OutboxEmail
from registrations import stats
from registrations.choices import RegistrationStatus


@dataclass
class Figure:
    name: str
    title: str
    headers: list
    rows: list  # lists of cells (numbers, dates, text): the table, the export
    chart: dict | None = None
    links: list = field(default_factory=list)  # a link for each row's first cell, or ""
    empty: str = ""
    note: str = ""
    live: bool = False

    @property
    def table(self):
        links = self.links or [""] * len(self.rows)
        return list(zip(self.rows, links))


def _participants_url(summit, **filters):
    return reverse("registrations_participants") + "?" + urlencode({"summit": summit.pk, **filters})


def _short_day(day):
    """"11 Jan", "11 janv.", "1月11日": a day under a chart's column."""
    from babel import dates

    from core import formatting

    return dates.format_skeleton("MMMd", day, locale=formatting.babel_locale())


def registrations_by_day(summit):
    rows = stats.by_day(summit)
    return Figure(
        "registrations-by-day", _("Registrations over time"),
        [_("Day"), _("Registrations"), _("Running total")],
        [[day, n, running] for day, n, running in rows],
        charts.columns([(_short_day(day), n) for day, n, _r in rows]) if rows else None,
        empty=_("No registration yet."),
    )


def registrations_by_status(summit):
    rows = stats.by_status(summit)
    return Figure(
        "registrations-by-status", _("Registrations by status"), [_("Status"), _("Registrations")],
        [[label, n] for _v, label, n in rows],
        charts.bars([{"label": label, "n": n} for _v, label, n in rows], [("n", None)]),
        links=[_participants_url(summit, status=value) for value, _l, _n in rows],
    )


def registrations_by_category(summit):
    rows = stats.by_category(summit)
    return Figure(
        "registrations-by-category", _("Registrations by category"),
        [_("Category"), _("Approved"), _("Pending"), _("Waiting list"), _("Rejected or cancelled"),
         _("Places held"), _("Quota")],
        [[r["label"], r["approved"], r["pending"], r["waitlisted"], r["other"], r["held"],
          r["quota"] if r["quota"] is not None else "∞"] for r in rows],
        charts.fill_bars([{"label": r["label"], "held": r["held"], "quota": r["quota"]} for r in rows],
                         "held", "quota") if rows else None,
        links=[_participants_url(summit, category=r["pk"]) for r in rows],
        empty=_("No registration category yet."),
        note=_("Places held are approved and pending registrations; the bar turns red when the quota is reached."),
    )


def registrations_by_country(summit):
    rows = stats.by_country(summit)
    return Figure(
        "registrations-by-country", _("Registrations by nationality"), [_("Country"), _("Registrations")],
        [[name, n] for _c, name, n in rows],
        charts.bars([{"label": name, "n": n} for _c, name, n in rows], [("n", charts.PALETTE[1])]) if rows else None,
        links=[_participants_url(summit, nationality=code) if code not in ("", "*") else "" for code, _n, _c in rows],
        empty=_("No registration yet."),
    )


def registrations_by_organisation_kind(summit):
    rows = stats.by_organisation_kind(summit)
    return Figure(
        "registrations-by-organisation-kind", _("Registrations by kind of organisation"),
        [_("Kind of organisation"), _("Registrations")],
        [[label, n] for _v, label, n in rows],
        charts.bars([{"label": label, "n": n} for _v, label, n in rows], [("n", charts.PALETTE[4])]) if rows else None,
        links=[_participants_url(summit, organisation_kind=value) if value else "" for value, _l, _n in rows],
        empty=_("No registration yet."),
    )


def checkins(summit, day=None):
    """Check-ins per local hour of one day: the day asked for, today during the summit, or the last day with any."""
    data = stats.checkins(summit)
    today = timezone.localtime(timezone.now(), summit.tz).date()
    days = dict(data["days"])
    if day is None:
        day = today if today in days or summit.start_date <= today <= summit.end_date else (
            max(days) if days else None)
    hours = days.get(day, [])
    rows = [[d, f"{h:02d}:00", n] for d, per_hour in data["days"] for h, n in per_hour]
    figure = Figure(
        "checkins", _("Check-ins"), [_("Day"), _("Hour"), _("Check-ins")], rows,
        charts.columns([(f"{h:02d}", n) for h, n in hours]) if hours else None,
        empty=_("Nobody has checked in yet."),
        note=_("%(checked_in)d of %(approved)d approved participants checked in.") % data,
        live=summit.start_date <= today <= summit.end_date,
    )
    figure.day = day
    figure.totals = data
    return figure


def documents(summit):
    data = stats.documents(summit)
    rows = [[_("Badges printed"), data["badges_printed"], data["approved"]],
            [_("Letters issued"), data["letters_issued"], data["letters_needed"]]]
    return Figure(
        "documents", _("Badges and letters"), [_("Document"), _("Done"), _("Needed")], rows,
        charts.fill_bars([{"label": label, "done": done, "needed": needed} for label, done, needed in rows],
                         "done", "needed", colour=charts.PALETTE[0], over_colour=charts.PALETTE[0]),
        note=_("Needed: approved participants (badges) and approved participants who asked for a letter."),
    )


def bookings(summit):
    rows = stats.bookings(summit)
    return Figure(
        "session-bookings", _("Session bookings against capacity"),
        [_("Session"), _("Starts"), _("Booked"), _("Waiting list"), _("Seats")],
        [[r["label"], formatting.datetime(r["start"], summit), r["booked"], r["waitlisted"],
          r["capacity"]] for r in rows],
        charts.fill_bars([{"label": r["label"], "booked": r["booked"], "capacity": r["capacity"]} for r in rows],
                         "booked", "capacity") if rows else None,
        links=[reverse("summits_session:edit", args=[r["pk"]]) for r in rows],
        empty=_("No session takes bookings (give a session bookable seats to see it here)."),
    )


def commitments(summit):
    from announcements.choices import ReportState, ReviewState
    from announcements.models import Commitment, ProgressReport

    counts = dict(Commitment.objects.filter(summit=summit).order_by().values("review_state")
                  .annotate(n=Count("pk")).values_list("review_state", "n"))
    reports = ProgressReport.objects.filter(commitment__summit=summit).aggregate(
        submitted=Count("pk", filter=Q(state=ReportState.SUBMITTED)))
    rows = [[str(label), counts.get(value, 0)] for value, label in ReviewState.choices]
    rows.append([_("Progress reports awaiting review"), reports["submitted"]])
    return Figure(
        "commitments", _("Commitments in review"), [_("State"), _("Count")], rows,
        charts.bars([{"label": label, "n": n} for label, n in rows], [("n", charts.PALETTE[3])]),
    )


EMAIL_STATUSES = [OutboxEmail.Status.QUEUED, OutboxEmail.Status.SENDING, OutboxEmail.Status.SENT,
                  OutboxEmail.Status.FAILED]


def emails(summit):
    per_kind = {}
    for kind, status, n in (OutboxEmail.objects.filter(summit=summit).order_by().values("kind", "status")
                            .annotate(n=Count("pk")).values_list("kind", "status", "n")):
        per_kind.setdefault(kind, {})[status] = n
    rows = []
    for kind in sorted(per_kind, key=lambda k: outbox.kind_label(k)):
        counts = per_kind[kind]
        rows.append([outbox.kind_label(kind), counts.get("queued", 0) + counts.get("sending", 0),
                     counts.get("sent", 0), counts.get("failed", 0)])
    totals = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    chart_rows = [{"label": _("Waiting to be sent"), "n": totals[0], "colour": charts.PALETTE[2]},
                  {"label": _("Sent"), "n": totals[1], "colour": charts.PALETTE[0]},
                  {"label": _("Failed"), "n": totals[2], "colour": "#b00020"}]
    if rows:
        rows.append([_("All emails"), *totals])
    return Figure(
        "emails", _("Emails sent and failed"), [_("Email"), _("Waiting"), _("Sent"), _("Failed")], rows,
        charts.bars(chart_rows, [("n", None)]) if rows else None,
        empty=_("No email has been sent for this summit yet."),
    )


BUILDERS = {
    "registrations-by-day": registrations_by_day,
    "registrations-by-status": registrations_by_status,
    "registrations-by-category": registrations_by_category,
    "registrations-by-country": registrations_by_country,
    "registrations-by-organisation-kind": registrations_by_organisation_kind,
    "checkins": checkins,
    "documents": documents,
    "session-bookings": bookings,
    "commitments": commitments,
    "emails": emails,
}

# Which figures a role sees: participants' figures need registrations.view, commitments commitments.view.
FIGURE_ACTIONS = {name: "registrations.view" for name in BUILDERS}
FIGURE_ACTIONS["commitments"] = "commitments.view"
FIGURE_ACTIONS["session-bookings"] = "programme.view"
FIGURE_ACTIONS["emails"] = "registrations.view"


def allowed(user, summit):
    from core.permissions import can

    return [name for name in BUILDERS if can(user, FIGURE_ACTIONS[name], summit)]


def build(user, summit):
    return [BUILDERS[name](summit) for name in allowed(user, summit)]


def key_figures(summit) -> dict:
    """The headline numbers of a summit (dashboard panels, secretariat view)."""
    from announcements.choices import ReportState, ReviewState
    from announcements.models import Commitment, ProgressReport
    from registrations.models import Registration

    S = RegistrationStatus
    figures = Registration.objects.filter(summit=summit).aggregate(
        total=Count("pk"),
        approved=Count("pk", filter=Q(status=S.APPROVED)),
        pending=Count("pk", filter=Q(status=S.PENDING)),
        waitlisted=Count("pk", filter=Q(status=S.WAITLISTED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    figures["emails_failed"] = OutboxEmail.objects.filter(summit=summit, status=OutboxEmail.Status.FAILED).count()
    figures["commitments_waiting"] = Commitment.objects.filter(summit=summit,
                                                               review_state=ReviewState.SUBMITTED).count()
    figures["reports_waiting"] = ProgressReport.objects.filter(commitment__summit=summit,
                                                               state=ReportState.SUBMITTED).count()
    return figures

