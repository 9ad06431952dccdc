"""The public site in a real browser (Debian's chromium through Playwright), with axe-core checks.

Screenshots go to tests/artifacts/cms/. axe-core comes from npm (``npm install`` at the repository
root puts it in node_modules/); without it the accessibility part is skipped, not the rest.
"""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, SummitFactory, ThemeFactory, local,
)

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts" / "cms"
CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="needs chromium"),
]

PAGES = [
    ("en", "/en/"), ("fr", "/fr/"), ("ar", "/ar/"),
    ("en", "/en/one-planet-biodiversity/"), ("fr", "/fr/one-planet-biodiversity/"),
    ("ar", "/ar/one-planet-biodiversity/"),
    ("en", "/en/one-planet-biodiversity/programme/"), ("fr", "/fr/one-planet-biodiversity/programme/"),
    ("ar", "/ar/one-planet-biodiversity/programme/"),
]
# Text that must never reach a visitor: template or gettext placeholders left unrendered.
PLACEHOLDERS = ["%(", ")s", "{{", "}}", "{%", "msgid", "TODO", "FIXME", "None"]


@pytest.fixture
def demo_site(transactional_db):
    summit = SummitFactory(slug="one-planet-biodiversity", title="One Planet Summit for Biodiversity",
                           title_fr="One Planet Summit pour la biodiversité",
                           title_ar="قمة كوكب واحد من أجل التنوع البيولوجي", city="Paris", city_ar="باريس",
                           languages=["en", "fr", "ar"])
    theme = ThemeFactory(summit=summit, title="Protecting ecosystems", title_fr="Protéger les écosystèmes",
                         title_ar="حماية النظم البيئية", colour="#0B5394")
    room = RoomFactory(summit=summit, name="Plenary hall", name_fr="Salle plénière", name_ar="القاعة العامة")
    for hour in (9, 11, 14):
        session = SessionFactory(summit=summit, theme=theme, room=room, title=f"Dialogue {hour}",
                                 title_fr=f"Dialogue {hour}", title_ar=f"حوار {hour}",
                                 start=local(summit, 0, hour), end=local(summit, 0, hour + 1))
        SessionSpeakerFactory(session=session, speaker=SpeakerFactory())
    from cms import demo

    demo.load(StringIO())
    return summit




def test_pages_in_english_french_and_arabic(live_server, demo_site, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    for lang, path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == lang, path
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr"), path
        current = page.locator(".language-switcher a[aria-current]")
        assert current.get_attribute("hreflang") == lang, path
        assert page.locator(".language-switcher a").count() == 6, path
        text = page.inner_text("body")
        problems += [(path, marker) for marker in PLACEHOLDERS if marker in text]
        name = path.strip("/").replace("/", "_") or "root"
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert problems == []
    page.close()


def test_switcher_goes_to_the_same_page_in_arabic(live_server, demo_site, browser):
    page = browser.new_page()
    page.goto(live_server.url + "/fr/one-planet-biodiversity/programme/")
    page.click('.language-switcher a[hreflang="ar"]')
    page.wait_for_load_state()
    assert page.url == live_server.url + "/ar/one-planet-biodiversity/programme/"
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("main h1") == "البرنامج"
    page.close()


def test_arabic_layout_runs_right_to_left(live_server, demo_site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/ar/one-planet-biodiversity/programme/")
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"]  # the site name sits on the right, the switcher on the left
    page.close()


def test_no_serious_accessibility_violations(live_server, demo_site, browser):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed: run `npm install` at the repository root")
    # axe-core is injected as a script the site's Content-Security-Policy rightly refuses; the policy
    # itself is tested in tests/permissions/test_browser_csp.py.
    page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    found = {}
    for _lang, path in PAGES:
        page.goto(live_server.url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} × e.g. {v['nodes'][0]['target']})"
            for v in result["violations"] if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[path] = serious
    assert found == {}
    page.close()
