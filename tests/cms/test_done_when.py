"""Issue #3 "done when": an organiser writes a news page in English, has it translated into French and
Arabic in the admin (wagtail-localize) and publishes it; visitors reach it in each language through
the switcher, the menu, the feed, the sitemap and search."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from cms.models import NewsPage

from . import factories

pytestmark = pytest.mark.django_db

TRANSLATIONS = {
    "fr": {"Mangrove alliance launched": "Lancement de l’alliance des mangroves",
           "Forty countries join forces to restore mangroves.": "Quarante pays s’unissent pour restaurer les mangroves."},
    "ar": {"Mangrove alliance launched": "إطلاق تحالف أشجار المانغروف",
           "Forty countries join forces to restore mangroves.": "أربعون دولة تتحد لاستعادة أشجار المانغروف."},
}


def translate_in_admin(client, page, codes, on_commit):
    """What an organiser does: "Translate" in the page's menu, then fill in and publish each translation."""
    from wagtail_localize.models import Translation

    locales = [Locale.objects.get(language_code=code) for code in codes]
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                           {"locales": [locale.pk for locale in locales]})
    assert response.status_code == 302
    for locale in locales:
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            entry.msgstr = TRANSLATIONS[locale.language_code].get(entry.msgid, entry.msgid)
        translation.import_po(po)
        with on_commit(execute=True):  # wagtail-localize publishes once the transaction commits
            translation.save_target(publish=True)


@pytest.fixture
def published_news(client, admin_user, trees, django_capture_on_commit_callbacks):
    index = factories.news_index(trees["en"]["home"])
    for code, title in (("fr", "Actualités"), ("ar", "الأخبار")):
        factories.translate(index, code, title=title, slug=f"news-{code}")
    for code in ("en", "fr", "ar"):
        factories.menu(code, links=[("News", index.get_translation(Locale.objects.get(language_code=code)))])
    news = factories.news_page(index, title="Mangrove alliance launched", slug="mangroves", date=dt.date(2030, 1, 11),
                               intro="Forty countries join forces to restore mangroves.")
    client.force_login(admin_user)
    translate_in_admin(client, news, ["fr", "ar"], django_capture_on_commit_callbacks)
    client.logout()
    return news


@pytest.mark.parametrize("code, title, url", [
    ("fr", "Lancement de l’alliance des mangroves", "/fr/news-fr/mangroves/"),
    ("ar", "إطلاق تحالف أشجار المانغروف", "/ar/news-ar/mangroves/"),
])
def test_translated_news_reaches_visitors_everywhere(client, published_news, code, title, url):
    translated = NewsPage.objects.get(locale__language_code=code, translation_key=published_news.translation_key)
    assert (translated.live, translated.title) == (True, title)

    english = BeautifulSoup(client.get("/en/news/mangroves/").content, "html.parser")
    assert english.select_one(f'.language-switcher a[hreflang="{code}"]')["href"] == url

    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.select_one("main h1").get_text() == title
    assert page.html["dir"] == ("rtl" if code == "ar" else "ltr")

    menu_link = page.select(".site-nav a")[0]["href"]
    listing = BeautifulSoup(client.get(menu_link).content, "html.parser")
    assert [a["href"] for a in listing.select(".cards h3 a")] == [url]

    feed = ET.fromstring(client.get(f"/{code}/news/feed/rss/").content)
    assert [item.findtext("title") for item in feed.iter("item")] == [title]

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{url}</loc>" in sitemap

    results = BeautifulSoup(client.get(f"/{code}/search/", {"q": title.split()[-1]}).content, "html.parser")
    assert url in [a["href"] for a in results.select(".cards h3 a")]
