import pytest
from io import StringIO

from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage, Menu, NewsPage, SummitPage
from tests.summits.factories import SummitFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(
        (p.locale.language_code, p.url_path, p.title, p.live) for p in Page.objects.select_related("locale")
    ), sorted((m.handle, m.locale.language_code, tuple(m.items.values_list("label", "link_page_id"))) for m in Menu.objects.all())


def test_demo_builds_six_languages_and_is_idempotent(client):
    SummitFactory(slug="one-planet-biodiversity", title="One Planet Summit for Biodiversity")
    from cms import demo

    demo.load(StringIO())
    first = snapshot()
    demo.load(StringIO())
    assert snapshot() == first
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == [
        "ar", "en", "es", "fr", "ru", "zh-hans"]
    assert SummitPage.objects.filter(live=True).count() == 6
    assert Site.objects.get(is_default_site=True).root_page.specific.__class__ is HomePage
    assert NewsPage.objects.filter(locale__language_code="fr").count() == 3


def test_demo_without_summits_still_builds_the_site(client):
    from cms import demo

    demo.load(StringIO())
    assert client.get("/ar/").status_code == 200
    assert SummitPage.objects.count() == 0
