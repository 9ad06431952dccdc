import re

import pytest
from bs4 import BeautifulSoup

from . import factories

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_english_home_is_left_to_right(client, home):
    html = soup(client.get("/en/")).html
    assert (html["lang"], html["dir"]) == ("en", "ltr")


def test_arabic_summit_page_is_right_to_left(client, trees):
    html = soup(client.get("/ar/ops/")).html
    assert (html["lang"], html["dir"]) == ("ar", "rtl")


def test_switcher_leads_to_the_same_section_in_each_language(client, trees):
    page = soup(client.get("/fr/ops/programme/"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links["en"] == "/en/ops/programme/"
    assert links["ar"] == "/ar/ops/programme/"
    assert links["fr"] == "/fr/ops/programme/"


def test_switcher_keeps_the_programme_filters(client, trees):
    page = soup(client.get("/en/ops/programme/?kind=plenary"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links["fr"] == "/fr/ops/programme/?kind=plenary"


def test_switcher_marks_languages_without_a_translation(client, trees):
    page = soup(client.get("/en/ops/"))
    fallback = {a["hreflang"] for a in page.select(".language-switcher a.is-fallback")}
    assert fallback == {"es", "zh-hans", "ru"}


def test_hreflang_alternates_list_translated_languages_only(client, trees):
    page = soup(client.get("/fr/ops/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "en": "http://testserver/en/ops/",
        "x-default": "http://testserver/en/ops/",
        "fr": "http://testserver/fr/ops/",
        "ar": "http://testserver/ar/ops/",
    }


def test_canonical_link_is_the_absolute_address(client, trees):
    page = soup(client.get("/ar/ops/themes/"))
    assert page.select_one('link[rel="canonical"]')["href"] == "http://testserver/ar/ops/themes/"


def test_open_graph_and_twitter_metadata(client, home):
    home.search_description = "Summits in six languages."
    factories.publish(home)
    page = soup(client.get("/en/"))
    assert page.select_one('meta[property="og:title"]')["content"] == "Summits for the planet"
    assert page.select_one('meta[property="og:description"]')["content"] == "Summits in six languages."
    assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_untranslated_page_falls_back_to_english_and_says_so(client, trees):
    factories.standard_page(trees["en"]["home"], title="Accessibility", slug="accessibility")
    response = client.get("/fr/accessibility/")
    page = soup(response)
    assert response.status_code == 200
    assert page.select_one("main h1").get_text() == "Accessibility"
    assert page.select_one("main .notice[role=note]") is not None
    assert page.html["lang"] == "fr"


def test_summit_identity_colour_and_readable_text(client, trees, summit):
    summit.colour = "#F5D90A"  # a light yellow: text must turn dark
    summit.save()
    body = soup(client.get("/en/ops/")).body
    assert "--accent: #F5D90A" in body["style"]
    assert "--accent-text: #111111" in body["style"]


def test_standard_page_renders_its_blocks(client, home):
    factories.standard_page(home, title="Practical", slug="practical", body=factories.body(
        ("heading", "Getting there"),
        ("quote", {"quote": "Nature first.", "attribution": "A delegate", "role": ""}),
        ("key_figures", {"title": "", "figures": [{"figure": "30%", "label": "of land protected"}]}),
        ("call_to_action", {"title": "Register", "text": "", "link_page": None, "link_url": "https://example.org/r",
                            "button": "Register now"}),
    ))
    page = soup(client.get("/en/practical/"))
    assert page.select_one(".prose h2").get_text() == "Getting there"
    assert page.select_one("blockquote.quote p").get_text() == "Nature first."
    assert page.select_one(".figures strong").get_text() == "30%"
    assert page.select_one(".cta a.button")["href"] == "https://example.org/r"


def test_skip_link_targets_main_landmark(client, home):
    page = soup(client.get("/en/"))
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.select_one("main#main") is not None


def test_registration_entry_point_hidden_when_registrations_app_has_no_route(client, trees):
    page = soup(client.get("/en/ops/"))
    hrefs = [a["href"] for a in page.select("a")]
    assert not any(re.search(r"/register/", href) for href in hrefs)


def test_main_menu_is_in_the_visitors_language(client, trees):
    factories.menu("en", links=[("Summit", trees["en"]["summit"])])
    factories.menu("fr", links=[("Sommet", trees["fr"]["summit"])])
    page = soup(client.get("/fr/"))
    links = [(a.get_text(), a["href"]) for a in page.select(".site-nav a")]
    assert links[0] == ("Sommet", "/fr/ops/")


def test_menu_falls_back_to_english_menu_with_localised_links(client, trees):
    factories.menu("en", links=[("Summit", trees["en"]["summit"])])
    page = soup(client.get("/ar/"))
    assert page.select(".site-nav a")[0]["href"] == "/ar/ops/"


def test_news_index_lists_its_news_newest_first(client, home):
    import datetime as dt

    index = factories.news_index(home)
    factories.news_page(index, title="Older", date=dt.date(2030, 1, 1))
    factories.news_page(index, title="Newer", date=dt.date(2030, 1, 9))
    page = soup(client.get("/en/news/"))
    assert [h.get_text() for h in page.select(".cards h3")] == ["Newer", "Older"]


def make_image(description=""):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title="Mangroves", file=get_test_image_file(), description=description)


def test_image_block_uses_the_image_description_as_alternative_text(client, home):
    image = make_image(description="Mangrove forest at dawn")
    factories.standard_page(home, slug="photo", body=factories.body(
        ("image", {"image": image.pk, "alt": "", "caption": "Mangroves", "credit": "UNEP"})))
    figure = soup(client.get("/en/photo/")).select_one("figure.block-image")
    assert figure.img["alt"] == "Mangrove forest at dawn"
    assert figure.figcaption.get_text(" ", strip=True) == "Mangroves © UNEP"


def test_image_block_alternative_text_can_be_written_per_use(client, home):
    image = make_image(description="Mangrove forest at dawn")
    factories.standard_page(home, slug="photo", body=factories.body(
        ("image", {"image": image.pk, "alt": "Seedlings planted by volunteers", "caption": "", "credit": ""})))
    assert soup(client.get("/en/photo/")).select_one("figure img")["alt"] == "Seedlings planted by volunteers"


def test_summit_hero_image_and_social_card(client, trees, summit):
    summit.hero_image = make_image()
    summit.save()
    page = trees["en"]["summit"]
    page.social_image = make_image()
    factories.publish(page)
    html = soup(client.get("/en/ops/"))
    assert "background-image: url('/media/images/" in html.select_one("section.hero")["style"]
    assert html.select_one('meta[property="og:image"]')["content"].startswith("http://testserver/media/images/")
