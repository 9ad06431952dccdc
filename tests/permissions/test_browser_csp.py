"""Issue #9, "done when": with the Content-Security-Policy on, the admin still works in a real browser
(Chromium), and neither the admin nor the public site triggers a single policy violation."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.cms.factories import home_page, summit_page
from tests.summits.factories import SummitFactory

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "a-long-test-password-42"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="needs chromium"),
]

WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));"""




@pytest.fixture
def site(transactional_db):
    from wagtail.models import Locale, Page, Site

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True, site_name="Plenary")
    summit = SummitFactory(slug="alpha", title="Alpha Summit")
    page = summit_page(home_page(title="Plenary"), summit)
    get_user_model().objects.create_superuser("secretariat", "sec@example.org", PASSWORD)
    return page


def test_the_admin_works_under_the_policy_and_nothing_is_blocked(live_server, site, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.add_init_script(WATCH)
    page.goto(live_server.url + "/en/alpha/")
    assert page.evaluate("window.__violations") == []

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "secretariat")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    assert page.evaluate("window.__violations") == []

    # The page editor is drawn by Wagtail's JavaScript (StreamField, tabs, the side panels): it renders
    # its block menu and the minimap only if the scripts ran.
    page.goto(live_server.url + f"/admin/pages/{site.pk}/edit/")
    page.wait_for_selector("[data-streamfield-stream-container], .w-panel", timeout=10000)
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-streamfield-stream-container]").count() > 0
    assert page.evaluate("window.__violations") == []

    # Menus: an inline panel (Wagtail's inline script) adds a row when asked.
    page.goto(live_server.url + "/admin/snippets/cms/menu/add/")
    page.wait_for_load_state("networkidle")
    total = page.locator("input[name=items-TOTAL_FORMS]")
    before = int(total.input_value())
    page.get_by_role("button", name="Add link").first.click()
    page.wait_for_timeout(300)
    assert int(total.input_value()) == before + 1
    assert page.evaluate("window.__violations") == []
    page.close()
