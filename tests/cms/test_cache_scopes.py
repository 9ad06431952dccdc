"""Page cache invalidation per summit and per page, stampede guard, HTTP validators and 304s."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from cms import cache as page_cache
from summits.models import SessionSpeaker
from tests.summits.factories import RoomFactory, SessionFactory, SpeakerFactory, SummitFactory

from . import factories

pytestmark = pytest.mark.django_db

STATE = page_cache.HEADER


@pytest.fixture
def other(home):
    summit = SummitFactory(title="Blue Ocean Summit", slug="blue")
    factories.summit_page(home, summit, title="Blue Ocean Summit")
    return summit


def warm(client, *urls):
    for url in urls:
        assert client.get(url)[STATE] == "miss"
        assert client.get(url)[STATE] == "hit"


def test_editing_a_session_of_summit_a_leaves_summit_b_cached(client, summit_page, summit, other):
    session = SessionFactory(summit=summit, title="Before")
    SessionFactory(summit=other, title="Whales")
    warm(client, "/en/ops/programme/", "/en/blue/programme/", "/en/blue/")
    session.title = "After"
    session.save()
    assert client.get("/en/blue/programme/")[STATE] == "hit"
    assert client.get("/en/blue/")[STATE] == "hit"
    fresh = client.get("/en/ops/programme/")
    assert fresh[STATE] == "miss"
    assert BeautifulSoup(fresh.content, "html.parser").select_one(".session__title").get_text(strip=True) == "After"


@pytest.mark.parametrize("change", ["room", "speaker", "summit"])
def test_other_records_of_a_summit_invalidate_only_that_summit(client, summit_page, summit, other, change):
    session = SessionFactory(summit=summit)
    speaker = SpeakerFactory()
    SessionSpeaker.objects.create(session=session, speaker=speaker)
    warm(client, "/en/ops/programme/", "/en/blue/programme/")
    if change == "room":
        RoomFactory(summit=summit, name="Salle Bleue")
    elif change == "speaker":
        speaker.family_name = "Renamed"
        speaker.save()
    else:
        summit.city = "Lyon"
        summit.save()
    assert client.get("/en/ops/programme/")[STATE] == "miss"
    assert client.get("/en/blue/programme/")[STATE] == "hit"


def test_publishing_a_page_refreshes_it_its_descendants_and_listings_only(client, home, summit_page, other):
    about = factories.standard_page(summit_page, title="About OPS", slug="about")
    warm(client, "/en/ops/about/", "/en/blue/", "/en/")
    summit_page.title = "One Planet Summit 2030"
    factories.publish(summit_page)
    assert client.get("/en/blue/")[STATE] == "hit"  # another summit's page
    assert client.get("/en/")[STATE] == "miss"  # home lists the summit pages
    assert client.get("/en/ops/about/")[STATE] == "miss"  # its breadcrumb names the summit page
    about.title = "About us"
    factories.publish(about)
    assert client.get("/en/blue/")[STATE] == "hit"


def test_a_menu_change_refreshes_every_page(client, summit_page, other):
    warm(client, "/en/ops/", "/en/blue/")
    factories.menu("en", links=[("Contact", "/contact/")])
    assert client.get("/en/ops/")[STATE] == "miss"
    assert client.get("/en/blue/")[STATE] == "miss"


def test_a_lost_version_makes_entries_stale_never_wrong(client, summit_page, summit):
    warm(client, "/en/ops/")
    cache.delete(page_cache.VERSION_PREFIX + page_cache.summit_scope(summit.pk))
    assert client.get("/en/ops/")[STATE] == "miss"
    assert client.get("/en/ops/")[STATE] == "hit"


def test_while_one_process_re_renders_the_others_serve_the_previous_copy(client, summit_page, summit):
    session = SessionFactory(summit=summit, title="Before")
    warm(client, "/en/ops/programme/")
    session.title = "After"
    session.save()
    # Another process holds the re-render lock of this page.
    request = client.get("/en/ops/programme/").wsgi_request
    key = page_cache.key_for(request)
    session.title = "Again"
    session.save()
    assert cache.add(key + ":lock", 1, 10)
    stale = client.get("/en/ops/programme/")
    assert stale[STATE] == "stale"
    assert "Again" not in stale.content.decode()
    cache.delete(key + ":lock")  # the renderer is done (or its lock expired)
    fresh = client.get("/en/ops/programme/")
    assert fresh[STATE] == "miss" and "Again" in fresh.content.decode()


def test_a_copy_past_its_lifetime_is_re_rendered(client, summit_page, settings):
    settings.PLENARY_PAGE_CACHE_SECONDS = 1
    warm(client, "/en/ops/")
    request = client.get("/en/ops/").wsgi_request
    key = page_cache.key_for(request)
    entry = cache.get(key)
    entry["fresh_until"] -= 5
    cache.set(key, entry, 60)
    assert client.get("/en/ops/")[STATE] == "miss"


def test_public_pages_carry_validators_and_answer_conditional_gets_with_304(client, summit_page):
    first = client.get("/en/ops/programme/")
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert first["ETag"].startswith('"') and first["Last-Modified"].endswith("GMT")
    assert "Cookie" in first["Vary"]
    hit = client.get("/en/ops/programme/")
    assert hit["ETag"] == first["ETag"] and hit.content == first.content
    not_modified = client.get("/en/ops/programme/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    since = client.get("/en/ops/programme/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get("/en/ops/programme/", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other.content == first.content


def test_a_changed_page_gets_a_new_etag(client, summit_page, summit):
    session = SessionFactory(summit=summit, title="Before")
    etag = client.get("/en/ops/programme/")["ETag"]
    session.title = "After"
    session.save()
    response = client.get("/en/ops/programme/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_cdn_lifetime_is_announced_when_configured(client, summit_page, settings):
    settings.PLENARY_CDN_CACHE_SECONDS = 120
    assert client.get("/en/ops/")["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=120"


def test_signed_in_visitors_get_no_public_validators(client, summit_page, admin_user):
    client.force_login(admin_user)
    response = client.get("/en/ops/")
    assert "public" not in response.get("Cache-Control", "")


def test_calendar_downloads_answer_conditional_gets_and_change_with_the_programme(client, summit_page, summit):
    session = SessionFactory(summit=summit, title="Opening")
    first = client.get("/en/calendar/ops.ics")
    assert first.status_code == 200 and first["Cache-Control"] == "public, max-age=0, must-revalidate"
    # DTSTAMP (when it was written) differs between two requests; the ETag does not.
    again = client.get("/en/calendar/ops.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    session.title = "Opening plenary"
    session.save()
    changed = client.get("/en/calendar/ops.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and b"Opening plenary" in changed.content


def test_registry_exports_answer_conditional_gets(client):
    first = client.get("/en/commitments/export.csv")
    assert first.status_code == 200 and first["ETag"]
    assert client.get("/en/commitments/export.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_news_published_in_english_refreshes_the_french_home_that_lists_it(client, trees, other):
    index = factories.news_index(trees["en"]["home"])
    warm(client, "/fr/", "/en/blue/")
    factories.news_page(index, title="Mangroves restored", slug="mangroves")
    french = client.get("/fr/")
    assert french[STATE] == "miss" and "Mangroves restored" in french.content.decode()
    assert client.get("/en/blue/")[STATE] == "hit"
