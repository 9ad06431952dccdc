import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tests.summits.factories import SessionFactory, ThemeFactory

from . import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def news(trees):
    index = factories.news_index(trees["en"]["home"])
    factories.translate(index, "fr", title="Actualités", slug="actualites")
    english = factories.news_page(index, title="Summit opens", slug="summit-opens", date=dt.date(2030, 1, 11),
                                  intro="The summit opens today.")
    factories.translate(english, "fr", title="Ouverture du sommet", intro="Le sommet s’ouvre aujourd’hui.")
    factories.news_page(index, title="English only", date=dt.date(2030, 1, 12))
    return english


def test_rss_feed_lists_news_of_the_visitors_language(client, news):
    root = ET.fromstring(client.get("/fr/news/feed/rss/").content)
    assert [item.findtext("title") for item in root.iter("item")] == ["Ouverture du sommet"]
    assert root.find("channel").findtext("language") == "fr"


def test_rss_item_links_to_the_translated_page(client, news):
    root = ET.fromstring(client.get("/fr/news/feed/rss/").content)
    assert root.find("channel/item").findtext("link") == "http://testserver/fr/actualites/summit-opens/"


def test_atom_feed_lists_english_news_newest_first(client, news):
    response = client.get("/en/news/feed/atom/")
    root = ET.fromstring(response.content)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")] == ["English only", "Summit opens"]


def sitemap(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext(f"{SM}loc"): {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for url in root.iter(f"{SM}url")
    }


def test_sitemap_lists_pages_of_every_language_with_alternates(client, news):
    entries = sitemap(client)
    assert entries["http://testserver/fr/actualites/summit-opens/"] == {
        "en": "http://testserver/en/news/summit-opens/",
        "fr": "http://testserver/fr/actualites/summit-opens/",
    }


def test_sitemap_lists_summit_sections_themes_and_sessions(client, trees, summit):
    ThemeFactory(summit=summit, slug="oceans")
    SessionFactory(summit=summit, slug="opening")
    SessionFactory(summit=summit, slug="draft", is_published=False)
    entries = sitemap(client)
    assert entries["http://testserver/ar/ops/programme/"]["fr"] == "http://testserver/fr/ops/programme/"
    assert "http://testserver/en/ops/themes/oceans/" in entries
    assert "http://testserver/fr/ops/sessions/opening/" in entries
    assert "http://testserver/en/ops/sessions/draft/" not in entries


def test_sitemap_leaves_out_unpublished_pages(client, home):
    draft = factories.standard_page(home, title="Draft", slug="draft")
    draft.unpublish()
    assert "http://testserver/en/draft/" not in sitemap(client)


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.content.decode().splitlines() == [
        "User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", "Disallow: /documents/",
        "Sitemap: http://testserver/sitemap.xml",
    ]
