"""The admin timetable: rooms × time per day, theme colours, clashes, moving a session under the rules."""

import datetime as dt

import pytest
from django.urls import reverse

from summits import timetable
from summits.models import Session
from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, ThemeFactory, local, member,
)

from .conftest import denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(summit):
    hall = RoomFactory(summit=summit, name="A Hall")
    side = RoomFactory(summit=summit, name="B Side room")
    theme = ThemeFactory(summit=summit, colour="#0B5394")
    speaker = SpeakerFactory(given_name="Claire", family_name="Moreau")
    opening = SessionFactory(summit=summit, title="Opening", room=hall, theme=theme, start=local(summit, 0, 9),
                             end=local(summit, 0, 10))
    panel = SessionFactory(summit=summit, title="Panel", room=side, start=local(summit, 0, 9, 30),
                           end=local(summit, 0, 11))
    SessionSpeakerFactory(session=opening, speaker=speaker)
    SessionSpeakerFactory(session=panel, speaker=speaker)  # the same speaker twice at 09:30: a clash
    # A room clash that came in through a door without the rules (an old import, the database itself).
    overlap = Session.objects.create(summit=summit, title="Overlap", slug="overlap", room=hall,
                                     start=local(summit, 0, 9, 45), end=local(summit, 0, 10, 15))
    later = SessionFactory(summit=summit, title="Day two", room=hall, start=local(summit, 1, 14),
                           end=local(summit, 1, 15))
    return {"hall": hall, "side": side, "opening": opening, "panel": panel, "overlap": overlap, "later": later,
            "theme": theme, "speaker": speaker}


def test_grid_places_sessions_by_room_and_local_time(summit, programme):
    grid = timetable.day_grid(summit, summit.start_date)
    blocks = {b.session.title: b for b in grid.blocks}
    assert set(blocks) == {"Opening", "Panel", "Overlap"}
    assert grid.hours[0] == (2, "09:00")
    assert (blocks["Opening"].row, blocks["Opening"].span) == (2, 4)
    assert (blocks["Panel"].row, blocks["Panel"].span) == (4, 6)
    assert (blocks["Overlap"].row, blocks["Overlap"].span) == (5, 2)
    columns = {c.label: c for c in grid.columns}
    assert columns["A Hall"].lanes == 2 and columns["B Side room"].lanes == 1
    assert blocks["Opening"].column != blocks["Overlap"].column  # overlapping sessions side by side
    assert blocks["Panel"].column == columns["B Side room"].start


def test_room_and_speaker_clashes_are_found(summit, programme):
    clashes = timetable.summit_clashes(summit)
    assert any("Room clash" in m and "Overlap" in m for m in clashes[programme["opening"].pk])
    # Names are isolated for the bidirectional algorithm (an English title inside an Arabic sentence).
    assert any("Speaker clash: \u2068Claire Moreau\u2069 is also in “\u2068Panel\u2069”" in m
               for m in clashes[programme["opening"].pk])
    assert any("Speaker clash" in m for m in clashes[programme["panel"].pk])
    assert programme["later"].pk not in clashes


def test_timetable_page_shows_the_day_the_colours_and_the_clashes(client, manager, summit, programme):
    response = client.get(reverse("summits_timetable", args=[summit.pk]) + f"?day={summit.start_date}")
    html = response.content.decode()
    assert response.context["day"] == summit.start_date
    assert f'id="session-{programme["opening"].pk}" class="tt-block tt-r-2 tt-h-4' in html
    assert 'data-clash="true"' in html and 'id="clashes"' in html
    assert 'fill="#0B5394"' in html
    assert f'href="{reverse("summits_session:edit", args=[programme["opening"].pk])}"' in html
    assert len(response.context["grid"].clashes) >= 4
    days = {d["day"]: d for d in response.context["days"]}
    assert days[summit.start_date]["clashes"] == 3 and days[summit.end_date]["clashes"] == 0


def test_move_a_session_from_the_timetable(client, manager, summit, programme):
    url = reverse("summits_timetable_move", args=[summit.pk, programme["overlap"].pk])
    response = client.post(url, {"day": summit.end_date.isoformat(), "start": "10:00", "end": "11:00",
                                 "room": programme["side"].pk})
    assert response.status_code == 302
    moved = Session.objects.get(pk=programme["overlap"].pk)
    assert moved.local_start.replace(tzinfo=None) == dt.datetime.combine(summit.end_date, dt.time(10, 0))
    assert moved.room == programme["side"]


def test_moving_into_a_clash_is_refused_with_the_rule_message(client, manager, summit, programme):
    url = reverse("summits_timetable_move", args=[summit.pk, programme["later"].pk])
    response = client.post(url, {"day": summit.start_date.isoformat(), "start": "10:30", "end": "11:30",
                                 "room": programme["side"].pk})
    assert response.status_code == 200
    assert response.context["form"].errors["room"][0].startswith("This room already hosts “Panel”")
    assert Session.objects.get(pk=programme["later"].pk).local_start.date() == summit.end_date


def test_moving_outside_the_summit_or_backwards_is_refused(client, manager, summit, programme):
    url = reverse("summits_timetable_move", args=[summit.pk, programme["later"].pk])
    response = client.post(url, {"day": summit.end_date.isoformat(), "start": "15:00", "end": "14:00", "room": ""})
    assert response.context["form"].errors["end"] == ["A session must end after it starts."]
    response = client.post(url, {"day": "2031-05-05", "start": "10:00", "end": "11:00", "room": ""})
    assert "day" in response.context["form"].errors


def test_a_room_of_another_summit_cannot_be_chosen(client, manager, summit, other_summit, programme):
    theirs = RoomFactory(summit=other_summit)
    url = reverse("summits_timetable_move", args=[summit.pk, programme["later"].pk])
    response = client.post(url, {"day": summit.end_date.isoformat(), "start": "14:00", "end": "15:00",
                                 "room": theirs.pk})
    assert "room" in response.context["form"].errors


def test_reviewers_see_the_timetable_but_cannot_move(client, summit, programme):
    client.force_login(member(summit, role="commitments_reviewer"))
    response = client.get(reverse("summits_timetable", args=[summit.pk]))
    assert response.status_code == 200 and response.context["can_change"] is False
    assert "Move</a>" not in response.content.decode()
    url = reverse("summits_timetable_move", args=[summit.pk, programme["later"].pk])
    assert denied(client.post(url, {"day": summit.end_date.isoformat(), "start": "08:00", "end": "09:00"}))


def test_another_summits_manager_cannot_see_or_move(client, summit, other_summit, programme):
    client.force_login(member(other_summit))
    assert denied(client.get(reverse("summits_timetable", args=[summit.pk])))
    assert denied(client.post(reverse("summits_timetable_move", args=[summit.pk, programme["later"].pk]),
                              {"day": summit.end_date.isoformat(), "start": "08:00", "end": "09:00"}))
    # Not even through their own summit's address.
    assert client.post(reverse("summits_timetable_move", args=[other_summit.pk, programme["later"].pk]),
                       {"day": "2030-01-12", "start": "08:00", "end": "09:00"}, follow=True).status_code == 404


def test_unknown_day_falls_back_to_the_first_day(client, manager, summit, programme):
    response = client.get(reverse("summits_timetable", args=[summit.pk]) + "?day=yesterday")
    assert response.context["day"] == summit.start_date
