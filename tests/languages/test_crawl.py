"""Issue #11 done-when: from each locale's home, every reachable page stays in the locale."""

import pytest

pytestmark = pytest.mark.django_db

from .crawl import LOCALES, in_locale, switcher_link


@pytest.mark.parametrize("code", LOCALES)
def test_no_link_leaves_the_locale_except_the_language_switcher(demo_crawl, code):
    seen, links = demo_crawl[code]
    assert len([p for p, (status, soup) in seen.items() if soup is not None]) > 40
    leaving = sorted({(page, href) for page, href, a in links if not in_locale(href.split("?")[0], code)
                      and not switcher_link(a)})
    assert leaving == []


@pytest.mark.parametrize("code", LOCALES)
def test_every_reachable_page_answers(demo_crawl, code):
    seen, _links = demo_crawl[code]
    assert {path: status for path, (status, _soup) in seen.items() if status not in (200, 301, 302)} == {}


@pytest.mark.parametrize("code", ["es", "ar", "zh-hans", "ru"])
def test_the_switcher_is_the_only_way_out_and_it_offers_every_language(demo_crawl, code):
    seen, links = demo_crawl[code]
    out = {href.split("/")[1] for page, href, a in links if page == f"/{code}/" and switcher_link(a)}
    assert out == set(LOCALES)
