"""The organisers' timetable: a summit day as a grid of rooms × time, with clashes found for the whole summit.

A session is a block from its local start to its local end (15-minute rows) in its room's column;
sessions overlapping in one room are laid side by side in lanes so both stay visible. Clashes
(two sessions in one room at once, one speaker in two sessions at once, on any summit) are
computed here from the data as it is, whatever door it came through.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Room, Session, SessionSpeaker

SLOT_MINUTES = 15
HEADER_ROWS = 1  # grid row 1 holds the room names


@dataclass
class Block:
    session: Session
    row: int
    span: int
    column: int
    width: int = 1
    clashes: list = field(default_factory=list)
    speakers: list = field(default_factory=list)
    starts_before: bool = False
    ends_after: bool = False

    @property
    def clash(self) -> bool:
        return bool(self.clashes)


@dataclass
class Column:
    room: Room | None
    label: str
    start: int
    lanes: int


@dataclass
class Grid:
    day: dt.date
    columns: list
    blocks: list
    hours: list  # (row, "09:00")
    rows: int
    width: int  # number of grid columns, the time column included
    clashes: list  # (session, message) for this day

    @property
    def room_span(self) -> int:
        return max(1, self.width - 1)


def _local(value, tz):
    return timezone.localtime(value, tz)


def _isolated(text) -> str:
    """A name inside a sentence, isolated for the bidirectional algorithm (an English title in Arabic)."""
    return f"\u2068{text}\u2069"


def _overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def summit_clashes(summit, sessions=None) -> dict[int, list[str]]:
    """{session id: [messages]} for every room and speaker clash involving the summit's sessions."""
    sessions = list(sessions if sessions is not None else Session.objects.filter(summit=summit).select_related("room"))
    found: dict[int, list[str]] = {}
    tz = summit.tz

    def when(s):
        return f"{formats.time_format(_local(s.start, tz), 'H:i')}–{formats.time_format(_local(s.end, tz), 'H:i')}"

    by_room: dict[int, list[Session]] = {}
    for session in sessions:
        if session.room_id:
            by_room.setdefault(session.room_id, []).append(session)
    for room_sessions in by_room.values():
        room_sessions.sort(key=lambda s: (s.start, s.pk))
        for i, a in enumerate(room_sessions):
            for b in room_sessions[i + 1:]:
                if b.start >= a.end:
                    break
                room = _isolated(a.room.name)
                found.setdefault(a.pk, []).append(
                    _("Room clash: %(room)s also hosts “%(title)s” (%(when)s).") % {
                        "room": room, "title": _isolated(b.title), "when": _isolated(when(b))})
                found.setdefault(b.pk, []).append(
                    _("Room clash: %(room)s also hosts “%(title)s” (%(when)s).") % {
                        "room": room, "title": _isolated(a.title), "when": _isolated(when(a))})
    if sessions:
        ids = {s.pk for s in sessions}
        first, last = min(s.start for s in sessions), max(s.end for s in sessions)
        links = list(
            SessionSpeaker.objects.filter(
                speaker__in=SessionSpeaker.objects.filter(session__in=ids).values("speaker"),
                session__start__lt=last, session__end__gt=first,
            ).select_related("speaker", "session")
        )
        per_speaker: dict[int, list[SessionSpeaker]] = {}
        for link in links:
            per_speaker.setdefault(link.speaker_id, []).append(link)
        for speaker_links in per_speaker.values():
            speaker_links.sort(key=lambda link: (link.session.start, link.session_id))
            for i, a in enumerate(speaker_links):
                for b in speaker_links[i + 1:]:
                    if b.session.start >= a.session.end:
                        break
                    for this, other in ((a, b), (b, a)):
                        if this.session_id in ids:
                            found.setdefault(this.session_id, []).append(
                                _("Speaker clash: %(speaker)s is also in “%(title)s” (%(when)s).") % {
                                    "speaker": _isolated(this.speaker.full_name),
                                    "title": _isolated(other.session.title),
                                    "when": _isolated(when(other.session))})
    return found


def _lanes(sessions):
    """Greedy interval partitioning: {session id: lane}, and the number of lanes."""
    lane_ends: list = []
    lanes = {}
    for session in sorted(sessions, key=lambda s: (s.start, s.end, s.pk)):
        for index, end in enumerate(lane_ends):
            if end <= session.start:
                lane_ends[index] = session.end
                lanes[session.pk] = index
                break
        else:
            lanes[session.pk] = len(lane_ends)
            lane_ends.append(session.end)
    return lanes, max(1, len(lane_ends))


def day_grid(summit, day: dt.date, sessions=None, clashes=None) -> Grid:
    tz = summit.tz
    day_start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    day_end = day_start + dt.timedelta(days=1)
    if sessions is None:
        sessions = (Session.objects.filter(summit=summit, start__lt=day_end, end__gt=day_start)
                    .select_related("summit", "room", "theme")
                    .prefetch_related("speaker_roles__speaker"))
    sessions = [s for s in sessions if s.start < day_end and s.end > day_start]
    clashes = clashes if clashes is not None else summit_clashes(summit)
    rooms = list(Room.objects.filter(summit=summit).order_by("name"))
    if sessions:
        first = min(max(_local(s.start, tz), day_start) for s in sessions)
        last = max(min(_local(s.end, tz), day_end) for s in sessions)
        first_hour = first.hour
        last_hour = min(24, math.ceil((last - day_start).total_seconds() / 3600))
    else:
        first_hour, last_hour = 9, 18
    last_hour = max(last_hour, first_hour + 1)
    grid_start = day_start + dt.timedelta(hours=first_hour)
    rows = (last_hour - first_hour) * 60 // SLOT_MINUTES

    columns, blocks, start = [], [], 2
    groups = [(room, [s for s in sessions if s.room_id == room.pk]) for room in rooms]
    roomless = [s for s in sessions if not s.room_id]
    if roomless:
        groups.append((None, roomless))
    for room, room_sessions in groups:
        lanes, lane_count = _lanes(room_sessions)
        columns.append(Column(room, room.name if room else _("No room"), start, lane_count))
        for session in room_sessions:
            local_start = max(_local(session.start, tz), grid_start)
            local_end = min(_local(session.end, tz), day_end)
            offset = int((local_start - grid_start).total_seconds() // 60) // SLOT_MINUTES
            span = max(1, math.ceil((local_end - local_start).total_seconds() / 60 / SLOT_MINUTES))
            alone = not any(other.pk != session.pk and _overlaps(session.start, session.end, other.start, other.end)
                            for other in room_sessions)
            blocks.append(Block(
                session=session, row=HEADER_ROWS + 1 + offset, span=min(span, rows - offset),
                column=start if alone else start + lanes[session.pk], width=lane_count if alone else 1,
                clashes=clashes.get(session.pk, []),
                speakers=[link.speaker.full_name for link in session.speaker_roles.all()],
                starts_before=session.start < day_start, ends_after=session.end > day_end,
            ))
        start += lane_count
    hours = [(HEADER_ROWS + 1 + (h - first_hour) * 60 // SLOT_MINUTES, f"{h:02d}:00")
             for h in range(first_hour, last_hour)]
    day_clashes = [(b.session, message) for b in blocks for message in b.clashes]
    return Grid(day, columns, blocks, hours, rows, start - 1, day_clashes)
