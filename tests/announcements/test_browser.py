"""A visitor filters the list in French, opens a commitment, downloads CSV and PDF (real Chromium)."""

import os

import pytest

from tests.conftest import skip_or_fail

from announcements.choices import CommitmentKind

from .factories import PublishedCommitmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def page():
    if not os.path.exists(CHROMIUM):
        skip_or_fail("Debian chromium is not installed")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(accept_downloads=True, locale="fr-FR")
        yield context.new_page()
        context.close()
        browser.close()


def test_visitor_filters_in_french_opens_and_downloads(live_server, page, tmp_path):
    from tests.summits.factories import SummitFactory

    summit = SummitFactory(slug="one-planet-biodiversity", title="One Planet Summit", title_fr="One Planet Summit (FR)")
    wall = PublishedCommitmentFactory(summit=summit, kind=CommitmentKind.FINANCIAL, title="Great Green Wall",
                                      amount=14300000000, currency="USD")
    wall.title_fr = "Grande Muraille verte"
    wall.save()
    PublishedCommitmentFactory(summit=summit, kind=CommitmentKind.POLICY, title="Protected areas law")

    page.goto(f"{live_server.url}/fr/commitments/")
    assert page.locator("#result-count").inner_text() == "2 engagements"
    page.locator('a[data-facet="kind"][data-value="financial"]').click()
    page.wait_for_url("**kind=financial**")
    assert page.locator("#result-count").inner_text() == "1 engagement"
    page.locator('a[data-facet="summit"][data-value="one-planet-biodiversity"]').click()
    page.wait_for_url("**summit=one-planet-biodiversity**")

    page.get_by_role("link", name="Grande Muraille verte").click()
    page.wait_for_url(f"**/fr/commitments/{wall.reference}/")
    assert page.locator("h1").inner_text() == "Grande Muraille verte"
    page.go_back()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV").click()
    csv_path = tmp_path / "list.csv"
    csv_download.value.save_as(csv_path)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "Grande Muraille verte" in text and "Protected areas law" not in text

    with page.expect_download() as pdf_download:
        page.locator("#pdf-link").click()
    pdf_path = tmp_path / "report.pdf"
    pdf_download.value.save_as(pdf_path)
    from pypdf import PdfReader

    pdf_text = "".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert "Grande Muraille verte" in pdf_text and "Engagements et avancement" in pdf_text
