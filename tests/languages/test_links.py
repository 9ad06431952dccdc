"""Issue #11: links stay in the visitor's locale; an untranslated page is served there, marked."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from tests.cms import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    home = factories.home_page(title="Home")
    es_home = factories.translate(home, "es", title="Inicio")
    practical = factories.standard_page(home, title="Practical information", slug="practical-information",
                                        intro="How to get there.")
    factories.standard_page(practical, title="Visas", slug="visas", intro="Letters of invitation.")
    index = factories.news_index(home)
    factories.translate(index, "es", title="Noticias", slug="noticias")
    translated = factories.news_page(index, title="Summit opens", slug="summit-opens", date=dt.date(2030, 1, 5))
    factories.translate(translated, "es", title="Se abre la cumbre", intro="Un resumen.")
    factories.news_page(index, title="Mangroves", slug="mangroves", date=dt.date(2030, 1, 6), intro="Only English.")
    for code, label in (("en", "Practical information"), ("es", "Información práctica")):
        factories.menu(code, links=[(label, practical)])
        factories.menu(code, handle="footer", links=[(label, practical)])
    return {"home": home, "es_home": es_home}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_menu_and_footer_point_into_the_visitors_locale(client, site):
    page = soup(client.get("/es/"))
    assert [a["href"] for a in page.select(".site-nav a")][0] == "/es/practical-information/"
    assert [a["href"] for a in page.select(".footer-links a")] == ["/es/practical-information/"]


def test_an_untranslated_page_is_served_in_the_locale_with_its_notice_and_language(client, site):
    page = soup(client.get("/es/practical-information/"))
    assert page.html["lang"] == "es"
    assert page.select_one(".notice[role=note]").get_text(strip=True) == (
        "Esta página aún no se ha traducido a su idioma; se muestra en inglés.")
    assert page.h1.get_text() == "Practical information" and page.h1["lang"] == "en"
    assert page.select_one(".lead")["lang"] == "en"
    # Its own menu keeps pointing to Spanish addresses.
    assert page.select_one(".site-nav a")["href"] == "/es/practical-information/"


def test_a_child_of_an_untranslated_page_is_reached_in_the_locale(client, site):
    page = soup(client.get("/es/practical-information/visas/"))
    assert page.h1.get_text() == "Visas" and page.h1["lang"] == "en"


def test_a_translated_page_is_not_marked(client, site):
    page = soup(client.get("/es/noticias/summit-opens/"))
    assert page.h1.get_text() == "Se abre la cumbre" and not page.h1.get("lang")
    assert page.select_one(".notice[role=note]") is None


def test_untranslated_news_is_listed_with_a_marker_and_links_stay_in_the_locale(client, site):
    page = soup(client.get("/es/noticias/"))
    cards = page.select("li.card")
    assert [c.h3.get_text(strip=True) for c in cards] == ["Mangroves", "Se abre la cumbre"]
    assert cards[0].h3["lang"] == "en" and "Aún sin traducir" in cards[0].get_text()
    assert [c.a["href"] for c in cards] == ["/es/noticias/mangroves/", "/es/noticias/summit-opens/"]
    fallback = soup(client.get("/es/noticias/mangroves/"))
    assert fallback.select_one(".eyebrow a")["href"] == "/es/noticias/"
    assert fallback.select_one(".notice[role=note]") is not None


def test_an_unknown_address_is_still_not_found(client, site):
    assert client.get("/es/no-such-page/").status_code == 404
    assert client.get("/es/practical-information/no-such-child/").status_code == 404
