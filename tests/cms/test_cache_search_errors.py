import pytest
from bs4 import BeautifulSoup

from tests.summits.factories import SessionFactory, local

from . import factories

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_second_anonymous_visit_is_served_from_the_cache(client, summit_page):
    assert client.get("/en/ops/programme/")["X-Plenary-Cache"] == "miss"
    assert client.get("/en/ops/programme/")["X-Plenary-Cache"] == "hit"


def test_cache_is_kept_apart_per_language(client, trees):
    client.get("/en/ops/")
    response = client.get("/fr/ops/")
    assert response["X-Plenary-Cache"] == "miss"
    assert soup(response).html["lang"] == "fr"


def test_publishing_a_page_refreshes_the_cached_copy(client, summit_page):
    client.get("/en/ops/")
    summit_page.title = "Renamed summit"
    factories.publish(summit_page)
    assert "Renamed summit" in soup(client.get("/en/ops/")).title.get_text()


def test_editing_a_session_refreshes_the_cached_programme(client, summit_page, summit):
    session = SessionFactory(summit=summit, title="Before")
    client.get("/en/ops/programme/")
    session.title = "After"
    session.save()
    assert soup(client.get("/en/ops/programme/")).select_one(".session__title").get_text(strip=True) == "After"


def test_signed_in_editors_are_never_served_from_the_cache(client, summit_page, admin_user):
    client.force_login(admin_user)
    client.get("/en/ops/")
    assert "X-Plenary-Cache" not in client.get("/en/ops/")


def test_search_finds_pages_of_the_visitors_language_only(client, trees):
    factories.standard_page(trees["en"]["home"], title="Mangroves guide", slug="mangroves")
    french = factories.standard_page(trees["fr"]["home"], title="Guide des mangroves", slug="mangroves")
    page = soup(client.get("/fr/search/?q=mangroves"))
    assert [a["href"] for a in page.select(".cards h3 a")] == [french.url]


def test_search_finds_sessions_by_translated_title_and_links_to_the_summit_page_in_that_language(
    client, trees, summit
):
    SessionFactory(summit=summit, slug="forests", title="Forests", title_fr="Forêts anciennes")
    page = soup(client.get("/fr/search/?q=anciennes"))
    assert [a["href"] for a in page.select(".cards h3 a")] == ["/fr/ops/sessions/forests/"]


def test_search_without_results_says_so(client, home):
    page = soup(client.get("/en/search/?q=zzzz"))
    assert page.select_one("main .notice").get_text().startswith("Nothing matches")


def test_not_found_page_is_in_the_visitors_language_and_design(client, home):
    response = client.get("/fr/n-existe-pas/")
    page = soup(response)
    assert response.status_code == 404
    assert page.html["lang"] == "fr"
    assert page.select_one("header.site-header") is not None
    assert page.select_one("main h1").get_text() == "Page introuvable"


def test_server_error_page_is_in_the_language_of_the_address(rf):
    from cms.views import server_error

    response = server_error(rf.get("/ar/ops/"))
    page = soup(response)
    assert response.status_code == 500
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
