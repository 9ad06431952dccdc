"""Indicators over time: the lead reports the value reached through the signed link; once the report is
published the value appears on the detail page (a small SVG chart with the same figures in a table), in the
IATI file as an actual value, and never before."""

import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from announcements import services
from announcements.iati import ACTIVITY_SCHEMA

from .factories import DeliverableFactory, PublishedCommitmentFactory
from .test_submission import report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def hectares(summit):
    commitment = PublishedCommitmentFactory(summit=summit, start_date=dt.date(2030, 1, 1),
                                            announced_on=dt.date(2030, 1, 1), end_date=dt.date(2035, 12, 31))
    deliverable = DeliverableFactory(commitment=commitment, title="Hectares restored", unit="ha",
                                     baseline=Decimal("0"), target=Decimal("10000"), due_date=dt.date(2035, 12, 31))
    DeliverableFactory(commitment=commitment, title="Secretariat", unit="")  # no indicator, no value field
    return commitment, deliverable


def _report(client, commitment, deliverable, period_end, value, reviewer, publish=True):
    token = services.report_token(commitment)
    data = report_data(commitment, period_start=f"{period_end.year}-01-01", period_end=period_end.isoformat(),
                       **{f"deliverable_value_{deliverable.pk}": value})
    response = client.post(f"/en/commitments/report/{token}/", data)
    assert response.status_code == 200
    report = commitment.reports.get(period_end=period_end)
    if publish:
        services.review_report(report, "approve", reviewer)
        services.review_report(report, "publish", reviewer)
    return report


def test_report_form_asks_the_value_of_indicators_only(client, hectares):
    commitment, deliverable = hectares
    page = client.get(f"/en/commitments/report/{services.report_token(commitment)}/").content.decode()
    assert f'name="deliverable_value_{deliverable.pk}"' in page
    assert page.count('name="deliverable_value_') == 1


def test_values_over_time_are_public_once_published(client, hectares, reviewer):
    commitment, deliverable = hectares
    _report(client, commitment, deliverable, dt.date(2030, 12, 31), "2500", reviewer)
    _report(client, commitment, deliverable, dt.date(2031, 12, 31), "4000", reviewer)
    _report(client, commitment, deliverable, dt.date(2032, 12, 31), "9999", reviewer, publish=False)
    response = client.get(commitment.get_absolute_url())
    page = response.content.decode()
    [(shown, chart)] = response.context["indicators"]
    assert shown == deliverable
    assert [(p["date"], p["value"], p["kind"]) for p in chart["points"]] == [
        (dt.date(2030, 1, 1), 0.0, "baseline"), (dt.date(2030, 12, 31), 2500.0, "value"),
        (dt.date(2031, 12, 31), 4000.0, "value")]
    assert f'id="indicator-{deliverable.pk}"' in page and "<polyline" in page and 'class="target"' in page
    assert "9,999" not in page and "9999" not in page  # the unpublished report's value stays private
    assert chart["points"][0]["x"] < chart["points"][2]["x"]  # time runs left to right

    rtl = client.get(commitment.get_absolute_url().replace("/en/", "/ar/", 1)).context["indicators"][0][1]
    assert rtl["points"][0]["x"] > rtl["points"][2]["x"]  # and right to left in Arabic

    root = etree.fromstring(client.get("/en/commitments/iati-activities.xml").content)
    assert etree.XMLSchema(etree.parse(str(ACTIVITY_SCHEMA))).validate(root)
    actuals = root.xpath("iati-activity/result/indicator/period[actual]")
    assert [(p.find("period-end").get("iso-date"), p.find("actual").get("value")) for p in actuals] == [
        ("2030-12-31", "2500.00"), ("2031-12-31", "4000.00")]


def test_detail_query_count_does_not_grow_with_reports(client, hectares, reviewer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    commitment, deliverable = hectares
    counts = []
    for year in (2030, 2031, 2032, 2033):
        _report(client, commitment, deliverable, dt.date(year, 12, 31), str(year), reviewer)
        client.get(commitment.get_absolute_url())  # warm the per-process caches (menus, settings)
        with CaptureQueriesContext(connection) as queries:
            client.get(commitment.get_absolute_url())
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


@pytest.mark.parametrize("code, unit", [("fr", "hectares"), ("ar", "هكتار"), ("zh-hans", "公顷"), ("ru", "гектаров"),
                                        ("es", "ha")])
def test_an_indicator_unit_reads_in_the_visitors_language(client, hectares, code, unit):
    """Issue #11: units are translated like the deliverable's title (English is the fallback)."""
    commitment, deliverable = hectares
    deliverable.unit_fr, deliverable.unit_ar, deliverable.unit_zh_hans, deliverable.unit_ru = (
        "hectares", "هكتار", "公顷", "гектаров")
    deliverable.save()
    from django.utils import translation

    with translation.override(code):
        page = client.get(commitment.get_absolute_url()).content.decode()
    from bs4 import BeautifulSoup

    cell = BeautifulSoup(page, "html.parser").select_one("bdi.unit")
    assert cell.get_text() == unit
    # Not translated (Spanish): the English unit, marked as English for screen readers; otherwise unmarked.
    assert cell.get("lang") == ("en" if code == "es" else None)


def test_detail_page_shows_how_far_each_deliverable_is(client, summit):
    import datetime as dt
    from decimal import Decimal

    from bs4 import BeautifulSoup

    from announcements.choices import DeliverableStatus, ReportState
    from announcements.models import DeliverableUpdate

    from .factories import DeliverableFactory, ProgressReportFactory, PublishedCommitmentFactory

    commitment = PublishedCommitmentFactory(summit=summit)
    hectares = DeliverableFactory(commitment=commitment, unit="hectares", baseline=Decimal("1000"),
                                  target=Decimal("5000"), status=DeliverableStatus.IN_PROGRESS, sort_order=0)
    done = DeliverableFactory(commitment=commitment, status=DeliverableStatus.ACHIEVED, sort_order=1)
    DeliverableFactory(commitment=commitment, status=DeliverableStatus.PLANNED, sort_order=2)
    for end, value, state in ((dt.date(2031, 1, 31), Decimal("2000"), ReportState.PUBLISHED),
                              (dt.date(2032, 1, 31), Decimal("4000"), ReportState.SUBMITTED)):  # not public yet
        report = ProgressReportFactory(commitment=commitment, period_start=end - dt.timedelta(days=300),
                                       period_end=end, state=state)
        DeliverableUpdate.objects.create(report=report, deliverable=hectares, status=hectares.status, value=value)
    page = BeautifulSoup(client.get(f"/en/commitments/{commitment.reference}/").content, "html.parser")
    assert [td["data-percent"] for td in page.select("td[data-percent]")] == ["25", "100", ""]
    assert done.pk
