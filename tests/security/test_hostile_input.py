"""Hostile input never reaches a 500: NUL bytes in the path, the query string or a form are refused at the edge."""

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "/en/vote/%00/",
        "/en/vote/%00/ranking/",
        "/en/cities/%00/",
        "/en/vote/?code=%00",
        "/en/library/?q=school%00",
        "/newsletter/confirm/%00/",
    ],
)
def test_a_nul_byte_in_the_address_is_a_bad_request(client, db, path):
    """Guards defect 8: `GET /en/vote/%00/` reached PostgreSQL, which refuses NUL in text, and answered 500."""
    response = client.get(path)

    assert response.status_code == 400
    assert b"NUL byte" in response.content  # refused at the edge, before any view or query


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/en/newsletter/", {"email": "reader\x00@example.org", "language": "en"}),
        ("/en/reports/request/", {"kind": "city", "subject": "sfax\x00", "language": "en"}),
        ("/en/accounts/login/", {"username": "team\x00", "password": "x"}),
        ("/en/newsletter/", {"email\x00": "reader@example.org"}),
    ],
)
def test_a_nul_byte_in_a_posted_form_is_a_bad_request(client, db, path, form):
    """Guards defect 8: a NUL in a form value reaches the database (PostgreSQL answers 500) unless refused first."""
    response = client.post(path, form)

    assert response.status_code == 400
    assert b"NUL byte" in response.content


def test_a_request_without_nul_bytes_goes_through(client, db):
    assert client.get("/en/vote/?code=ABC").status_code != 400
    assert client.post("/en/newsletter/", {"email": "reader@example.org"}).status_code != 500
