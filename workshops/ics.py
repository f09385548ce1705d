"""iCalendar (RFC 5545) export of workshops, written by hand: a handful of properties do not justify a dependency."""

from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//Let's Food Cities//Workshops//EN"
UID_DOMAIN = "letsfoodcities.workshops"
CRLF = "\r\n"
MAX_OCTETS = 75


@dataclass
class Event:
    uid: str
    start: datetime
    end: datetime | None
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""


def escape_text(value: str) -> str:
    """Return a TEXT value escaped per RFC 5545 §3.3.11 (backslash, semicolon, comma, newline)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Return a content line folded into lines of at most 75 octets, never splitting a UTF-8 character (§3.1)."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            pieces.append(current)
            current, size = " ", 1  # a continuation line starts with one space, which counts
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def utc(moment: datetime) -> str:
    """Return a date-time in UTC form (19980119T070000Z)."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: Event, *, stamp: datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(event.start)}",
    ]
    if event.end is not None:
        lines.append(f"DTEND:{utc(event.end)}")
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")  # a URI value: not escaped as text
    lines.append("END:VEVENT")
    return lines


def calendar(events: list[Event], *, name: str = "", stamp: datetime | None = None) -> bytes:
    """Return a VCALENDAR holding the events, as UTF-8 bytes with CRLF line endings."""
    stamp = stamp or datetime.now(UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines += event_lines(event, stamp=stamp)
    lines.append("END:VCALENDAR")
    return (CRLF.join(fold(line) for line in lines) + CRLF).encode("utf-8")


def workshop_uid(workshop) -> str:
    """Return the workshop's UID: stable across exports, so calendars update the event rather than duplicate it."""
    return f"workshop-{workshop.pk}@{UID_DOMAIN}"
