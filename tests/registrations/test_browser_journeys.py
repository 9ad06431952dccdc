"""Participant journeys of #10 in a real browser, in French and in Arabic: cancel → confirm → undo, and an
approved participant who asks for a letter afterwards and downloads it."""

import datetime as dt

import pytest
from django.utils import timezone

from registrations.models import Registration

from .factories import CategoryFactory, RegistrationFactory, open_summit
from .test_browser import ARGS, _sync_db_beside_playwright  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(_sync_db_beside_playwright):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(accept_downloads=True)
        yield page
        browser.close()


@pytest.fixture
def registration():
    summit = open_summit(slug="one-planet-biodiversity", title="One Planet Summit", languages=["en", "fr", "ar"],
                         contact_email="secretariat@example.org")
    category = CategoryFactory(summit=summit, name="Civil society", slug="civil-society", quota=1)
    category.name_fr, category.name_ar = "Société civile", "المجتمع المدني"
    category.save()
    return RegistrationFactory(summit=summit, category=category, status="approved", given_name="Layla",
                               family_name="Haddad", nationality="LB")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_cancel_confirm_then_undo(page, live_server, registration, language):
    manage = f"{live_server.url}/{language}/registration/{registration.manage_token()}/"
    page.goto(manage)
    assert page.locator("html").get_attribute("lang") == language
    page.click("#cancel-registration")
    page.wait_for_url("**/cancel/")
    registration.refresh_from_db()
    assert registration.status == "approved"  # the link alone changes nothing
    page.click("#confirm-cancel")
    page.wait_for_url(manage)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert page.locator("#status").get_attribute("class") == "status cancelled"
    page.click("#restore-registration")
    page.wait_for_load_state()
    registration.refresh_from_db()
    assert registration.status == "approved"
    assert page.locator("#status").get_attribute("class") == "status approved"
    assert page.locator("#cancel-registration").is_visible()
    assert page.locator("#contact-email").inner_text() == "secretariat@example.org"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_approved_participant_requests_a_letter_and_downloads_it(page, live_server, registration, language):
    manage = f"{live_server.url}/{language}/registration/{registration.manage_token()}/"
    page.goto(manage)
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#id_given_name").is_disabled()  # the badge is issued
    assert page.locator("a[href$='letter.pdf']").count() == 0
    page.check("#id_needs_letter")
    page.click("button[value=save]")
    page.wait_for_load_state()
    assert page.locator("#field-passport_number .errorlist").is_visible()  # asked for, not refused
    expiry = (timezone.localdate() + dt.timedelta(days=900)).isoformat()
    page.fill("#id_passport_number", "RL123456")
    page.fill("#id_passport_expiry", expiry)
    page.fill("#id_date_of_birth", "1985-03-02")
    page.click("button[value=save]")
    page.wait_for_load_state()
    registration.refresh_from_db()
    assert (registration.needs_letter, registration.passport_number) == (True, "RL123456")
    assert page.locator("#id_passport_number").is_disabled()  # locked once given
    with page.expect_download() as download_info:
        page.click("a[href$='letter.pdf']")
    download = download_info.value
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert Registration.objects.get(pk=registration.pk).letter_issued_at is not None


@pytest.mark.parametrize("language", ["ar"])  # 26 page loads (~8 s): one language here, the rule is tested in test_journeys
def test_25_refused_forms_from_one_address_then_a_valid_one_succeeds(page, live_server, registration, language, settings):
    from django.core import mail

    settings.PLENARY_REGISTRATION_RATE = "20/3600"  # the old default, which counted every POST
    summit = registration.summit
    category = CategoryFactory(summit=summit, name="Press", slug="press", quota=None)
    page.goto(f"{live_server.url}/{language}/summits/{summit.slug}/register/")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_given_name", "Karim")
    page.fill("#id_family_name", "Nassar")
    page.fill("#id_email", "karim.nassar@example.org")
    page.fill("#id_organisation_name", "Cedar Keepers")
    page.select_option("#id_nationality", "LB")
    for _attempt in range(25):  # the privacy box left unticked: refused, and everything typed comes back
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("#field-consent_privacy .errorlist").is_visible()
        assert page.input_value("#id_given_name") == "Karim"
    page.check("#id_consent_privacy")
    page.click("button[type=submit]")
    page.wait_for_url(f"**/{language}/summits/{summit.slug}/register/sent/")
    assert Registration.objects.filter(email="karim.nassar@example.org").exists()
    assert [m.to for m in mail.outbox][-1] == ["karim.nassar@example.org"]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_self_service_times_equal_the_programmes(page, live_server, registration, language):
    import re

    from wagtail.models import Page, Site

    from tests.cms import factories as cms_factories
    from tests.summits.factories import SessionFactory, local

    summit = registration.summit  # Europe/Paris
    SessionFactory(summit=summit, capacity=10, title="Oceans", title_fr="Océans", title_ar="المحيطات",
                   start=local(summit, 0, 10), end=local(summit, 0, 11, 30))
    if not Page.get_first_root_node():  # a transactional test may start after another emptied the tables
        Page.add_root(instance=Page(title="Root", slug="root", locale=cms_factories.locales()["en"]))
        Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost",
                                                                   "root_page": Page.get_first_root_node()})
    home = cms_factories.home_page(title="Home")
    summit_page = cms_factories.summit_page(home, summit, title="Summit")
    cms_factories.translate(home, language, title="Accueil")
    translated = cms_factories.translate(summit_page, language, title="Sommet")
    page.goto(f"{live_server.url}{translated.url}programme/")
    programme = page.locator(".session__time", has_text="10").first.inner_text()
    page.goto(f"{live_server.url}/{language}/registration/{registration.manage_token()}/")
    mine = page.locator("td.when").first.inner_text()
    assert re.findall(r"\d\d:\d\d", programme) == re.findall(r"\d\d:\d\d", mine) == ["10:00", "11:30"]
