"""The scheduling rules of sessions, each with its clear error on the field that caused it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from summits.services import assign_speaker, session_errors
from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, SummitFactory, ThemeFactory, local,
)

pytestmark = pytest.mark.django_db


def errors_of(session):
    with pytest.raises(ValidationError) as info:
        session.full_clean()
    return info.value.message_dict


def test_session_must_end_after_it_starts():
    summit = SummitFactory()
    session = SessionFactory.build(summit=summit, start=local(summit, 0, 10), end=local(summit, 0, 9))
    assert errors_of(session)["end"] == ["A session must end after it starts."]


def test_session_with_zero_length_is_refused():
    summit = SummitFactory()
    session = SessionFactory.build(summit=summit, start=local(summit, 0, 10), end=local(summit, 0, 10))
    assert "end" in errors_of(session)


def test_session_before_the_summit_is_refused():
    summit = SummitFactory(start_date=dt.date(2030, 1, 11), end_date=dt.date(2030, 1, 12))
    session = SessionFactory.build(summit=summit, start=local(summit, -1, 9), end=local(summit, -1, 10))
    assert errors_of(session)["start"][0].startswith("The session must start within the summit’s dates")


def test_session_running_past_the_last_day_is_refused():
    summit = SummitFactory(start_date=dt.date(2030, 1, 11), end_date=dt.date(2030, 1, 12))
    session = SessionFactory.build(summit=summit, start=local(summit, 1, 23), end=local(summit, 2, 1))
    assert errors_of(session)["end"][0].startswith("The session must end within the summit’s dates")


def test_dates_are_checked_in_the_summit_time_zone():
    # 23:30 on the last day in Paris is 22:30 UTC the same day: inside the summit.
    summit = SummitFactory(timezone="Europe/Paris", start_date=dt.date(2030, 1, 11), end_date=dt.date(2030, 1, 11))
    session = SessionFactory.build(summit=summit, start=local(summit, 0, 22), end=local(summit, 0, 23, 30))
    assert session_errors(session) == {}
    # 00:30 on the first day in Tokyo is still the previous day in UTC, but inside the summit locally.
    tokyo = SummitFactory(timezone="Asia/Tokyo", start_date=dt.date(2030, 1, 11), end_date=dt.date(2030, 1, 11))
    early = SessionFactory.build(summit=tokyo, start=local(tokyo, 0, 0, 30), end=local(tokyo, 0, 1, 30))
    assert session_errors(early) == {}


def test_a_room_cannot_host_two_sessions_at_once():
    summit = SummitFactory()
    room = RoomFactory(summit=summit)
    SessionFactory(summit=summit, room=room, title="Opening", start=local(summit, 0, 9), end=local(summit, 0, 10))
    clash = SessionFactory.build(summit=summit, room=room, start=local(summit, 0, 9, 30), end=local(summit, 0, 11))
    message = errors_of(clash)["room"][0]
    assert message.startswith("This room already hosts “Opening” from")


def test_back_to_back_sessions_in_one_room_are_fine():
    summit = SummitFactory()
    room = RoomFactory(summit=summit)
    SessionFactory(summit=summit, room=room, start=local(summit, 0, 9), end=local(summit, 0, 10))
    after = SessionFactory.build(summit=summit, room=room, start=local(summit, 0, 10), end=local(summit, 0, 11))
    assert session_errors(after) == {}


def test_editing_a_session_does_not_clash_with_itself():
    session = SessionFactory(room=RoomFactory())
    session.room.summit = session.summit
    session.room.save()
    session.end = session.end + dt.timedelta(minutes=30)
    session.full_clean()


def test_a_speaker_cannot_be_in_two_sessions_at_once():
    summit = SummitFactory()
    speaker = SpeakerFactory(given_name="Ana", family_name="Santos")
    first = SessionFactory(summit=summit, title="Panel A", start=local(summit, 0, 9), end=local(summit, 0, 10))
    SessionSpeakerFactory(session=first, speaker=speaker)
    second = SessionFactory(summit=summit, start=local(summit, 0, 9, 30), end=local(summit, 0, 10, 30))
    with pytest.raises(ValidationError) as info:
        assign_speaker(second, speaker, "speaker")
    assert info.value.message_dict["speaker"][0].startswith("Ana Santos is already in “Panel A” from")


def test_moving_a_session_onto_its_speaker_other_session_is_refused():
    summit = SummitFactory()
    speaker = SpeakerFactory()
    first = SessionFactory(summit=summit, start=local(summit, 0, 9), end=local(summit, 0, 10))
    second = SessionFactory(summit=summit, start=local(summit, 0, 11), end=local(summit, 0, 12))
    SessionSpeakerFactory(session=first, speaker=speaker)
    SessionSpeakerFactory(session=second, speaker=speaker)
    second.start, second.end = local(summit, 0, 9, 30), local(summit, 0, 10, 30)
    assert "is already in" in errors_of(second)["start"][0]


def test_a_theme_must_belong_to_the_session_summit():
    summit, other = SummitFactory(), SummitFactory(title="Other summit")
    session = SessionFactory.build(summit=summit, theme=ThemeFactory(summit=other))
    assert errors_of(session)["theme"] == ["This theme belongs to another summit (Other summit)."]


def test_a_room_must_belong_to_the_session_summit():
    summit, other = SummitFactory(), SummitFactory(title="Other summit")
    session = SessionFactory.build(summit=summit, room=RoomFactory(summit=other))
    assert errors_of(session)["room"] == ["This room belongs to another summit (Other summit)."]


def test_summit_last_day_cannot_precede_first_day():
    summit = SummitFactory.build(start_date=dt.date(2030, 1, 12), end_date=dt.date(2030, 1, 11))
    with pytest.raises(ValidationError) as info:
        summit.full_clean()
    assert info.value.message_dict["end_date"] == ["The last day cannot be before the first day."]


def test_summit_time_zone_must_exist():
    summit = SummitFactory.build(timezone="Europe/Atlantis")
    with pytest.raises(ValidationError) as info:
        summit.full_clean()
    assert "is not a known time zone" in info.value.message_dict["timezone"][0]


def test_registration_must_close_after_it_opens():
    opens = dt.datetime(2029, 12, 1, tzinfo=dt.timezone.utc)
    summit = SummitFactory.build(registration_opens=opens, registration_closes=opens)
    with pytest.raises(ValidationError) as info:
        summit.full_clean()
    assert info.value.message_dict["registration_closes"] == ["Registration must close after it opens."]


def test_database_refuses_a_session_ending_before_it_starts():
    from django.db import IntegrityError, transaction

    summit = SummitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(summit=summit, start=local(summit, 0, 10), end=local(summit, 0, 9))


def test_local_times_are_in_the_summit_time_zone():
    summit = SummitFactory(timezone="America/Toronto")
    session = SessionFactory(summit=summit, start=local(summit, 0, 9), end=local(summit, 0, 10))
    assert session.local_start.strftime("%H:%M %Z") == "09:00 EST"
    assert session.start.astimezone(dt.timezone.utc).strftime("%H:%M") == "14:00"
