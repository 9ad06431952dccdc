"""The dashboard's reporting rate (per summit, coalition and organisation kind) and pledged vs disbursed per
year, with time travel (``today`` is passed in) and the page's charts beside their tables."""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from announcements import queries
from announcements.choices import Lifecycle, ReportState
from tests.summits.factories import OrganisationFactory, SummitFactory

from .factories import CoalitionFactory, ProgressReportFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db

ANNOUNCED = dt.date(2030, 1, 11)


def published(summit, **kwargs):
    kwargs.setdefault("announced_on", ANNOUNCED)
    commitment = PublishedCommitmentFactory(summit=summit, **kwargs)
    commitment.published_at = timezone.make_aware(dt.datetime.combine(kwargs["announced_on"], dt.time(9)))
    commitment.save()
    return commitment


def reported(commitment, on):
    commitment.last_reported_on = on
    commitment.save()


def rates(summit, today, key):
    return [(r["label"], r["due"], r["reported"]) for r in queries.reporting_rates(summit, today=today)[key]]


def test_nothing_is_due_before_a_reporting_cycle_has_passed(summit):
    published(summit)
    assert rates(summit, ANNOUNCED + dt.timedelta(days=364), "by_summit") == []
    assert rates(summit, ANNOUNCED + dt.timedelta(days=365), "by_summit") == [("One Planet Summit", 1, 0)]


def test_a_report_in_the_last_cycle_counts_and_an_older_one_does_not(summit):
    fresh, stale, _never = published(summit), published(summit), published(summit)
    today = ANNOUNCED + dt.timedelta(days=800)
    reported(fresh, today - dt.timedelta(days=100))
    reported(stale, today - dt.timedelta(days=400))
    assert rates(summit, today, "by_summit") == [("One Planet Summit", 3, 1)]


def test_completed_and_withdrawn_commitments_are_not_due_but_lapsed_ones_are(summit):
    for lifecycle in (Lifecycle.COMPLETED, Lifecycle.WITHDRAWN, Lifecycle.LAPSED):
        published(summit, lifecycle=lifecycle)
    assert rates(summit, ANNOUNCED + dt.timedelta(days=800), "by_summit") == [("One Planet Summit", 1, 0)]


def test_rates_per_coalition_and_organisation_kind(summit):
    coalition = CoalitionFactory(name="High Ambition Coalition", name_fr="Coalition de la haute ambition")
    ngo, government = OrganisationFactory(kind="ngo"), OrganisationFactory(kind="government")
    today = ANNOUNCED + dt.timedelta(days=800)
    reported(published(summit, coalition=coalition, lead_organisation=ngo), today - dt.timedelta(days=10))
    published(summit, coalition=coalition, lead_organisation=government)
    published(summit, lead_organisation=government)
    assert rates(summit, today, "by_coalition") == [("High Ambition Coalition", 2, 1), ("Not in a coalition", 1, 0)]
    assert rates(summit, today, "by_org_kind") == [("Government", 2, 0), ("NGO / civil society", 1, 1)]


def test_every_public_summit_has_its_row_and_other_summits_do_not_leak_into_coalitions(summit):
    later = SummitFactory(title="Later summit", start_date=dt.date(2031, 5, 1), end_date=dt.date(2031, 5, 2))
    published(summit)
    published(later, announced_on=dt.date(2031, 5, 1), coalition=CoalitionFactory(name="Elsewhere"))
    SummitFactory(status="draft")  # never listed
    today = dt.date(2033, 1, 1)
    assert rates(summit, today, "by_summit") == [("Later summit", 1, 0), ("One Planet Summit", 1, 0)]
    assert rates(summit, today, "by_coalition") == [("Not in a coalition", 1, 0)]


def _report(commitment, end, disbursed_usd, state=ReportState.PUBLISHED):
    return ProgressReportFactory(commitment=commitment, period_start=end - dt.timedelta(days=300), period_end=end,
                                 state=state, disbursed=disbursed_usd, disbursed_usd=disbursed_usd)


def test_pledged_by_announcement_year_and_disbursed_by_report_year(summit):
    first = published(summit, amount=Decimal("1000"), currency="USD")
    second = published(summit, amount=Decimal("500"), currency="USD", announced_on=dt.date(2031, 3, 1))
    _report(first, dt.date(2031, 1, 31), Decimal("100"))
    _report(first, dt.date(2032, 1, 31), Decimal("400"))  # cumulative: 300 more in 2032
    _report(second, dt.date(2032, 6, 30), Decimal("50"))
    _report(second, dt.date(2033, 6, 30), Decimal("999"), state=ReportState.SUBMITTED)  # not published: not counted
    rows = [(r["year"], r["pledged"], r["disbursed"]) for r in queries.money_by_year(summit)]
    assert rows == [(2030, Decimal("1000"), 0), (2031, Decimal("500"), Decimal("100")), (2032, 0, Decimal("350"))]


def test_a_reannouncement_is_counted_at_its_first_announcement_only(summit):
    original = published(summit, amount=Decimal("1000"), currency="USD")
    later = SummitFactory(start_date=dt.date(2031, 5, 1), end_date=dt.date(2031, 5, 2))
    again = published(later, amount=Decimal("1000"), currency="USD", announced_on=dt.date(2031, 5, 1))
    again.reannouncement_of = original
    again.save()
    assert queries.money_by_year(later) == []
    assert [(r["year"], r["pledged"]) for r in queries.money_by_year(summit)] == [(2030, Decimal("1000"))]


def test_dashboard_page_draws_the_charts_beside_their_tables(client, summit):
    today = timezone.localdate()
    old = today - dt.timedelta(days=800)
    ngo = OrganisationFactory(kind="ngo")
    first = published(summit, announced_on=old, amount=Decimal("2000000"), currency="USD", lead_organisation=ngo)
    published(summit, announced_on=old, lead_organisation=ngo)
    reported(first, today - dt.timedelta(days=30))
    _report(first, today - dt.timedelta(days=30), Decimal("500000"))
    page = BeautifulSoup(client.get(f"/fr/commitments/dashboard/{summit.slug}/").content, "html.parser")
    kinds = page.find(id="rate-by_org_kind")
    assert [[c.get_text(strip=True) for c in row.find_all(["th", "td"])] for row in kinds.tbody.find_all("tr")] == [
        ["ONG / société civile", "2", "1", "50\u00a0%"]]
    assert page.find(id="chart-rate-by_org_kind").find("rect") is not None
    years = {row["data-year"]: [c.get_text(strip=True) for c in row.find_all("td")]
             for row in page.select("#by-year tbody tr")}
    assert years[str(old.year)][0] == "2\u202f000\u202f000"
    assert years[str((today - dt.timedelta(days=30)).year)][1] == "500\u202f000"
    assert page.find(id="chart-years") is not None
