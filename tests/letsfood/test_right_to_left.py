"""Arabic and Persian pages, emails and reports read right to left; the stylesheets mirror with them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from core.emails import email_send

PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)"
    r"|(?<![-\w])(?:left|right)\s*:"
)
# The PDF stylesheet mirrors itself under html[dir=rtl] (WeasyPrint has no logical margins); Pico is vendored.
PAGE_STYLESHEETS = sorted(
    path for path in Path(settings.BASE_DIR, "static/css").glob("*.css") if path.name != "report.css"
)


@pytest.mark.parametrize("stylesheet", PAGE_STYLESHEETS, ids=lambda path: path.name)
def test_page_stylesheets_use_logical_properties_so_that_they_mirror(stylesheet):
    physical = [
        line.strip()
        for line in stylesheet.read_text().splitlines()
        if PHYSICAL.search(line) and "writing-mode: vertical-rl" not in line  # a rotated label turns with the page
    ]

    assert not physical, f"left/right properties that do not mirror in {stylesheet.name}: {physical}"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("vi", "ltr"), ("fr", "ltr")])
def test_a_page_says_its_language_and_direction(client, db, language, direction):
    page = client.get(f"/{language}/cities/").content.decode()

    assert f'<html lang="{language}" dir="{direction}"' in page


def test_an_arabic_email_reads_right_to_left(db):
    email_send("test-message", ["fez@example.org"], {"site_url": "http://x", "queued_at": "now"}, language="ar")

    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    assert "رسالة تجريبية من منصة Let's Food Cities" in message.subject
