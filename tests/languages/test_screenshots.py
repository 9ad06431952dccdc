"""Issue #11 done-when: the Arabic summit page and programme and a Chinese badge in a real browser
(Debian's chromium through Playwright), kept in docs/screenshots/ (looked at when they change)."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]




def test_arabic_summit_page_and_programme(live_server, browser):
    call_command("load_demo", stdout=StringIO())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
    for path, name in (("/ar/one-planet-biodiversity/", "summit-ar.png"),
                       ("/ar/one-planet-biodiversity/programme/", "programme-ar.png")):
        response = page.goto(live_server.url + path)
        assert response.status == 200
        assert page.get_attribute("html", "dir") == "rtl"
        # Latin names sit in their own isolates, laid out left to right inside the Arabic line.
        if "programme" in path:
            speakers = page.locator(".session__speakers bdi").first
            assert speakers.evaluate("e => getComputedStyle(e).direction") == "ltr"
            assert page.locator(".session__speakers").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    page.close()


def test_chinese_badge(browser, db):
    from registrations.documents import ID1, _badge_css, badge_data_for, badge_html
    from tests.registrations.factories import RegistrationFactory
    from tests.summits.factories import SummitFactory

    summit = SummitFactory(title="One Planet Summit", title_zh_hans="“一个星球”生物多样性峰会", city_zh_hans="巴黎")
    registration = RegistrationFactory(summit=summit, given_name="小明", family_name="王",
                                       preferred_language="zh-hans", organisation_name="联合国环境规划署")
    badge = badge_data_for(registration)
    page = browser.new_page(viewport={"width": 500, "height": 400}, device_scale_factor=2)
    page.set_content(f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{_badge_css(ID1)}</style></head>"
                     f"<body style='margin:16px'>{badge_html(badge)}</body></html>")
    assert page.locator(".names div").all_inner_texts() == ["王小明"]
    assert page.locator(".dates").inner_text().startswith("2030年1月11日")  # CLDR's Chinese date, not "Jan. 11"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".badge").screenshot(path=str(SCREENSHOTS / "badge-zh.png"))
    page.close()
