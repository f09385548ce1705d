"""Each request has an id (the proxy's or our own) on its response and on every log line; server errors reach the
ADMINS by email."""

import io
import logging
import re

import pytest
from django.core import mail
from django.test import Client

from core.request_id import current_request_id


@pytest.fixture
def log_lines():
    """What the console handler of the production logging configuration writes, line by line."""
    handler = next(h for h in logging.getLogger("django").handlers if h.get_name() == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: buffer.getvalue().splitlines()
    handler.setStream(previous)


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.core.error_urls"
    settings.ADMINS = [("Team", "team@letsfood.example"), ("Ops", "ops@letsfood.example")]
    return Client(raise_request_exception=False)


def test_a_request_without_an_id_gets_one_in_its_response_header(client, db):
    first = client.get("/healthz/")
    second = client.get("/healthz/")

    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept(client, db):
    response = client.get("/healthz/", headers={"X-Request-ID": "3f1c2a9e-7b4d-4e51-9a0c-5d2f8e6b1a47"})

    assert response["X-Request-ID"] == "3f1c2a9e-7b4d-4e51-9a0c-5d2f8e6b1a47"


@pytest.mark.parametrize("sent", ["abc", "x" * 65, "ok-id-1234\nforged log line", "id with spaces 123"])
def test_a_request_id_that_is_not_a_sane_token_is_replaced(client, db, sent):
    response = client.get("/healthz/", headers={"X-Request-ID": sent})

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_a_not_found_page_is_logged_on_one_line_with_its_request_id(client, db, log_lines):
    response = client.get("/en/cities/no-such-city/", headers={"X-Request-ID": "req-404-check-0001"})

    assert response.status_code == 404
    [line] = [line for line in log_lines() if "Not Found" in line]
    assert "WARNING django.request request_id=req-404-check-0001 Not Found: /en/cities/no-such-city/" in line
    assert current_request_id.get() == "-"  # forgotten once the response is closed


def test_a_server_error_is_logged_with_its_traceback_on_one_line(failing_site, log_lines):
    response = failing_site.get("/fail/", headers={"X-Request-ID": "req-500-check-0001"})

    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-500-check-0001"
    [line] = [line for line in log_lines() if "Internal Server Error" in line]
    assert "ERROR django.request request_id=req-500-check-0001 Internal Server Error: /fail/" in line
    assert "Traceback (most recent call last):" in line
    assert "RuntimeError: The sky fell on the server.\\nA second line of the message." in line
    assert len(log_lines()) == 1


def test_a_server_error_is_emailed_to_the_admins(failing_site):
    response = failing_site.get("/fail/")

    assert response.status_code == 500
    [email] = mail.outbox
    assert email.to == ["team@letsfood.example", "ops@letsfood.example"]
    assert "Internal Server Error: /fail/" in email.subject
    assert "RuntimeError at /fail/\nThe sky fell on the server." in email.body


def test_no_error_email_is_sent_in_debug_mode(failing_site, settings):
    settings.DEBUG = True

    failing_site.get("/fail/")

    assert mail.outbox == []
