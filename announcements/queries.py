"""Reusable querysets of the registry. Public ones only ever hold published commitments."""

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, Sum
from django.utils import timezone

from summits.models import Summit

from .choices import ActivityStatus, Lifecycle, Light, ReportState, ReviewState
from .models import (
    REPORT_INTERVAL_DAYS, Commitment, CommitmentCountry, Deliverable, DeliverableUpdate, Evidence, FrameworkTarget,
    ProgressReport,
)


# Money is counted at a commitment's first announcement: re-announcements at later summits are not added again.
FIRST_ANNOUNCEMENT = Q(reannouncement_of__isnull=True)


def public():
    return Commitment.objects.filter(review_state=ReviewState.PUBLISHED)


def active_public():
    """Published commitments still expected to report (not closed, cancelled, completed or withdrawn)."""
    return public().exclude(status__in=[ActivityStatus.CLOSED, ActivityStatus.CANCELLED]).exclude(
        lifecycle__in=[Lifecycle.COMPLETED, Lifecycle.CLOSED, Lifecycle.WITHDRAWN])


def overdue(today=None):
    today = today or timezone.localdate()
    return active_public().with_reference_date().filter(
        ref_date__lt=today - dt.timedelta(days=REPORT_INTERVAL_DAYS)
    ).order_by("ref_date")


def published_reports():
    return ProgressReport.objects.filter(
        state=ReportState.PUBLISHED, commitment__review_state=ReviewState.PUBLISHED
    )


def deliverables_with_values():
    """Deliverables with ``public_values``: their indicator values from published reports, oldest first."""
    values = (DeliverableUpdate.objects.filter(report__state=ReportState.PUBLISHED, value__isnull=False)
              .select_related("report").order_by("report__period_end", "pk"))
    return Prefetch("deliverables", queryset=Deliverable.objects.prefetch_related(
        Prefetch("updates", queryset=values, to_attr="public_values")))


def for_list(qs):
    return qs.select_related("summit", "lead_organisation", "coalition", "primary_target",
                             "reannouncement_of").prefetch_related("themes", "country_rows", "secondary_targets")


def for_detail(qs):
    return qs.select_related("summit", "session", "lead_organisation", "coalition", "primary_target",
                             "reannouncement_of__summit").prefetch_related(
        Prefetch("reannouncements", queryset=Commitment.objects.filter(review_state=ReviewState.PUBLISHED)
                 .select_related("summit").order_by("announced_on", "pk"), to_attr="public_reannouncements"),
        "themes", "country_rows", "partners__organisation", deliverables_with_values(), "secondary_targets",
        Prefetch("reports", queryset=ProgressReport.objects.filter(state=ReportState.PUBLISHED)
                 .prefetch_related("deliverable_updates__deliverable").order_by("-period_end")),
        "versions",
        Prefetch("evidence", queryset=Evidence.objects.filter(confirmed_at__isnull=False), to_attr="public_evidence"),
    )


def for_iati(qs):
    """Everything the IATI activity file writes, in a fixed number of queries."""
    return qs.select_related("summit", "lead_organisation", "primary_target", "reannouncement_of").prefetch_related(
        "country_rows", "partners__organisation", deliverables_with_values(), "secondary_targets",
        Prefetch("reports", queryset=ProgressReport.objects.filter(state=ReportState.PUBLISHED)),
    ).order_by("announced_on", "reference")


def target_counts(qs):
    """{target code: number of commitments aligned to it, as primary or secondary}, in one query.

    An SDG goal counts the commitments aligned to the goal or to any of its targets, each once (a
    commitment aligned to SDG targets 14.1 and 14.5 counts once towards SDG 14), so the facet can list
    the goals and still show every aligned commitment."""
    from django.db import connections
    from django.db.models import QuerySet

    pks = qs.order_by().values("pk")
    through = Commitment.secondary_targets.through
    # Plain querysets: the translated manager's values() would add or reorder columns, and a union needs
    # the same two (cid, tcode) in every part.
    primary = QuerySet(Commitment, using=qs.db).filter(pk__in=pks).order_by()
    secondary = QuerySet(through, using=qs.db).filter(commitment_id__in=pks).order_by()
    parts = [
        primary.filter(primary_target__isnull=False).values(cid=F("pk"), tcode=F("primary_target__code")),
        primary.filter(primary_target__parent__isnull=False).values(
            cid=F("pk"), tcode=F("primary_target__parent__code")),
        secondary.values(cid=F("commitment_id"), tcode=F("frameworktarget__code")),
        secondary.filter(frameworktarget__parent__isnull=False).values(
            cid=F("commitment_id"), tcode=F("frameworktarget__parent__code")),
    ]
    union = parts[0].union(*parts[1:])  # UNION (not ALL): one row per commitment and code
    sql, params = union.query.sql_with_params()
    with connections[qs.db].cursor() as cursor:
        cursor.execute(f"SELECT u.tcode, COUNT(*) FROM ({sql}) u GROUP BY u.tcode", params)
        return Counter(dict(cursor.fetchall()))


def aligned_to(code):
    """Commitments aligned to a framework goal or target (primary or secondary), as a Q; an SDG goal
    takes in the commitments aligned to its targets."""
    through = Commitment.secondary_targets.through
    return (Q(primary_target__code=code) | Q(primary_target__parent__code=code)
            | Q(pk__in=through.objects.filter(Q(frameworktarget__code=code) | Q(frameworktarget__parent__code=code))
                .values("commitment_id")))


def pledged_by_target(qs):
    """Per framework goal or target, what is pledged towards it: the commitments whose *primary*
    target it is (so no dollar counts twice), their number and US dollar totals, in framework order."""
    rows = (qs.filter(primary_target__isnull=False).order_by()
            .values("primary_target").annotate(count=Count("pk"), pledged=Sum("amount_usd", filter=FIRST_ANNOUNCEMENT),
                                               disbursed=Sum("disbursed_usd")))
    by_pk = {row["primary_target"]: row for row in rows}
    targets = FrameworkTarget.objects.filter(pk__in=list(by_pk)).order_by("sort_order")
    return [{"target": t, "count": by_pk[t.pk]["count"], "pledged": by_pk[t.pk]["pledged"] or 0,
             "disbursed": by_pk[t.pk]["disbursed"] or 0} for t in targets]


def country_amounts(qs):
    """{country code: US$ pledged} of a queryset of commitments: a commitment's amount shared equally
    between the countries it names (so the map's total is the total pledged, never counted twice); a
    re-announcement's money is counted at its first announcement only."""
    rows = list(CommitmentCountry.objects.filter(commitment__in=qs.order_by().values("pk"),
                                                 commitment__amount_usd__isnull=False,
                                                 commitment__reannouncement_of__isnull=True)  # counted once
                .values_list("commitment_id", "country", "commitment__amount_usd").order_by())
    per_commitment = Counter(commitment for commitment, _country, _amount in rows)
    totals = Counter()
    for commitment, country, amount in rows:
        totals[country] += amount / per_commitment[commitment]
    return totals


def map_points(qs, limit=None):
    """The commitments of ``qs`` that have coordinates, as dicts for geo.markers(), in the active language
    (falling back to English), in one query. ``limit`` defaults to what one map draws, plus one so the
    map can say that more were left out."""
    from django.urls import reverse
    from django.utils import translation

    from . import geo

    suffix = (translation.get_language() or "en").replace("-", "_")
    limit = limit or geo.MAX_POINTS + 1
    local = [f"title_{suffix}", f"place_name_{suffix}"] if suffix != "en" else []
    rows = (qs.filter(latitude__isnull=False, longitude__isnull=False).order_by("announced_on", "pk")
            .values("reference", "title_en", "place_name_en", "latitude", "longitude", *local)[:limit])
    prefix = reverse("announcements:commitment_detail", kwargs={"reference": "REF"}).rsplit("REF", 1)
    return [{"reference": row["reference"], "label": row[f"title_{suffix}"] or row["title_en"],
             "place": row[f"place_name_{suffix}"] or row["place_name_en"] or "",
             "latitude": row["latitude"], "longitude": row["longitude"],
             "url": f"{prefix[0]}{row['reference']}{prefix[1]}"} for row in rows]


def country_counts(qs):
    """{country code: number of commitments} of a queryset of commitments, in one query.

    Each commitment has one CommitmentCountry row per country, so the database groups the rows
    by country: a commitment in Senegal and Mali counts once for each.
    """
    rows = (CommitmentCountry.objects.filter(commitment__in=qs.order_by().values("pk"))
            .values_list("country").annotate(n=Count("commitment_id")).order_by())
    return Counter({code: n for code, n in rows})


def dashboard_figures(summit, today=None):
    """Every figure of a summit's dashboard, computed in the database (a fixed number of queries)."""
    today = today or timezone.localdate()
    qs = public().filter(summit=summit)
    totals = qs.aggregate(
        count=Count("pk"), pledged=Sum("amount_usd", filter=FIRST_ANNOUNCEMENT), disbursed=Sum("disbursed_usd"),
        new_money=Sum("amount_usd", filter=Q(is_new_money=True) & FIRST_ANNOUNCEMENT),
        reannounced=Count("pk", filter=~FIRST_ANNOUNCEMENT), reannounced_usd=Sum("amount_usd", filter=~FIRST_ANNOUNCEMENT),
    )
    # values() does not translate: read the active language's column and fall back to English.
    from django.utils import translation

    local = f"themes__title_{(translation.get_language() or 'en').replace('-', '_')}"
    by_theme = list(
        qs.filter(themes__isnull=False)
        .values("themes__pk", "themes__title_en", local, "themes__colour", "themes__sort_order")
        .annotate(count=Count("pk"), pledged=Sum("amount_usd", filter=FIRST_ANNOUNCEMENT),
                  disbursed=Sum("disbursed_usd"))
        .order_by("themes__sort_order", "themes__pk")
    )
    for row in by_theme:
        row["themes__title"] = row.get(local) or row["themes__title_en"]
    by_status = dict(qs.values_list("status").annotate(n=Count("pk")).order_by())
    by_light = dict(qs.with_light(today).values_list("light").annotate(n=Count("pk")).order_by())
    reports = published_reports().filter(commitment__summit=summit).aggregate(
        total=Count("pk"), on_time=Count("pk", filter=Q(submitted_at__date__lte=F("due_on")))
    )
    return {
        "totals": {k: v or 0 for k, v in totals.items()},
        "by_theme": by_theme,
        "by_status": [(value, label, by_status.get(value, 0)) for value, label in ActivityStatus.choices],
        "by_light": [(value, label, by_light.get(value, 0)) for value, label in Light.choices],
        "reports": reports,
        "on_time_share": (reports["on_time"] / reports["total"]) if reports["total"] else None,
        "by_target": pledged_by_target(qs),
    }


# --- Reporting rate and money over time (the dashboard) ---------------------------------------------------

def _due_and_reported(today):
    """(due, reported) conditions: a commitment still expected to report is *due* a report once a reporting
    cycle has passed since it was announced or published (the later); it has *reported* when a report was
    published within the last cycle (so a commitment whose next report is late counts as not reported).

    Plain comparisons of the stored columns (no date function per row: SQLite computes those in Python)."""
    cutoff = today - dt.timedelta(days=REPORT_INTERVAL_DAYS)
    next_day = timezone.make_aware(dt.datetime.combine(cutoff + dt.timedelta(days=1), dt.time()))
    due = Q(announced_on__lte=cutoff) & (Q(published_at__isnull=True) | Q(published_at__lt=next_day))
    return due, due & Q(last_reported_on__gt=cutoff)


def _rate_rows(rows, label):
    result = []
    for row in rows:
        if not row["due"]:
            continue
        result.append({**row, "label": label(row), "rate": row["reported"] / row["due"]})
    return result


def reporting_rates(summit, today=None):
    """The share of commitments due a report that reported, per summit (every public summit), per coalition and
    per kind of lead organisation (this summit's commitments): three queries, whatever the number of commitments."""
    from django.utils import translation

    from core import formatting
    from summits.choices import OrganisationKind
    from summits.queries import public_summits

    today = today or timezone.localdate()
    due, reported = _due_and_reported(today)
    counts = {"due": Count("pk", filter=due), "reported": Count("pk", filter=reported)}
    suffix = (translation.get_language() or "en").replace("-", "_")
    base = active_public()
    by_summit = (base.filter(summit__in=public_summits().values("pk")).order_by()
                 .values("summit__slug", "summit__title_en", f"summit__title_{suffix}", "summit__start_date")
                 .annotate(**counts).order_by("-summit__start_date", "summit__slug"))
    mine = base.filter(summit=summit).order_by()
    by_coalition = (mine.values("coalition__slug", "coalition__name_en", f"coalition__name_{suffix}")
                    .annotate(**counts).order_by())
    by_kind = dict((row["lead_organisation__kind"], row) for row in
                   mine.values("lead_organisation__kind").annotate(**counts).order_by())
    from django.utils.translation import gettext as _

    return {
        "by_summit": _rate_rows(by_summit, lambda r: r[f"summit__title_{suffix}"] or r["summit__title_en"]),
        # coalitions by name in the reader's language, commitments outside any coalition last
        "by_coalition": sorted(_rate_rows(by_coalition, lambda r: (r[f"coalition__name_{suffix}"]
                                                                   or r["coalition__name_en"])
                                          if r["coalition__slug"] else _("Not in a coalition")),
                               key=lambda r: (r["coalition__slug"] is None, formatting.sort_key(r["label"]))),
        "by_org_kind": _rate_rows([by_kind[value] for value, _label in OrganisationKind.choices if value in by_kind],
                                  lambda r: OrganisationKind(r["lead_organisation__kind"]).label),
    }


def money_by_year(summit):
    """Per year: US$ pledged by the commitments announced that year and US$ reported as disbursed that year
    (the rise of the cumulative amount a published report gives over the commitment's previous published
    report, dated at the end of the report's period). Re-announcements count at their first announcement only,
    for both. Two queries."""
    from django.db.models.functions import ExtractYear

    qs = public().filter(summit=summit).filter(FIRST_ANNOUNCEMENT)
    pledged = dict(qs.filter(amount_usd__isnull=False).order_by().annotate(year=ExtractYear("announced_on"))
                   .values_list("year").annotate(total=Sum("amount_usd")))
    # One row per published report with an amount, in order: each one's rise over the commitment's previous
    # one is summed here (a correlated subquery per report was slower on large registries).
    rows = (published_reports().filter(disbursed_usd__isnull=False, commitment__in=qs.values("pk")).order_by(
        "commitment_id", "period_end", "pk").values_list("commitment_id", "period_end", "disbursed_usd"))
    disbursed, previous = Counter(), {}
    for commitment_id, period_end, amount in rows:
        rise = amount - previous.get(commitment_id, Decimal("0"))
        previous[commitment_id] = amount
        if rise > 0:
            disbursed[period_end.year] += rise
    years = sorted(set(pledged) | set(disbursed))
    return [{"year": year, "label": str(year), "pledged": pledged.get(year) or Decimal("0"),
             "disbursed": disbursed.get(year) or Decimal("0")} for year in years]


# --- The public list: filters and facets ------------------------------------------------------------

def _search(qs, text):
    """Every word of ``text`` must appear (in any order, any case) in the reference, the lead
    organisation or the title or summary in any of the six languages."""
    from django.conf import settings

    words = [word for word in text.split() if word][:8]
    if not words:
        return qs
    phrase = " ".join(words)
    exact = Q(reference__iexact=phrase) | Q(lead_organisation__acronym__iexact=phrase)
    condition = Q()
    for word in words:
        matches = Q(lead_organisation__name__icontains=word)
        for code, _name in settings.LANGUAGES:
            suffix = code.replace("-", "_")
            matches |= Q(**{f"title_{suffix}__icontains": word}) | Q(**{f"summary_{suffix}__icontains": word})
        condition &= matches
    return qs.filter(exact | condition)


def filtered(values, skip=None, today=None, needs_light=True):
    """Published commitments matching the filters in ``values`` (a FilterForm.values() dict).

    ``skip`` leaves one filter out: the counts of a facet are computed without its own filter.
    """
    qs = public()
    # The light is computed (CASE over dates) only when something filters or counts on it.
    if "light" in values and skip != "light" or skip == "light" or needs_light:
        qs = qs.with_light(today)
    for name, value in values.items():
        if name == skip:
            continue
        if name == "q":
            qs = _search(qs, value)
        elif name == "summit":
            qs = qs.filter(summit_id=Summit.objects.filter(slug=value).values("pk")[:1])
        elif name == "theme":
            qs = qs.filter(themes__pk=value)
        elif name == "kind":
            qs = qs.filter(kind=value)
        elif name == "country":
            qs = qs.filter(pk__in=CommitmentCountry.objects.filter(country=value).values("commitment_id"))
        elif name == "org_kind":
            qs = qs.filter(lead_organisation__kind=value)
        elif name == "status":
            qs = qs.filter(status=value)
        elif name == "light":
            qs = qs.filter(light=value)
        elif name == "lifecycle":
            qs = qs.filter(lifecycle=value)
        elif name == "verification":
            qs = qs.filter(verification=value)
        elif name == "coalition":
            qs = qs.filter(coalition__slug=value)
        elif name == "target":
            qs = qs.filter(aligned_to(value))
        elif name == "organisation":
            qs = qs.filter(Q(lead_organisation_id=value) | Q(partners__organisation_id=value)).distinct()
    return qs


def sorted_list(qs, sort):
    from .forms import SORTS

    return qs.order_by(*SORTS.get(sort or "newest", SORTS["newest"]))


FACET_FIELDS = {
    "summit": "summit__slug",
    "theme": "themes__pk",
    "kind": "kind",
    "org_kind": "lead_organisation__kind",
    "status": "status",
    "light": "light",
    "lifecycle": "lifecycle",
    "verification": "verification",
}


FACET_CACHE_SECONDS = 600


def registry_stamp():
    """Changes whenever a commitment is saved, added or deleted (one cheap aggregate query)."""
    from django.db.models import Max

    data = Commitment.objects.aggregate(last=Max("updated_at"), n=Count("pk"))
    return f"{data['n']}:{data['last'].timestamp() if data['last'] else 0}"


def facet_counts(values, today=None):
    """{facet: {value: count}} for every facet, each counted with the other filters applied.

    Cached for a few minutes per filter set, keyed on the registry's last change, so a visitor
    paging or sorting a list does not recount; any saved commitment invalidates the counts.
    (An organisation changing its kind shows in the organisation-kind counts within 10 minutes.)
    """
    import hashlib
    import json

    from django.core.cache import cache

    today = today or timezone.localdate()
    key_values = {k: str(v) for k, v in sorted(values.items()) if k != "sort"}
    key = "announcements:facets:" + hashlib.sha256(
        json.dumps([key_values, today.isoformat(), registry_stamp()]).encode()).hexdigest()
    counts = cache.get(key)
    if counts is None:
        counts = _facet_counts(values, today)
        cache.set(key, counts, FACET_CACHE_SECONDS)
    return counts


def _facet_counts(values, today):
    counts = {}
    for facet, field in FACET_FIELDS.items():
        qs = filtered(values, skip=facet, today=today, needs_light=False)
        rows = qs.order_by().values_list(field).annotate(n=Count("pk", distinct=facet == "theme"))
        counts[facet] = {value: n for value, n in rows if value is not None}
    counts["country"] = country_counts(filtered(values, skip="country", today=today, needs_light=False))
    counts["target"] = target_counts(filtered(values, skip="target", today=today, needs_light=False))
    return counts
