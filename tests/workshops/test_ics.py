"""The iCalendar export follows RFC 5545: CRLF lines folded at 75 octets, escaped text, a stable UID, UTC times."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import CityFactory, WorkshopFactory
from workshops import ics

pytestmark = pytest.mark.django_db


def unfold(body: bytes) -> list[str]:
    """Parse the content lines back: undo the folding (CRLF followed by one space)."""
    return body.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def properties(lines: list[str]) -> dict:
    return dict(line.split(":", 1) for line in lines)


@pytest.fixture
def workshop(db):
    return WorkshopFactory(
        city=CityFactory(name_en="Lyon"),
        slug="lyon-workshop",
        title_en="Lyon workshop, proposals; and vote",
        starts_at=datetime(2024, 3, 14, 14, tzinfo=ZoneInfo("Europe/Paris")),
        ends_at=datetime(2024, 3, 14, 18, tzinfo=ZoneInfo("Europe/Paris")),
        venue="Hôtel de Ville, salle 2",
        agenda_en="Welcome\nProposals in small groups, then a vote on phones with a long enough line to be folded "
        "twice over ─ with multi-byte characters — éàü — near the fold.",
        is_published=True,
    )


def test_workshop_calendar_is_a_valid_vcalendar_with_one_event(client, workshop):
    response = client.get("/en/workshops/lyon-workshop/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    raw_lines = body.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in raw_lines)
    assert any(line.startswith(b" ") for line in raw_lines)  # the description was folded
    raw_lines_text = [line.decode("utf-8") for line in raw_lines]  # folding never splits a UTF-8 character
    assert raw_lines_text
    lines = unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    event = properties(lines[lines.index("BEGIN:VEVENT") + 1 : lines.index("END:VEVENT")])
    calendar = properties(lines[1 : lines.index("BEGIN:VEVENT")])
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert event["UID"] == f"workshop-{workshop.pk}@letsfoodcities.workshops"
    assert event["DTSTART"] == "20240314T130000Z"
    assert event["DTEND"] == "20240314T170000Z"
    assert event["DTSTAMP"].endswith("Z")
    assert event["SUMMARY"] == "Lyon workshop\\, proposals\\; and vote"
    assert event["LOCATION"].startswith("Hôtel de Ville\\, salle 2\\, Lyon")
    assert "Welcome\\nProposals in small groups\\," in event["DESCRIPTION"]
    assert event["URL"] == "http://testserver/en/workshops/lyon-workshop/"


def test_workshop_uid_is_stable_across_exports(client, workshop):
    first = properties(unfold(client.get("/en/workshops/lyon-workshop/calendar.ics").content))
    second = properties(unfold(client.get("/fr/workshops/lyon-workshop/calendar.ics").content))

    assert first["UID"] == second["UID"]


def test_feed_lists_every_published_workshop_and_no_draft(client, workshop):
    WorkshopFactory(
        city=workshop.city, slug="draft", title_en="Draft", starts_at=workshop.starts_at, is_published=False
    )

    lines = unfold(client.get("/en/workshops/calendar.ics").content)

    assert lines.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Draft" not in lines


def test_escaping_and_folding_follow_the_rfc():
    assert ics.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ics.fold("DESCRIPTION:" + "é" * 100)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece[1:] if i else piece for i, piece in enumerate(pieces)) == "DESCRIPTION:" + "é" * 100
    assert ics.utc(datetime(2024, 1, 22, 9, tzinfo=UTC)) == "20240122T090000Z"
