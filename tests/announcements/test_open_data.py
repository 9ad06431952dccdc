"""Exports (formula injection), the spreadsheet import, the dashboard figures and constant query counts."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import openpyxl
import pytest

from announcements import queries
from announcements.choices import ActivityStatus, ReportState, ReviewState
from announcements.models import Commitment
from core import importing
from tests.summits.factories import OrganisationFactory, ThemeFactory

from .factories import CommitmentFactory, ProgressReportFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evil(summit):
    return PublishedCommitmentFactory(summit=summit, title="=HYPERLINK(\"http://evil\")", summary="+1+2",
                                      lead_organisation=OrganisationFactory(name="@SUM(A1)"))


def test_csv_export_escapes_formulae(client, evil):
    body = client.get("/en/commitments/export.csv").content.decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(body)))
    assert (row["title"], row["summary"], row["lead_organisation"]) == (
        "'=HYPERLINK(\"http://evil\")", "'+1+2", "'@SUM(A1)")


def test_xlsx_export_escapes_formulae(client, evil):
    content = client.get("/en/commitments/export.xlsx").content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headers = [c.value for c in sheet[1]]
    values = dict(zip(headers, [c.value for c in sheet[2]]))
    # typed as text: the value is kept exactly and never run as a formula
    assert values["title"] == "=HYPERLINK(\"http://evil\")" and values["lead_organisation"] == "@SUM(A1)"
    assert all(c.data_type == "s" for c in sheet[2] if isinstance(c.value, str))


def test_json_export_keeps_the_text(client, evil):
    data = json.loads(client.get("/en/commitments/export.json").content)
    assert data[0]["title"] == "=HYPERLINK(\"http://evil\")"


def test_export_follows_the_filters(client, summit):
    keep = PublishedCommitmentFactory(summit=summit, status=ActivityStatus.CLOSED)
    PublishedCommitmentFactory(summit=summit, status=ActivityStatus.PIPELINE)
    data = json.loads(client.get("/en/commitments/export.json", {"status": "closed"}).content)
    assert [r["reference"] for r in data] == [keep.reference]


def test_export_is_in_the_page_language(client, summit):
    PublishedCommitmentFactory(summit=summit, status=ActivityStatus.CLOSED)
    data = json.loads(client.get("/fr/commitments/export.json").content)
    assert data[0]["status"] == "Clos"
    assert data[0]["url"].endswith(f"/fr/commitments/{data[0]['reference']}/")


# --- import ---------------------------------------------------------------------------------------

HEADER = "summit,title_en,title_fr,lead_organisation,kind,themes,countries,amount,currency,review_state\n"


def run(text, dry_run=False):
    kind = importing.registry()["commitments"]
    return importing.run_import(kind, importing.read_dataset(text.encode(), "c.csv"), dry_run=dry_run)


def test_import_creates_published_commitments_with_themes(summit):
    ThemeFactory(summit=summit, slug="finance")
    OrganisationFactory(name="African Development Bank")
    report = run(HEADER + f"{summit.slug},Great Green Wall,Grande Muraille verte,African Development Bank,"
                          "financial,finance,\"SN,ML\",14300000000,USD,published\n")
    assert report.ok, [str(e) for e in report.errors]
    commitment = Commitment.objects.get()
    assert (commitment.title_fr, commitment.review_state, commitment.amount_usd) == (
        "Grande Muraille verte", ReviewState.PUBLISHED, Decimal("14300000000.00"))
    assert [t.slug for t in commitment.themes.all()] == ["finance"]
    assert sorted(c.code for c in commitment.countries) == ["ML", "SN"]
    assert commitment.versions.count() == 1


def test_import_is_all_or_nothing_with_row_errors(summit):
    OrganisationFactory(name="Lead")
    report = run(HEADER + f"{summit.slug},Good row,,Lead,policy,,FR,,,\n"
                          f"{summit.slug},Bad row,,Nobody,policy,nope,XX,,,\n")
    messages = sorted(str(e) for e in report.errors)
    assert Commitment.objects.count() == 0
    assert any(m.startswith("Row 3, column “lead_organisation”") for m in messages)
    assert any(m.startswith("Row 3, column “countries”") for m in messages)


def test_import_unknown_theme_is_a_row_error(summit):
    OrganisationFactory(name="Lead")
    report = run(HEADER + f"{summit.slug},Row,,Lead,policy,nope,,,,\n")
    assert [str(e) for e in report.errors] == [
        f"Row 2: Unknown themes for summit “{summit.slug}”: nope."]
    assert Commitment.objects.count() == 0


def test_import_preview_saves_nothing(summit):
    OrganisationFactory(name="Lead")
    report = run(HEADER + f"{summit.slug},Row,,Lead,policy,,,,,\n", dry_run=True)
    assert report.ok and report.totals["new"] == 1 and Commitment.objects.count() == 0


def test_import_amount_needs_currency(summit):
    OrganisationFactory(name="Lead")
    report = run(HEADER + f"{summit.slug},Row,,Lead,financial,,,100,,\n")
    assert [str(e) for e in report.errors] == ["Row 2, column “currency”: Give the currency of the amount."]


# --- dashboard ------------------------------------------------------------------------------------

def test_dashboard_figures_computed_in_the_database(summit, reviewer):
    land = ThemeFactory(summit=summit, title="Land")
    a = PublishedCommitmentFactory(summit=summit, amount=1000, currency="USD",
                                   announced_on=dt.date.today() - dt.timedelta(days=800))
    b = PublishedCommitmentFactory(summit=summit, amount=500, currency="USD", status=ActivityStatus.CLOSED)
    CommitmentFactory(summit=summit, amount=9999, currency="USD")  # not published: not counted
    a.themes.add(land)
    b.themes.add(land)
    report = ProgressReportFactory(commitment=b, disbursed=200, state=ReportState.APPROVED,
                                   due_on=dt.date.today() + dt.timedelta(days=30))
    from announcements import services

    services.review_report(report, "publish", reviewer)
    figures = queries.dashboard_figures(summit)
    assert figures["totals"]["pledged"] == Decimal("1500.00")
    assert figures["totals"]["disbursed"] == Decimal("200.00")
    theme_row = figures["by_theme"][0]
    assert (theme_row["themes__title"], theme_row["pledged"], theme_row["disbursed"]) == ("Land", 1500, 200)
    assert dict((v, n) for v, _l, n in figures["by_light"]) == {"green": 1, "amber": 0, "red": 1, "ended": 0}
    assert dict((v, n) for v, _l, n in figures["by_status"])["closed"] == 1
    assert figures["reports"] == {"total": 1, "on_time": 1}


def test_dashboard_page_has_svg_charts_with_text_equivalents(client, summit):
    theme = ThemeFactory(summit=summit, title="Oceans")
    PublishedCommitmentFactory(summit=summit, amount=100, currency="USD").themes.add(theme)
    body = client.get(f"/en/commitments/dashboard/{summit.slug}/").content.decode()
    # theme money, pledged and disbursed per year, status, follow-up (no reporting rate: nothing is due yet)
    assert body.count('role="img"') == 4
    assert '<th scope="row"><a href="/en/commitments/?summit=one-planet-biodiversity&amp;theme=' in body
    assert 'id="total-pledged">100<' in body


# --- constant query counts --------------------------------------------------------------------------

def make_many(summit, n):
    """n published commitments with themes, coalitions, points (every third) and published progress reports
    with disbursed amounts (every other), so every figure of the dashboard has rows to count."""
    import datetime as dt

    from announcements.choices import ReportState

    from .factories import CoalitionFactory, ProgressReportFactory

    themes = [ThemeFactory(summit=summit) for _ in range(3)]
    orgs = [OrganisationFactory(kind=kind) for kind in ("ngo", "government", "business", "foundation", "academia")]
    coalitions = [CoalitionFactory(), CoalitionFactory(), None]
    for i in range(n):
        c = PublishedCommitmentFactory(summit=summit, lead_organisation=orgs[i % 5], countries=["FR", "SN"][: i % 2 + 1],
                                       amount=100 * i, currency="USD", coalition=coalitions[i % 3],
                                       latitude=(i % 80) if i % 3 == 0 else None,
                                       longitude=(i % 170) if i % 3 == 0 else None)
        c.themes.add(themes[i % 3])
        if i % 2:
            for year in (2022, 2023):
                ProgressReportFactory(commitment=c, period_start=dt.date(year - 1, 2, 1),
                                      period_end=dt.date(year, 1, 31), state=ReportState.PUBLISHED,
                                      disbursed=10 * i * (year - 2021), disbursed_usd=10 * i * (year - 2021))


def count_queries(client, url):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # facet counts are cached: measure the cold page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [
    "/en/commitments/?summit=one-planet-biodiversity",
    "/fr/commitments/?summit=one-planet-biodiversity&kind=initiative&q=ecosystems&sort=amount",
    "/en/commitments/dashboard/one-planet-biodiversity/",
    "/api/v1/commitments/?summit=one-planet-biodiversity",
    "/en/commitments/export.json?summit=one-planet-biodiversity",
])
def test_queries_do_not_grow_with_data(client, summit, url):
    make_many(summit, 3)
    few = count_queries(client, url)
    make_many(summit, 40)
    assert count_queries(client, url) == few


def test_list_page_query_budget(client, summit, django_assert_max_num_queries):
    make_many(summit, 30)
    # the list, its 10 facets (the target facet counts primary and secondary alignments: 2 queries) and their
    # labels, 1 registry stamp; the rest is the site's base template (menus, settings). Constant in data size.
    with django_assert_max_num_queries(24):
        client.get("/en/commitments/", {"summit": summit.slug})


def test_dashboard_query_budget(client, summit, django_assert_max_num_queries):
    make_many(summit, 30)
    # 14 before, + the points of the map, the reporting rate per summit, coalition and organisation kind, and
    # pledged and disbursed per year (two).
    with django_assert_max_num_queries(20):
        client.get(f"/en/commitments/dashboard/{summit.slug}/")


def test_import_command_for_commitments(summit, tmp_path):
    from django.core.management import call_command

    OrganisationFactory(name="Lead")
    path = tmp_path / "commitments.csv"
    path.write_text(HEADER + f"{summit.slug},From the command,,Lead,policy,,,,,published\n", encoding="utf-8")
    call_command("import_records", "commitments", str(path))
    assert list(Commitment.objects.values_list("title_en", "review_state")) == [("From the command", "published")]


def test_admin_import_preview_then_confirm(client, summit, reviewer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    OrganisationFactory(name="Lead")
    client.force_login(reviewer)
    content = (HEADER + f"{summit.slug},Through the admin,,Lead,policy,,,,,\n").encode()
    preview = client.post("/admin/plenary/import/commitments/",
                          {"file": SimpleUploadedFile("c.csv", content, content_type="text/csv")})
    assert preview.context["report"].ok and Commitment.objects.count() == 0
    client.post("/admin/plenary/import/commitments/confirm/", {"token": preview.context["token"]})
    assert list(Commitment.objects.values_list("title_en", flat=True)) == ["Through the admin"]
