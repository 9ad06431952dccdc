import datetime as dt

import pytest

from summits.ics import calendar_for_sessions, escape, fold, vtimezone
from tests.summits.factories import RoomFactory, SessionFactory, SummitFactory, ThemeFactory, local


def test_paris_timezone_has_the_2021_transitions():
    lines = vtimezone("Europe/Paris", 2021, 2021)
    assert "DTSTART:20210328T020000" in lines  # clocks go forward at 02:00 local (CET)
    assert "DTSTART:20211031T030000" in lines  # and back at 03:00 local (CEST)
    assert lines[lines.index("DTSTART:20210328T020000") + 1:][:2] == ["TZOFFSETFROM:+0100", "TZOFFSETTO:+0200"]


def test_zone_without_daylight_saving_has_one_standard_observance():
    lines = vtimezone("Asia/Shanghai", 2030, 2030)
    assert [line for line in lines if line.startswith("BEGIN:")] == ["BEGIN:VTIMEZONE", "BEGIN:STANDARD"]
    assert "TZOFFSETTO:+0800" in lines


def test_text_values_are_escaped():
    assert escape("Oceans, forests; finance\\health\nnext") == "Oceans\\, forests\\; finance\\\\health\\nnext"


def test_long_lines_are_folded_at_75_octets_without_breaking_characters():
    line = "SUMMARY:" + "生物多样性" * 20
    folded = fold(line).split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in folded)
    assert "".join(part[1:] if i else part for i, part in enumerate(folded)) == line


@pytest.mark.django_db
def test_session_event_uses_the_summit_time_zone():
    summit = SummitFactory(timezone="America/Montreal", slug="cbd", venue="Palais des congrès", city="Montréal")
    session = SessionFactory(summit=summit, title="Opening, plenary", slug="opening",
                             room=RoomFactory(summit=summit, name="Hall A"), theme=ThemeFactory(summit=summit),
                             start=local(summit, 0, 9), end=local(summit, 0, 10, 30))
    text = calendar_for_sessions([session], "CBD", stamp=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc),
                                 url_for=lambda s: "https://example.org/s/")
    lines = text.split("\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;TZID=America/Montreal:20300111T090000" in lines
    assert "DTEND;TZID=America/Montreal:20300111T103000" in lines
    assert "SUMMARY:Opening\\, plenary" in lines
    assert "LOCATION:Hall A\\, Palais des congrès\\, Montréal" in lines
    assert "UID:session-%d@cbd.plenary" % session.pk in lines
    assert "TZID:America/Montreal" in lines


@pytest.mark.django_db
def test_calendar_structure_is_valid_rfc5545():
    summit = SummitFactory()
    sessions = [SessionFactory(summit=summit, start=local(summit, 0, h), end=local(summit, 0, h + 1))
                for h in (9, 11)]
    lines = calendar_for_sessions(sessions, "Programme").split("\r\n")[:-1]
    stack = []
    for line in lines:
        assert len(line.encode()) <= 75
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            assert stack.pop() == line[4:]
    assert stack == []
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert sum(1 for line in lines if line == "BEGIN:VEVENT") == 2
    for required in ("PRODID:", "UID:", "DTSTAMP:"):
        assert any(line.startswith(required) for line in lines)


@pytest.mark.django_db
def test_session_calendar_download(client, summit_page, summit):
    SessionFactory(summit=summit, slug="opening", start=local(summit, 0, 9), end=local(summit, 0, 10))
    response = client.get("/fr/calendar/ops/opening.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ops-opening.ics"'
    assert b"DTSTART;TZID=Europe/Paris:20300111T090000" in response.content
    assert b"URL:http://testserver/en/ops/sessions/opening/" in response.content


@pytest.mark.django_db
def test_programme_calendar_has_every_published_session(client, summit_page, summit):
    SessionFactory(summit=summit, start=local(summit, 0, 9), end=local(summit, 0, 10))
    SessionFactory(summit=summit, start=local(summit, 0, 11), end=local(summit, 0, 12))
    SessionFactory(summit=summit, start=local(summit, 0, 13), end=local(summit, 0, 14), is_published=False)
    response = client.get("/en/calendar/ops.ics")
    assert response.content.count(b"BEGIN:VEVENT") == 2


@pytest.mark.django_db
def test_calendar_of_a_summit_without_a_live_page_is_not_found(client, summit):
    assert client.get("/en/calendar/ops.ics").status_code == 404
