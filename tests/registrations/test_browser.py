"""Registration in French and in Arabic in a real browser, then the self-service page."""

import re

import pytest
from django.core import mail

from registrations.models import Registration
from tests.summits.factories import SessionFactory, local

from .factories import CategoryFactory, open_summit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(autouse=True)
def _sync_db_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def page(_sync_db_beside_playwright):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        yield page
        browser.close()


@pytest.fixture
def summit():
    summit = open_summit(slug="one-planet-biodiversity", title="One Planet Summit", languages=["en", "fr", "ar"])
    category = CategoryFactory(summit=summit, name="Civil society", slug="civil-society", quota=50)
    category.name_fr, category.name_ar = "Société civile", "المجتمع المدني"
    category.save()
    SessionFactory(summit=summit, title="Oceans", capacity=20, start=local(summit, 0, 9), end=local(summit, 0, 10))
    SessionFactory(summit=summit, title="Forests", capacity=20, start=local(summit, 0, 11), end=local(summit, 0, 12))
    SessionFactory(summit=summit, title="Finance", capacity=20, start=local(summit, 0, 9, 30), end=local(summit, 0, 10, 30))
    return summit


def manage_path(body, language):
    """The self-service link of an email."""
    return re.search(rf"/{language}/registration/[^/\s]+/", body).group(0)


def fill(page, category, email, language):
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_given_name", "Layla")
    page.fill("#id_family_name", "Haddad")
    page.fill("#id_email", email)
    page.fill("#id_organisation_name", "Cedar Keepers")
    page.select_option("#id_nationality", "LB")
    page.select_option("#id_preferred_language", language)
    page.check("#id_consent_privacy")


def test_register_in_french(page, live_server, summit):
    category = summit.registration_categories.get()
    page.goto(f"{live_server.url}/fr/summits/{summit.slug}/register/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.click("button[type=submit]")  # empty form: errors next to the fields, nothing saved
    assert page.locator("#field-given_name .errorlist").is_visible()
    fill(page, category, "layla.fr@example.org", "fr")
    page.click("button[type=submit]")
    page.wait_for_url("**/fr/summits/*/register/sent/")  # "check your inbox", whether the address was new or not
    page.goto(live_server.url + manage_path(mail.outbox[-1].body, "fr"))
    registration = Registration.objects.get(email="layla.fr@example.org")
    assert page.locator("#reference").inner_text() == registration.reference
    assert registration.preferred_language == "fr"


def test_register_in_arabic_then_book_sessions_with_a_clash_warning(page, live_server, summit):
    category = summit.registration_categories.get()
    page.goto(f"{live_server.url}/ar/summits/{summit.slug}/register/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    fill(page, category, "layla.ar@example.org", "ar")
    page.click("button[type=submit]")
    page.wait_for_url("**/ar/summits/*/register/sent/")
    page.goto(live_server.url + manage_path(mail.outbox[-1].body, "ar"))
    registration = Registration.objects.get(email="layla.ar@example.org")
    assert registration.status == "approved"
    assert [m.to for m in mail.outbox] == [["layla.ar@example.org"]]
    assert "/ar/registration/" in mail.outbox[0].body

    for title in ("Oceans", "Forests"):
        page.locator("tr", has_text=title).locator("button[value=book]").click()
        page.wait_for_load_state()
    page.locator("tr", has_text="Finance").locator("button[value=book]").click()
    page.wait_for_load_state()
    assert page.locator(".messages li.warning").count() == 1
    assert page.locator("tr", has_text="Finance").locator(".clash").is_visible()
    assert registration.bookings.count() == 3
