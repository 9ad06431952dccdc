"""An organiser prints the badge sheets of a summit from the Wagtail admin, in a real browser."""

import pytest

from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import SummitFactory, organiser

from .helpers import reader, text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser.new_page(accept_downloads=True)
        finally:
            browser.close()


@pytest.fixture
def summit_with_participants():
    """Created before the browser starts (Playwright's event loop forbids database calls)."""
    summit = SummitFactory(title="One Planet Summit")
    SummitFactory(title="Another summit")  # not theirs: must not be offered
    category = CategoryFactory(summit=summit, name="Delegate")
    for name in ["Zulu", "Alpha", "Mike"]:
        RegistrationFactory(summit=summit, category=category, family_name=name)
    organiser(summits=[summit], username="olga")
    return summit


def test_organiser_prints_badge_sheets_with_a_progress_bar(live_server, summit_with_participants, browser_page,
                                                           tmp_path):
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "olga")
    page.fill("input[name=password]", "secret-pass-123")
    page.click("main button[type=submit], form button[type=submit] >> visible=true")
    page.goto(f"{live_server.url}/admin/plenary/documents/")
    assert page.locator("select[name=summit] option").all_inner_texts() == ["One Planet Summit"]
    page.select_option("select[name=order]", "family_name")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/batches/**")
    assert page.locator("progress#pdf-batch-progress").count() == 1
    page.wait_for_selector("#pdf-batch-download:not([hidden])", timeout=60_000)
    assert page.locator("#pdf-batch-progress").get_attribute("value") == "3"
    with page.expect_download() as download:
        page.click("#pdf-batch-download")
    target = tmp_path / "sheets.pdf"
    download.value.save_as(target)
    pdf = target.read_bytes()
    content = text(pdf)
    assert len(reader(pdf).pages) == 1
    assert content.index("Alpha") < content.index("Mike") < content.index("Zulu")
