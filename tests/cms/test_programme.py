import pytest
from bs4 import BeautifulSoup

from summits.choices import SessionKind
from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, ThemeFactory, local,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select(".session__title")]


def test_sessions_are_grouped_by_local_day_with_local_times(client, summit_page, summit):
    SessionFactory(summit=summit, title="Opening", start=local(summit, 0, 9), end=local(summit, 0, 10))
    SessionFactory(summit=summit, title="Closing", start=local(summit, 1, 17), end=local(summit, 1, 18))
    page = soup(client.get("/en/ops/programme/"))
    days = [(s.h2.get_text(), [h.get_text(strip=True) for h in s.select(".session__title")])
            for s in page.select("section.day")]
    assert days == [("Friday, 11 January 2030", ["Opening"]), ("Saturday, 12 January 2030", ["Closing"])]
    assert page.select_one(".session__time").get_text() == "09:00–10:00"


def test_dates_follow_the_visitors_language(client, trees, summit):
    SessionFactory(summit=summit, start=local(summit, 0, 9), end=local(summit, 0, 10))
    page = soup(client.get("/fr/ops/programme/"))
    assert page.select_one("section.day h2").get_text() == "vendredi 11 janvier 2030"


def test_unpublished_sessions_are_not_shown(client, summit_page, summit):
    SessionFactory(summit=summit, title="Public")
    SessionFactory(summit=summit, title="Hidden", is_published=False, start=local(summit, 0, 11),
                   end=local(summit, 0, 12))
    assert titles(client.get("/en/ops/programme/")) == ["Public"]


def test_unpublished_session_page_is_not_found(client, summit_page, summit):
    SessionFactory(summit=summit, slug="secret", is_published=False)
    assert client.get("/en/ops/sessions/secret/").status_code == 404


def test_filter_by_theme(client, summit_page, summit):
    forests = ThemeFactory(summit=summit, slug="forests")
    SessionFactory(summit=summit, title="Trees", theme=forests)
    SessionFactory(summit=summit, title="Money", start=local(summit, 0, 11), end=local(summit, 0, 12))
    assert titles(client.get("/en/ops/programme/?theme=forests")) == ["Trees"]


def test_filter_by_room(client, summit_page, summit):
    hall = RoomFactory(summit=summit, name="Hall")
    SessionFactory(summit=summit, title="In the hall", room=hall)
    SessionFactory(summit=summit, title="Elsewhere", start=local(summit, 0, 11), end=local(summit, 0, 12))
    assert titles(client.get(f"/en/ops/programme/?room={hall.pk}")) == ["In the hall"]


def test_filter_by_kind(client, summit_page, summit):
    SessionFactory(summit=summit, title="Press", kind=SessionKind.PRESS_CONFERENCE)
    SessionFactory(summit=summit, title="Plenary", start=local(summit, 0, 11), end=local(summit, 0, 12))
    assert titles(client.get("/en/ops/programme/?kind=press")) == ["Press"]


def test_filter_by_language_includes_interpretation(client, summit_page, summit):
    SessionFactory(summit=summit, title="Arabic floor", languages=["ar"])
    SessionFactory(summit=summit, title="Interpreted", languages=["en"], interpretation=["ar"],
                   start=local(summit, 0, 11), end=local(summit, 0, 12))
    SessionFactory(summit=summit, title="English only", languages=["en"], start=local(summit, 0, 13),
                   end=local(summit, 0, 14))
    assert titles(client.get("/en/ops/programme/?language=ar")) == ["Arabic floor", "Interpreted"]


def test_nonsense_room_filter_shows_nothing_instead_of_an_error(client, summit_page, summit):
    SessionFactory(summit=summit)
    response = client.get("/en/ops/programme/?room=abc")
    assert response.status_code == 200
    assert titles(response) == []


def test_session_titles_are_in_the_visitors_language(client, trees, summit):
    SessionFactory(summit=summit, title="Forests", title_fr="Forêts")
    assert titles(client.get("/fr/ops/programme/")) == ["Forêts"]


def test_each_session_lists_its_speakers(client, summit_page, summit):
    session = SessionFactory(summit=summit)
    SessionSpeakerFactory(session=session, speaker=SpeakerFactory(given_name="Ana", family_name="Lima"))
    row = soup(client.get("/en/ops/programme/")).select_one(".session__speakers")
    assert row.get_text().startswith("Ana Lima")


def test_theme_page_lists_only_its_sessions(client, summit_page, summit):
    oceans = ThemeFactory(summit=summit, slug="oceans", title="Oceans")
    SessionFactory(summit=summit, title="Reefs", theme=oceans)
    SessionFactory(summit=summit, title="Other", start=local(summit, 0, 11), end=local(summit, 0, 12))
    response = client.get("/en/ops/themes/oceans/")
    assert soup(response).select_one("main h1").get_text() == "Oceans"
    assert titles(response) == ["Reefs"]


def test_speakers_page_lists_speakers_with_their_sessions(client, summit_page, summit):
    session = SessionFactory(summit=summit, title="Finance")
    SessionSpeakerFactory(session=session, speaker=SpeakerFactory(given_name="Ana", family_name="Lima"))
    page = soup(client.get("/en/ops/speakers/"))
    speaker = page.select_one(".speaker")
    assert speaker.h2.get_text() == "Ana Lima"
    assert [a.get_text() for a in speaker.select("li a")] == ["Finance"]


def build_programme(summit, sessions, speakers_per_session=2):
    themes = [ThemeFactory(summit=summit) for _ in range(4)]
    rooms = [RoomFactory(summit=summit) for _ in range(5)]
    from summits.models import Session, SessionSpeaker, Speaker

    made = Session.objects.bulk_create([
        Session(summit=summit, title=f"S{i}", slug=f"s{i}", theme=themes[i % 4], room=rooms[i % 5],
                start=local(summit, i % 2, 8 + (i // 10) % 10, (i % 10) * 5),
                end=local(summit, i % 2, 9 + (i // 10) % 10, (i % 10) * 5), languages=["en"])
        for i in range(sessions)
    ])
    org = SpeakerFactory().organisation
    people = Speaker.objects.bulk_create([
        Speaker(given_name=f"G{i}", family_name=f"F{i}", organisation=org)
        for i in range(sessions * speakers_per_session)
    ])
    SessionSpeaker.objects.bulk_create([
        SessionSpeaker(session=made[i // speakers_per_session], speaker=person)
        for i, person in enumerate(people)
    ])


@pytest.mark.parametrize("url", ["/en/ops/programme/", "/en/ops/", "/en/ops/speakers/", "/en/ops/themes/"])
def test_summit_pages_query_count_does_not_grow_with_200_sessions_and_400_speakers(
    client, summit_page, summit, django_assert_max_num_queries, url
):
    build_programme(summit, sessions=200)
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200


def test_programme_query_count_is_the_same_for_5_and_200_sessions(client, home):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.summits.factories import SummitFactory

    from . import factories

    counts = {}
    for size, slug in ((5, "small"), (200, "large")):
        summit = SummitFactory(slug=slug)
        factories.summit_page(home, summit, title=slug)
        build_programme(summit, sessions=size)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/en/{slug}/programme/")
        assert len(titles(response)) == size
        counts[size] = len(queries.captured_queries)
    assert counts[200] == counts[5]
