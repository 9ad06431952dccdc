"""Search and programme filters answer every query, however odd, with a page (never a 500).

The SQLite full-text backend wraps each word in double quotes without escaping the quotes it
contains; PostgreSQL refuses NUL characters. Both used to answer 500.
"""

import pytest
from bs4 import BeautifulSoup

from core.text import clean_query, clean_text
from tests.summits.factories import SessionFactory, ThemeFactory

from . import factories

pytestmark = pytest.mark.django_db

HOSTILE = ['"', '"mangroves', 'mangroves"', '""""', "\x00", "mang\x00roves", "l'avenir", "«mangroves»",
           "“mangroves", "\\", "*", "mangroves OR", "NEAR(", "-", "^", "'); DROP TABLE x; --"]
LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru"]


@pytest.fixture
def six_homes(home):
    homes = {"en": home}
    for code in LANGUAGES[1:]:
        homes[code] = factories.translate(home, code, title=f"Home {code}")
    return homes


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_answers_any_query_in_every_language(client, six_homes, language):
    answers = {}
    for query in HOSTILE:
        response = client.get(f"/{language}/search/", {"q": query})
        answers[query] = (response.status_code, BeautifulSoup(response.content, "html.parser").html["lang"])
    assert answers == {query: (200, language) for query in HOSTILE}


def test_a_quoted_word_still_finds_the_page(client, trees):
    page = factories.standard_page(trees["en"]["home"], title="Mangroves guide", slug="mangroves")
    soup = BeautifulSoup(client.get("/en/search/", {"q": '"mangroves'}).content, "html.parser")
    assert [a["href"] for a in soup.select(".cards h3 a")] == [page.url]


def test_a_nul_inside_a_word_is_dropped_and_the_session_found(client, trees, summit):
    SessionFactory(summit=summit, slug="forests", title="Ancient forests")
    soup = BeautifulSoup(client.get("/en/search/", {"q": "anc\x00ient"}).content, "html.parser")
    assert [a["href"] for a in soup.select(".cards h3 a")] == ["/en/ops/sessions/forests/"]


@pytest.mark.parametrize("name", ["theme", "room", "kind", "language"])
def test_programme_filters_answer_any_value(client, summit_page, summit, name):
    values = ["\x00", "x\x00y", '"', "'", "9" * 30, "-1", "é" * 300, "1e5", "١٢"]
    answers = {value: client.get("/en/ops/programme/", {name: value}).status_code for value in values}
    assert answers == dict.fromkeys(values, 200)


def test_programme_filter_with_a_nul_behaves_as_the_clean_value(client, summit_page, summit):
    water = ThemeFactory(summit=summit, slug="water", title="Water")
    SessionFactory(summit=summit, theme=water, slug="rivers", title="Rivers")
    SessionFactory(summit=summit, slug="soils", title="Soils")
    soup = BeautifulSoup(client.get("/en/ops/programme/", {"theme": "wa\x00ter"}).content, "html.parser")
    assert [t.get_text(strip=True) for t in soup.select(".session__title")] == ["Rivers"]


def test_clean_query_drops_controls_and_quotes_and_keeps_other_scripts():
    assert clean_query(' "وثيقة"\x00 生物\t多样性  «forêt» ') == "وثيقة 生物 多样性 forêt"
    assert clean_text("a\x00b\x1fc\u0085d") == "abc d"
    assert clean_query("x" * 500) == "x" * 200
