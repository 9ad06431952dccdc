"""The summit's dashboard: every figure equals the database's count, charts beside tables, exports."""

import csv
import datetime as dt
import io
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from announcements.choices import ReportState, ReviewState
from core import outbox
from core.models import OutboxEmail
from registrations.choices import BookingStatus
from registrations.models import Registration, SessionBooking
from tests.announcements.factories import CommitmentFactory, ProgressReportFactory
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import OrganisationFactory, SessionFactory, UserFactory, member

from .conftest import denied

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def data(summit, other_summit):
    """A summit with registrations in every status, categories in their own order, nationalities,
    organisation kinds, check-ins, printed badges, bookings, commitments and emails; plus noise elsewhere."""
    press = CategoryFactory(summit=summit, name="Press", sort_order=2, quota=3, slug="press")
    delegates = CategoryFactory(summit=summit, name="Delegates", sort_order=1, quota=None, slug="delegates")
    ngo = OrganisationFactory(kind="ngo")
    government = OrganisationFactory(kind="government")
    people = []
    for status, category, country, organisation in [
        ("approved", delegates, "SN", government), ("approved", delegates, "SN", ngo), ("approved", press, "BR", None),
        ("pending", delegates, "FR", ngo), ("waitlisted", press, "FR", None), ("rejected", delegates, "", None),
        ("cancelled", press, "JP", government), ("approved", press, "SN", None),
    ]:
        people.append(RegistrationFactory(summit=summit, category=category, status=status, nationality=country,
                                          organisation=organisation))
    # Registered on two local days: 23:30 in Paris is still the 1st there, already the 1st in UTC.
    Registration.objects.filter(pk__in=[p.pk for p in people[:5]]).update(
        created_at=dt.datetime(2029, 12, 1, 23, 30, tzinfo=PARIS))
    Registration.objects.filter(pk__in=[p.pk for p in people[5:]]).update(
        created_at=dt.datetime(2029, 12, 3, 0, 30, tzinfo=PARIS))
    # Check-ins at 08:10, 08:50 and 10:05 local time on the first day.
    for person, hour, minute in ((people[0], 8, 10), (people[1], 8, 50), (people[2], 10, 5)):
        Registration.objects.filter(pk=person.pk).update(
            checked_in_at=dt.datetime(2030, 1, 11, hour, minute, tzinfo=PARIS))
    Registration.objects.filter(pk__in=[people[0].pk, people[7].pk]).update(badge_printed_at=timezone.now())
    Registration.objects.filter(pk=people[1].pk).update(needs_letter=True, letter_issued_at=timezone.now())
    Registration.objects.filter(pk=people[2].pk).update(needs_letter=True)
    session = SessionFactory(summit=summit, title="Roundtable on oceans", capacity=2)
    SessionBooking.objects.create(registration=people[0], session=session, status=BookingStatus.BOOKED)
    SessionBooking.objects.create(registration=people[1], session=session, status=BookingStatus.BOOKED)
    SessionBooking.objects.create(registration=people[2], session=session, status=BookingStatus.WAITLISTED)
    CommitmentFactory(summit=summit, review_state=ReviewState.SUBMITTED)
    CommitmentFactory(summit=summit, review_state=ReviewState.SUBMITTED)
    ProgressReportFactory(commitment=CommitmentFactory(summit=summit, review_state=ReviewState.PUBLISHED),
                          state=ReportState.SUBMITTED)
    for status in ("sent", "sent", "failed", "queued"):
        OutboxEmail.objects.create(kind="registrations.approved", to="a@example.org", summit=summit, status=status)
    OutboxEmail.objects.create(kind="registrations.message", to="b@example.org", summit=summit, status="sent")
    # Noise on another summit: never counted.
    RegistrationFactory(summit=other_summit, status="approved", nationality="SN")
    OutboxEmail.objects.create(kind="registrations.approved", to="c@example.org", summit=other_summit,
                               status="failed")
    CommitmentFactory(summit=other_summit, review_state=ReviewState.SUBMITTED)
    return {"people": people, "press": press, "delegates": delegates, "session": session}


def figure(response, name):
    return next(f for f in response.context["figures"] if f.name == name)


def db(summit, **filters):
    return Registration.objects.filter(summit=summit, **filters).count()


def test_key_figures_equal_the_database(client, manager, summit, data):
    key = client.get(reverse("cockpit_overview", args=[summit.pk])).context["key"]
    assert key == {
        "total": db(summit), "approved": db(summit, status="approved"), "pending": db(summit, status="pending"),
        "waitlisted": db(summit, status="waitlisted"), "checked_in": db(summit, checked_in_at__isnull=False),
        "emails_failed": OutboxEmail.objects.filter(summit=summit, status="failed").count(),
        "commitments_waiting": 2, "reports_waiting": 1,
    }
    assert key["total"] == 8 and key["approved"] == 4


def test_registrations_by_status_equal_the_database(client, manager, summit, data):
    rows = figure(client.get(reverse("cockpit_overview", args=[summit.pk])), "registrations-by-status").rows
    assert rows == [["Pending review", db(summit, status="pending")], ["Approved", db(summit, status="approved")],
                    ["On the waiting list", 1], ["Rejected", 1], ["Cancelled", 1]]


def test_registrations_by_day_use_the_summits_local_days(client, manager, summit, data):
    rows = figure(client.get(reverse("cockpit_overview", args=[summit.pk])), "registrations-by-day").rows
    assert rows == [[dt.date(2029, 12, 1), 5, 5], [dt.date(2029, 12, 2), 0, 5], [dt.date(2029, 12, 3), 3, 8]]


def test_registrations_by_category_follow_the_categorys_order_and_quota(client, manager, summit, data):
    rows = figure(client.get(reverse("cockpit_overview", args=[summit.pk])), "registrations-by-category").rows
    assert rows == [
        ["Delegates", 2, 1, 0, 1, 3, "∞"],
        ["Press", 2, 0, 1, 1, 2, 3],
    ]
    assert rows[1][1] == db(summit, category=data["press"], status="approved")


def test_registrations_by_country_and_organisation_kind(client, manager, summit, data):
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    assert figure(response, "registrations-by-country").rows == [
        ["Senegal", 3], ["France", 2], ["Brazil", 1], ["Japan", 1], ["Not given", 1]]
    assert figure(response, "registrations-by-organisation-kind").rows == [
        ["Government", 2], ["NGO / civil society", 2], ["Organisation not in the directory", 4]]


def test_check_ins_per_local_hour(client, manager, summit, data):
    checkins = figure(client.get(reverse("cockpit_overview", args=[summit.pk])), "checkins")
    assert checkins.rows == [[dt.date(2030, 1, 11), "08:00", 2], [dt.date(2030, 1, 11), "09:00", 0],
                             [dt.date(2030, 1, 11), "10:00", 1]]
    assert checkins.totals["checked_in"] == db(summit, checked_in_at__isnull=False) == 3
    assert checkins.note == "3 of 4 approved participants checked in."


def test_badges_letters_bookings_commitments_and_emails(client, manager, summit, data):
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    assert figure(response, "documents").rows == [["Badges printed", 2, 4], ["Letters issued", 1, 2]]
    bookings = figure(response, "session-bookings").rows
    assert [row[0] for row in bookings] == ["Roundtable on oceans"]
    assert bookings[0][2:] == [2, 1, 2]
    commitments = dict(figure(response, "commitments").rows)
    assert commitments["Submitted, awaiting review"] == 2
    assert commitments["Published"] == 1
    assert commitments["Progress reports awaiting review"] == 1
    assert figure(response, "emails").rows == [
        ["Message to participants", 0, 1, 0], ["Registration approved", 1, 2, 1], ["All emails", 1, 3, 1]]


def test_charts_are_svg_with_a_data_table_beside(client, manager, summit, data):
    html = client.get(reverse("cockpit_overview", args=[summit.pk])).content.decode()
    assert '<svg class="plenary-chart"' in html and 'role="img"' in html
    assert '<table data-figure="registrations-by-status">' in html
    assert '<title id="chart-registrations-by-status-title">Registrations by status</title>' in html


def test_charts_grow_from_the_right_in_arabic(client, manager, summit, data):
    from django.utils import translation

    from core import charts

    with translation.override("ar"):
        chart = charts.bars([{"label": "a", "n": 10}, {"label": "b", "n": 5}], [("n", None)])
    assert chart["rtl"] is True
    assert chart["rows"][0]["bars"][0]["x"] == 640 - 10 - chart["rows"][0]["bars"][0]["width"]
    assert chart["rows"][1]["bars"][0]["width"] == chart["rows"][0]["bars"][0]["width"] / 2
    with translation.override("ar"):
        columns = charts.columns([("1", 1), ("2", 2), ("3", 3)])
    assert columns["points"][0]["x"] > columns["points"][2]["x"]  # time runs from right to left


def test_csv_export_equals_the_table(client, manager, summit, data):
    response = client.get(reverse("cockpit_figure_export", args=[summit.pk, "registrations-by-category", "csv"]))
    assert response["Content-Disposition"] == f'attachment; filename="{summit.slug}-registrations-by-category.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Category", "Approved", "Pending", "Waiting list", "Rejected or cancelled", "Places held",
                       "Quota"]
    assert rows[1:] == [["Delegates", "2", "1", "0", "1", "3", "∞"], ["Press", "2", "0", "1", "1", "2", "3"]]


def test_xlsx_export_keeps_numbers_and_dates(client, manager, summit, data):
    response = client.get(reverse("cockpit_figure_export", args=[summit.pk, "registrations-by-day", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Day", "Registrations", "Running total"]
    assert values[1][1:] == [5, 5] and values[1][0].date() == dt.date(2029, 12, 1)


def test_exports_are_formula_safe(client, manager, summit):
    CategoryFactory(summit=summit, name="=HYPERLINK(\"http://evil\")")
    response = client.get(reverse("cockpit_figure_export", args=[summit.pk, "registrations-by-category", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(\"http://evil\")"


def test_unknown_figure_or_format_is_not_found(client, manager, summit):
    assert client.get(reverse("cockpit_figure_export", args=[summit.pk, "salaries", "csv"])).status_code == 404
    assert client.get(reverse("cockpit_figure_export", args=[summit.pk, "emails", "pdf"])).status_code == 404


def test_participant_figures_are_refused_to_a_role_without_access(client, summit, data):
    client.force_login(member(summit, role="content_editor"))
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    assert [f.name for f in response.context["figures"]] == ["session-bookings"]
    assert response.context["key"] is None
    assert denied(client.get(reverse("cockpit_figure_export", args=[summit.pk, "registrations-by-country", "csv"])))


def test_another_summits_manager_cannot_export(client, summit, other_summit, data):
    client.force_login(member(other_summit))
    assert denied(client.get(reverse("cockpit_figure_export", args=[summit.pk, "registrations-by-status", "csv"])))
    assert denied(client.get(reverse("cockpit_figure_fragment", args=[summit.pk, "checkins"])))


def test_check_in_figure_is_live_during_the_summit(client, manager, summit, data):
    summit.start_date = timezone.localdate()
    summit.end_date = timezone.localdate() + dt.timedelta(days=1)
    summit.save()
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    html = response.content.decode()
    assert f'data-live-url="{reverse("cockpit_figure_fragment", args=[summit.pk, "checkins"])}"' in html
    fragment = client.get(reverse("cockpit_figure_fragment", args=[summit.pk, "checkins"]))
    assert fragment.status_code == 200 and "<h2" in fragment.content.decode()


def test_dashboard_queries_do_not_grow_with_the_data(client, manager, summit, django_assert_max_num_queries):
    category = CategoryFactory(summit=summit)
    for _i in range(3):
        RegistrationFactory(summit=summit, category=category)
    url = reverse("cockpit_overview", args=[summit.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _i in range(40):
        RegistrationFactory(summit=summit, category=CategoryFactory(summit=summit), nationality="BR")
        SessionFactory(summit=summit, capacity=10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_secretariat_sees_every_summit_with_totals(client, summit, other_summit, data):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("cockpit_secretariat"))
    rows = {r["summit"].slug: r for r in response.context["rows"]}
    assert rows[summit.slug]["total"] == 8 and rows[summit.slug]["pending"] == 1
    assert rows[summit.slug]["commitments_waiting"] == 2 and rows[summit.slug]["reports_waiting"] == 1
    assert rows[other_summit.slug]["total"] == 1 and rows[other_summit.slug]["emails_failed"] == 1
    assert response.context["totals"]["total"] == Registration.objects.count() == 9
    export = client.get(reverse("cockpit_secretariat") + "?export=csv")
    lines = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["Summit", "First day", "Registrations"]
    assert sorted(line[2] for line in lines[1:]) == ["1", "8"]


def test_secretariat_view_is_for_superusers_only(client, manager):
    assert denied(client.get(reverse("cockpit_secretariat")))


def test_dashboard_panel_on_the_admin_home(client, manager, summit, data):
    client.get(reverse("cockpit_overview", args=[summit.pk]))
    html = client.get("/admin/").content.decode()
    assert 'id="plenary-summit-panel-heading"' in html
    assert f'href="{reverse("cockpit_overview", args=[summit.pk])}"' in html
    assert 'data-kpi="pending">1<' in html


def test_email_kind_labels_name_what_was_sent():
    assert outbox.kind_label("registrations.approved") == "Registration approved"
    assert outbox.kind_label("something.else") == "something.else"
