"""A minimal iCalendar (RFC 5545) file for the sessions a participant booked.

Used only when ``summits.ics.calendar_for_sessions`` is not available.
"""

from django.conf import settings
from django.utils import timezone


def _escape(text):
    return str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    out, raw = [], line.encode("utf-8")
    while len(raw) > 75:
        cut = 75
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        out.append(raw[:cut].decode("utf-8"))
        raw = b" " + raw[cut:]
    out.append(raw.decode("utf-8"))
    return "\r\n".join(out)



def calendar_for_sessions(sessions, name):
    from datetime import timezone as dt_timezone

    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "plenary"
    now = timezone.now().astimezone(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Plenary//Programme//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(name)}"]
    for session in sessions:
        lines += [
            "BEGIN:VEVENT",
            f"UID:session-{session.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{session.start.astimezone(dt_timezone.utc):%Y%m%dT%H%M%SZ}",
            f"DTEND:{session.end.astimezone(dt_timezone.utc):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{_escape(session.title)}",
        ]
        if session.room_id:
            lines.append(f"LOCATION:{_escape(session.room.name)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
