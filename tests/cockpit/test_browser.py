"""The organiser's cockpit in a real browser (Chromium at 1366×900), as a summit manager runs a summit.

Done when (#13): open the workspace, see the dashboard figures equal to the database counts, send a
message to waitlisted participants in French and Arabic (each receives their own language; the log shows
them sent), copy the summit to a 2027 edition and find its programme shifted and its pages present, spot
a clash on the timetable. Screenshots of the workspace, the dashboard and the timetable, in English and
Arabic, go to docs/screenshots/.
"""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from cms.models import SummitPage
from registrations.models import Registration
from summits.models import Session, Summit
from tests.cms.factories import home_page, standard_page, summit_page, translate
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, SummitFactory, ThemeFactory, UserFactory,
    local, member,
)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "a-long-demo-password-42"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="needs chromium"),
]




def _wagtail_root():
    """A transactional test empties every table, Wagtail's root page and default site included: make them again."""
    from wagtail.models import Locale, Page, Site

    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True, site_name="Plenary")


@pytest.fixture
def summit_2026(transactional_db):
    now = timezone.now()
    summit = SummitFactory(
        slug="one-planet-biodiversity", title="One Planet Summit for Biodiversity",
        title_fr="One Planet Summit pour la biodiversité", title_ar="قمة كوكب واحد من أجل التنوع البيولوجي",
        city="Paris", city_fr="Paris", city_ar="باريس", languages=["en", "fr", "ar"],
        start_date=dt.date(2026, 1, 11), end_date=dt.date(2026, 1, 12),
        registration_opens=now - dt.timedelta(days=10), registration_closes=now + dt.timedelta(days=30),
    )
    land = ThemeFactory(summit=summit, title="Protecting terrestrial and marine ecosystems",
                        title_ar="حماية النظم البيئية البرية والبحرية", colour="#2E7D32", sort_order=1)
    finance = ThemeFactory(summit=summit, title="Mobilising finance for biodiversity",
                           title_ar="حشد التمويل من أجل التنوع البيولوجي", colour="#1565C0", sort_order=2)
    hall = RoomFactory(summit=summit, name="Grand Auditorium", name_ar="القاعة الكبرى", capacity=400)
    seine = RoomFactory(summit=summit, name="Seine Room", name_ar="قاعة السين", capacity=120)
    chair = SpeakerFactory(given_name="Claire", family_name="Moreau")
    opening = SessionFactory(summit=summit, title="Opening of the summit", title_ar="افتتاح القمة", room=hall,
                             theme=land, kind="opening", start=local(summit, 0, 9), end=local(summit, 0, 10))
    SessionSpeakerFactory(session=opening, speaker=chair, role="chair")
    SessionFactory(summit=summit, title="Protected areas for 30% of the planet", theme=land, room=seine, kind="panel",
                   start=local(summit, 0, 10), end=local(summit, 0, 11), capacity=80)
    SessionFactory(summit=summit, title="Mobilising finance for nature", theme=finance, room=hall, kind="panel",
                   start=local(summit, 0, 11), end=local(summit, 0, 12, 30))
    # Imported last year without the rules: the finance roundtable sits in the hall at the same time.
    Session.objects.create(summit=summit, title="Roundtable: aligning climate and biodiversity finance",
                           slug="roundtable-finance", theme=finance, room=hall, kind="roundtable",
                           start=local(summit, 0, 12), end=local(summit, 0, 13))
    SessionFactory(summit=summit, title="Closing", theme=land, room=hall, kind="closing",
                   start=local(summit, 1, 17), end=local(summit, 1, 18))
    delegates = CategoryFactory(summit=summit, name="Government delegate", name_fr="Délégué gouvernemental",
                                name_ar="مندوب حكومي", quota=4, sort_order=1)
    civil = CategoryFactory(summit=summit, name="Civil society / NGO", name_fr="Société civile / ONG",
                            name_ar="المجتمع المدني / المنظمات غير الحكومية", quota=10, sort_order=2)
    people = [
        RegistrationFactory(summit=summit, category=delegates, status="approved", nationality="FR"),
        RegistrationFactory(summit=summit, category=delegates, status="approved", nationality="SN"),
        RegistrationFactory(summit=summit, category=civil, status="pending", nationality="BR"),
        RegistrationFactory(summit=summit, category=civil, status="approved", nationality="JP",
                            checked_in_at=timezone.now()),
        RegistrationFactory(summit=summit, category=delegates, status="waitlisted", preferred_language="fr",
                            given_name="Amélie", family_name="Martin", email="amelie@example.org", nationality="FR"),
        RegistrationFactory(summit=summit, category=delegates, status="waitlisted", preferred_language="ar",
                            given_name="ليلى", family_name="حداد", email="layla@example.org", nationality="JO"),
    ]
    _wagtail_root()
    home = home_page(title="Plenary")
    page = summit_page(home, summit)
    standard_page(page, title="Practical information", slug="practical-information")
    translate(home, "fr")
    translate(home, "ar")
    translate(page, "fr", title="One Planet Summit pour la biodiversité")
    translate(page, "ar", title="قمة كوكب واحد من أجل التنوع البيولوجي")
    return {"summit": summit, "people": people, "page": page}


@pytest.fixture
def manager(summit_2026):
    user = UserFactory(username="organiser", email="organiser@example.org", first_name="Nadia",
                       last_name="Benali", password=PASSWORD)
    member(summit_2026["summit"], user, role="manager")
    return user


def log_in(browser, live_server, user):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def screenshot(page, name):
    """The page as an organiser sees it at 1366 px wide, the whole height of the admin's content."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state()
    page.wait_for_selector("main")
    height = page.evaluate("() => Math.max(900, document.querySelector('main').scrollHeight + 40)")
    page.set_viewport_size({"width": 1366, "height": min(height, 5200)})
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    page.set_viewport_size({"width": 1366, "height": 900})


def kpi(page, name):
    return int(page.inner_text(f'[data-kpi="{name}"]').replace(",", "").strip())


def test_a_summit_manager_runs_the_summit_from_the_cockpit(live_server, browser, summit_2026, manager):
    summit = summit_2026["summit"]
    page = log_in(browser, live_server, manager)

    # The workspace opens on the manager's summit, its overview (the dashboard).
    page.click('a[href="/admin/workspace/"]')
    page.wait_for_load_state()
    assert page.url.endswith(f"/admin/workspace/{summit.pk}/")
    assert page.inner_text("h1") == "Overview"
    registrations = Registration.objects.filter(summit=summit)
    assert kpi(page, "total") == registrations.count() == 6
    assert kpi(page, "approved") == registrations.filter(status="approved").count()
    assert kpi(page, "pending") == registrations.filter(status="pending").count()
    assert kpi(page, "waitlisted") == registrations.filter(status="waitlisted").count() == 2
    assert kpi(page, "checked_in") == registrations.filter(checked_in_at__isnull=False).count()
    table = page.locator('table[data-figure="registrations-by-status"] tbody tr')
    assert [table.nth(i).inner_text().split("\t") for i in range(table.count())] == [
        ["Pending review", "1"], ["Approved", "3"], ["On the waiting list", "2"], ["Rejected", "0"],
        ["Cancelled", "0"]]
    assert page.locator("#chart-registrations-by-status").is_visible()
    screenshot(page, "cockpit-dashboard-en")

    # A message to the waitlisted, written in French and Arabic.
    page.click('a[data-section="messages"]')
    page.get_by_role("link", name="Write to participants").click()
    page.uncheck('input[name="status"][value="approved"]')
    page.check('input[name="status"][value="waitlisted"]')
    page.fill("#id_subject_fr", "Liste d’attente : {{ name }}")
    page.fill("#id_body_fr", "Bonjour {{ given_name }}, une place pourrait se libérer. Votre page : {{ manage_url }}")
    page.fill("#id_subject_ar", "قائمة الانتظار: {{ name }}")
    page.fill("#id_body_ar", "مرحبًا {{ given_name }}، قد يتوفر مكان قريبًا. صفحتك: {{ manage_url }}")
    page.get_by_role("button", name="Preview and check the recipients").click()
    page.wait_for_load_state()
    assert page.get_attribute("#recipient-count", "data-count") == "2"
    assert page.locator('#languages tr[data-language="fr"] td').first.inner_text() == "1"
    assert page.locator('#languages tr[data-language="ar"] td').first.inner_text() == "1"
    assert "مرحبًا ليلى" in page.inner_text('.plenary-preview[data-language="ar"]')
    page.click("#send-message")
    page.wait_for_load_state()
    page.wait_for_function("() => document.querySelector('[data-count=\"sent\"]').textContent.trim() === '2'")
    assert page.locator('#recipients tr[data-status="sent"]').count() == 2
    assert page.locator('#recipients tr[data-status="sent"][data-language="ar"]').count() == 1
    received = {m.to[0]: m for m in mail.outbox}
    assert received["amelie@example.org"].subject == "Liste d’attente : Amélie Martin"
    assert received["layla@example.org"].subject == "قائمة الانتظار: ليلى حداد"
    assert received["layla@example.org"].body.startswith("مرحبًا ليلى")
    assert set(received) == {"amelie@example.org", "layla@example.org"}

    # Copy the summit to its 2027 edition.
    page.click('a[data-section="settings"]')
    page.get_by_role("link", name="Copy this summit to a new edition").click()
    page.fill("#id_title_en", "One Planet Summit for Biodiversity 2027")
    page.fill("#id_title_fr", "One Planet Summit pour la biodiversité 2027")
    page.fill("#id_title_ar", "قمة كوكب واحد من أجل التنوع البيولوجي 2027")
    page.fill("#id_start_date", "2027-01-11")
    page.fill("#id_slug", "one-planet-biodiversity-2027")
    page.get_by_role("button", name="Copy the summit").click()
    page.wait_for_selector("[data-progress-result]:not([hidden])")
    page.click("[data-progress-result]")
    page.wait_for_load_state()
    copy = Summit.objects.get(slug="one-planet-biodiversity-2027")
    assert page.url.endswith(f"/admin/workspace/{copy.pk}/")
    page.click('a[data-section="programme"]')
    assert page.locator('[data-kpi="sessions"]').inner_text() == "5"
    assert [h.strip() for h in page.locator("main h3").all_inner_texts()] == ["Monday, 11 January 2027", "Tuesday, 12 January 2027"]
    opening = Session.objects.get(summit=copy, slug=Session.objects.get(summit=summit, kind="opening").slug)
    assert opening.local_start.replace(tzinfo=None) == dt.datetime(2027, 1, 11, 9, 0)
    page.click('a[data-section="pages"]')
    for code in ("en", "fr", "ar"):
        row = page.locator(f'#summit-pages tr[data-locale="{code}"]')
        assert "Draft" in row.inner_text()
        assert row.locator("a").first.is_visible()
    assert SummitPage.objects.filter(summit=copy).count() == 3

    # Back to this year's summit: the timetable shows the clash in the Grand Auditorium.
    page.select_option("#plenary-ws-summit", str(summit.pk))
    page.wait_for_load_state()
    page.click('a[data-section="timetable"]')
    page.wait_for_load_state()
    assert page.locator(".tt-block.tt-clash").count() == 2
    clashes = page.inner_text("#clashes").replace("\u2068", "").replace("\u2069", "")
    assert "Room clash: Grand Auditorium also hosts “Roundtable: aligning climate and biodiversity finance”" in clashes
    clash = page.locator(".tt-block.tt-clash").first.bounding_box()
    assert clash["x"] + clash["width"] <= 1366
    screenshot(page, "cockpit-timetable-en")
    page.click('a[data-section="programme"]')
    page.wait_for_url(f"**/admin/workspace/{summit.pk}/programme/")
    screenshot(page, "cockpit-workspace-en")
    page.close()


def test_the_cockpit_in_arabic_runs_right_to_left(live_server, browser, summit_2026, manager):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "ar"
    profile.save()
    summit = summit_2026["summit"]
    page = log_in(browser, live_server, manager)
    for section, name in (("", "dashboard"), ("programme/", "workspace")):
        page.goto(f"{live_server.url}/admin/workspace/{summit.pk}/{section}")
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.get_attribute("html", "lang") == "ar"
        nav = page.locator(".plenary-ws-nav").bounding_box()
        first = page.locator(".plenary-ws-nav li").first.bounding_box()
        assert first["x"] + first["width"] > nav["x"] + nav["width"] / 2  # the first section sits on the right
        screenshot(page, f"cockpit-{name}-ar")
    assert "الجدول الزمني" in page.inner_text(".plenary-ws-nav")
    page.goto(f"{live_server.url}/admin/summits/timetable/{summit.pk}/")
    assert "تعارض في القاعة" in page.inner_text("#clashes")
    head = page.locator(".tt-head").first.bounding_box()
    assert head["x"] > 800  # the time column is on the right in Arabic
    screenshot(page, "cockpit-timetable-ar")
    page.goto(f"{live_server.url}/admin/workspace/{summit.pk}/")
    svg = page.locator("#chart-registrations-by-status rect").first
    box, chart = svg.bounding_box(), page.locator("#chart-registrations-by-status").bounding_box()
    assert box["x"] + box["width"] > chart["x"] + chart["width"] - 30  # bars grow from the right
    page.close()


def test_the_session_form_keeps_room_and_clash_error_on_screen(live_server, browser, summit_2026, manager):
    summit = summit_2026["summit"]
    ThemeFactory(summit=summit, title="Indigenous peoples and local communities as guardians of the world's "
                                      "remaining intact forests, wetlands and coastal ecosystems")
    page = log_in(browser, live_server, manager)
    page.goto(f"{live_server.url}/admin/summits/sessions/new/?summit={summit.pk}")
    room = page.locator("#id_room").bounding_box()
    theme = page.locator("#id_theme").bounding_box()
    assert room["x"] + room["width"] <= 1366 and theme["x"] + theme["width"] <= room["x"]
    page.get_by_role("tab", name="English (en)").click()
    page.fill("#id_title_en", "A clashing session")
    page.get_by_role("tab", name="General").click()
    page.select_option("#id_room", label="Grand Auditorium")
    page.fill("#id_start", "2026-01-11 09:30")
    page.fill("#id_end", "2026-01-11 10:30")
    page.click("button[type=submit]:has-text('Create')")
    page.wait_for_load_state()
    error = page.locator("text=This room already hosts").first
    assert error.is_visible()
    box = error.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1366
    page.close()
