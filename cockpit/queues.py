"""What waits for a user's decision: pending registrations, submitted commitments and progress reports.

Each queue lists the oldest items first, on the summits where the user's role lets them decide
(``registrations.change``, ``commitments.review``); the secretariat sees every summit. The same
counts feed the dashboard panel, the menu and the daily digest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import permissions

LIMIT = 10


@dataclass
class Queue:
    name: str
    label: str
    count: int
    items: list = field(default_factory=list)  # dicts: title, url, summit, since, detail
    more_url: str = ""


def _summit_filter(queryset, user, action, lookup, summit):
    queryset = permissions.scope(queryset, user, action, lookup)
    if summit is not None:
        queryset = queryset.filter(**{lookup: summit})
    return queryset


def pending_registrations(user, summit=None) -> Queue | None:
    from registrations.choices import RegistrationStatus
    from registrations.models import Registration

    if not permissions.can(user, "registrations.change", summit):
        return None
    qs = _summit_filter(Registration.objects.filter(status=RegistrationStatus.PENDING, anonymised_at__isnull=True),
                        user, "registrations.change", "summit", summit)
    items = [{"title": f"{r.reference} — {r.full_name}", "url": reverse("registrations_participant", args=[r.pk]),
              "summit": r.summit, "since": r.created_at, "detail": r.category.name}
             for r in qs.select_related("summit", "category").order_by("created_at", "pk")[:LIMIT]]
    more = reverse("registrations_participants") + "?status=pending" + (f"&summit={summit.pk}" if summit else "")
    return Queue("registrations", _("Registrations pending review"), qs.count(), items, more)


def submitted_commitments(user, summit=None) -> Queue | None:
    from announcements.choices import ReviewState
    from announcements.models import Commitment

    if not permissions.can(user, "commitments.review", summit):
        return None
    qs = _summit_filter(Commitment.objects.filter(review_state=ReviewState.SUBMITTED), user, "commitments.review",
                        "summit", summit)
    items = [{"title": f"{c.reference} — {c.title}", "url": reverse("announcements_review", args=[c.pk]),
              "summit": c.summit, "since": c.created_at, "detail": c.lead_organisation.name}
             for c in qs.select_related("summit", "lead_organisation").order_by("created_at", "pk")[:LIMIT]]
    more = reverse("announcements_commitment:index") + "?review_state=submitted" + (
        f"&summit={summit.pk}" if summit else "")
    return Queue("commitments", _("Commitments awaiting review"), qs.count(), items, more)


def submitted_reports(user, summit=None) -> Queue | None:
    from announcements.choices import ReportState
    from announcements.models import ProgressReport

    if not permissions.can(user, "commitments.review", summit):
        return None
    qs = _summit_filter(ProgressReport.objects.filter(state=ReportState.SUBMITTED), user, "commitments.review",
                        "commitment__summit", summit)
    items = [{"title": f"{r.commitment.reference} — {r.commitment.title}",
              "url": reverse("announcements_review", args=[r.commitment_id]),
              "summit": r.commitment.summit, "since": r.submitted_at or r.created_at,
              "detail": f"{r.period_start} – {r.period_end}"}
             for r in qs.select_related("commitment__summit").order_by("submitted_at", "pk")[:LIMIT]]
    more = reverse("announcements_progressreport:index") + "?state=submitted"
    return Queue("reports", _("Progress reports awaiting review"), qs.count(), items, more)


BUILDERS = (pending_registrations, submitted_commitments, submitted_reports)


def for_user(user, summit=None) -> list[Queue]:
    return [queue for queue in (build(user, summit) for build in BUILDERS) if queue is not None]


def for_summit(user, summit) -> list[Queue]:
    return for_user(user, summit)


def _counts(user):
    """The three queues' counts only (one query each, for the menu), on the summits the user decides for."""
    from announcements.choices import ReportState, ReviewState
    from announcements.models import Commitment, ProgressReport
    from registrations.choices import RegistrationStatus
    from registrations.models import Registration

    total = 0
    if permissions.can(user, "registrations.change"):
        total += permissions.scope(Registration.objects.filter(status=RegistrationStatus.PENDING,
                                                               anonymised_at__isnull=True),
                                   user, "registrations.change").count()
    if permissions.can(user, "commitments.review"):
        total += permissions.scope(Commitment.objects.filter(review_state=ReviewState.SUBMITTED), user,
                                   "commitments.review").count()
        total += permissions.scope(ProgressReport.objects.filter(state=ReportState.SUBMITTED), user,
                                   "commitments.review", "commitment__summit").count()
    return total


def total_for_user(user) -> int:
    """How many decisions wait for this user (the menu's count), kept a few seconds per user."""
    if not getattr(user, "is_authenticated", False):
        return 0
    key = f"plenary:queue-total:{user.pk}"
    total = cache.get(key)
    if total is None:
        total = _counts(user)
        cache.set(key, total, 30)
    return total
