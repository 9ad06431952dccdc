"""Issue #11 done-when: from each locale's home, every reachable page stays in the locale and, outside
proper names, shows no English content string of the demo on the other languages' pages."""

import pytest

pytestmark = pytest.mark.django_db

from .crawl import LOCALES, in_locale, switcher_link


@pytest.mark.parametrize("code", LOCALES)
def test_no_link_leaves_the_locale_except_the_language_switcher(demo_crawl, code):
    seen, links, _found, _count = demo_crawl[code]
    assert len([p for p, (status, soup) in seen.items() if soup is not None]) > 40
    # Files (an evidence document, an image) have no language: they are not pages of another locale.
    leaving = sorted({(page, href) for page, href, a in links if not in_locale(href.split("?")[0], code)
                      and not switcher_link(a) and not href.startswith(("/media/", "/documents/", "/static/"))})
    assert leaving == []


@pytest.mark.parametrize("code", LOCALES)
def test_every_reachable_page_answers(demo_crawl, code):
    seen, _links, _found, _count = demo_crawl[code]
    assert {path: status for path, (status, _soup) in seen.items() if status not in (200, 301, 302)} == {}


@pytest.mark.parametrize("code", ["es", "ar", "zh-hans", "ru"])
def test_the_switcher_is_the_only_way_out_and_it_offers_every_language(demo_crawl, code):
    seen, links, _found, _count = demo_crawl[code]
    out = {href.split("/")[1] for page, href, a in links if page == f"/{code}/" and switcher_link(a)}
    assert out == set(LOCALES)


@pytest.mark.parametrize("code", ["fr", "es", "ar", "zh-hans", "ru"])
def test_no_english_content_string_on_the_other_languages_pages(demo_crawl, code):
    _seen, _links, found, count = demo_crawl[code]
    assert count > 150  # the demo's English texts that this language translates
    assert found == {}


def test_the_english_check_finds_an_untranslated_title(demo_crawl):
    assert "Closing plenary and the road to Kunming" in demo_crawl["control"]


@pytest.mark.parametrize("code", LOCALES)
def test_home_pages_have_the_same_sections_in_every_language(demo_crawl, code):
    seen, _links, _found, _count = demo_crawl[code]
    soup = seen[f"/{code}/"][1]
    sections = [block.name for block in soup.select("main h2, main .block-figures li")]
    english = [block.name for block in demo_crawl["en"][0]["/en/"][1].select("main h2, main .block-figures li")]
    assert sections == english
    assert len(soup.select("main section[aria-labelledby=news-heading] li.card")) == 3
