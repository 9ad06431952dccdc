"""iCalendar (RFC 5545) for summit sessions: a programme, one session, or a participant's bookings.

Times are written in the summit's own time zone (``DTSTART;TZID=Europe/Paris:…``) with a
VTIMEZONE component describing that zone's UTC offsets over the years the sessions cover, so
calendar applications show the right hour wherever the reader is.

    calendar_for_sessions(sessions, name, url_for=None) -> str
"""

import datetime as dt
import zoneinfo

from django.utils import timezone

PRODID = "-//Plenary//Summit programme//EN"


def escape(text):
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        str(text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    )


def fold(line):
    """Fold a content line at 75 octets without splitting a UTF-8 character (§3.1)."""
    out, current, size = [], "", 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _offset(delta):
    seconds = int(delta.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _local(value):
    return value.strftime("%Y%m%dT%H%M%S")


def _transitions(tz, start_year, end_year):
    """UTC instants in [start_year, end_year] where the zone's offset changes, to the minute."""
    utc = dt.timezone.utc
    moment = dt.datetime(start_year, 1, 1, tzinfo=utc)
    end = dt.datetime(end_year + 1, 1, 1, tzinfo=utc)
    found = []
    step = dt.timedelta(hours=6)
    previous = moment.astimezone(tz).utcoffset()
    while moment < end:
        following = moment + step
        offset = following.astimezone(tz).utcoffset()
        if offset != previous:
            low, high = moment, following
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(tz).utcoffset() == previous:
                    low = middle
                else:
                    high = middle
            found.append(high.replace(second=0, microsecond=0))
            previous = offset
        moment = following
    return found


def vtimezone(tzid, start_year, end_year):
    tz = zoneinfo.ZoneInfo(tzid)
    first = dt.datetime(start_year, 1, 1, tzinfo=dt.timezone.utc).astimezone(tz)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]

    def observance(local_start, before, after, dst, name):
        kind = "DAYLIGHT" if dst else "STANDARD"
        block = [f"BEGIN:{kind}", f"DTSTART:{_local(local_start)}", f"TZOFFSETFROM:{_offset(before)}",
                 f"TZOFFSETTO:{_offset(after)}"]
        if name:
            block.append(f"TZNAME:{escape(name)}")
        block.append(f"END:{kind}")
        return block

    lines += observance(first.replace(tzinfo=None), first.utcoffset(), first.utcoffset(), bool(first.dst()),
                        first.tzname())
    for instant in _transitions(tz, start_year, end_year):
        before = (instant - dt.timedelta(minutes=1)).astimezone(tz).utcoffset()
        after_local = instant.astimezone(tz)
        # DTSTART of an observance is the local time in the offset *before* the change (§3.6.5).
        onset = (instant + before).replace(tzinfo=None)
        lines += observance(onset, before, after_local.utcoffset(), bool(after_local.dst()), after_local.tzname())
    lines.append("END:VTIMEZONE")
    return lines


def _session_tz(session):
    summit = getattr(session, "summit", None)
    return getattr(summit, "timezone", None) or "UTC"


def calendar_for_sessions(sessions, name, url_for=None, stamp=None):
    """An RFC 5545 calendar (str, CRLF line endings) with one VEVENT per session.

    ``url_for(session)`` may return an absolute address for the event's URL property.
    """
    sessions = list(sessions)
    stamp = (stamp or timezone.now()).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name)}"]
    zones = {}
    for session in sessions:
        tzid = _session_tz(session)
        years = zones.setdefault(tzid, set())
        years.update({session.start.year, session.end.year})
    for tzid, years in sorted(zones.items()):
        lines += vtimezone(tzid, min(years), max(years))
    for session in sessions:
        tzid = _session_tz(session)
        tz = zoneinfo.ZoneInfo(tzid)
        summit = session.summit
        location = ", ".join(
            part for part in (session.room.name if session.room_id else "", summit.venue, summit.city) if part
        )
        event = [
            "BEGIN:VEVENT",
            f"UID:session-{session.pk}@{summit.slug}.plenary",
            f"DTSTAMP:{stamp}",
            f"DTSTART;TZID={tzid}:{_local(session.start.astimezone(tz))}",
            f"DTEND;TZID={tzid}:{_local(session.end.astimezone(tz))}",
            f"SUMMARY:{escape(session.title)}",
        ]
        if session.description:
            event.append(f"DESCRIPTION:{escape(session.description)}")
        if location:
            event.append(f"LOCATION:{escape(location)}")
        if session.theme_id:
            event.append(f"CATEGORIES:{escape(session.theme.title)}")
        if url_for:
            url = url_for(session)
            if url:
                event.append(f"URL:{url}")
        event.append("END:VEVENT")
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
