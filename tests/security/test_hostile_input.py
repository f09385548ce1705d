"""Hostile input never reaches a 500: NUL bytes in the path, the query string or a form are refused at the edge."""

import pytest
from django.utils import timezone

from tests.factories import ProposalFactory
from workshops import services
from workshops.models import Ballot


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
    assert any(f'"{field}"'.replace("\x00", "\\0").encode() in response.content for field in form)


def test_a_request_without_nul_bytes_goes_through(client, db):
    assert client.get("/en/vote/?code=ABC").status_code != 400
    assert client.post("/en/newsletter/", {"email": "reader@example.org"}).status_code != 500


HUGE = "x" * 3_000_000  # beyond DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)

# The public forms (and the API's one write) with hostile values: each must be a 4xx, never a 500 nor a success.
PUBLIC_FORMS = [
    ("/en/newsletter/", {"email": "x" * 5000 + "@example.org"}),
    ("/en/newsletter/", {"email": "not an address", "language": "xx", "topics": ["999999", "abc"]}),
    ("/en/newsletter/", {"email": ["a@example.org", "b@example.org"], "language": ["en", "fr"]}),
    ("/en/reports/request/", {"kind": "poster", "subject": "fez"}),
    ("/en/reports/request/", {"kind": "city", "subject": "../../etc/passwd"}),
    ("/en/reports/request/", {"kind": "city", "subject": "x" * 5000, "language": "xx"}),
]


@pytest.mark.parametrize(("path", "form"), PUBLIC_FORMS, ids=lambda value: value if isinstance(value, str) else "")
def test_a_hostile_value_in_a_public_form_is_a_4xx(client, db, path, form, settings):
    settings.RATELIMIT_ENABLE = False
    response = client.post(path, form)

    assert 400 <= response.status_code < 500, response.status_code


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/en/accounts/login/", {"username": "u" * 5000, "password": "p" * 5000}),
        ("/en/accounts/password/reset/", {"email": "x" * 5000}),
    ],
    ids=["login", "password-reset"],
)
def test_a_hostile_value_in_an_account_form_is_refused_without_an_error(client, db, path, form, mailoutbox):
    """Django's account views show a refused form again (200, not 4xx): refused, nothing sent, no server error."""
    response = client.post(path, form)

    assert response.status_code in (200, 400, 403, 429)
    assert response.context["form"].errors
    assert mailoutbox == []


@pytest.mark.parametrize("path", sorted({path for path, _form in PUBLIC_FORMS} | {"/newsletter/webhooks/bounces/"}))
def test_a_huge_body_is_refused_with_a_4xx(client, db, path, settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = "webhook-secret"
    response = client.post(path, {"email": HUGE, "kind": HUGE})

    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("path", ["/en/newsletter/", "/en/reports/request/", "/en/accounts/login/"])
def test_too_many_fields_are_refused_with_a_4xx(client, db, path):
    response = client.post(path, {f"field{n}": "x" for n in range(5000)})

    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"kind": "city", "subject": "fez\\u0000", "language": "en"}',
        b'{"kind": ["city"], "subject": {"a": 1}, "language": 1e999999}',
        b'{"kind": "city", "subject": NaN, "language": "en"}',
        b"[" * 5000 + b"]" * 5000,
        b"\xff\xfe\x00garbage",
    ],
    ids=["malformed", "nul", "wrong-types", "nan", "deep", "not-utf8"],
)
def test_a_hostile_body_to_the_report_api_is_a_400(client, db, body, settings):
    settings.RATELIMIT_ENABLE = False
    """Guards defect 8 too: a deeply nested body overflowed DRF's JSON parser (500)."""
    response = client.post("/api/reports/", body, content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize(
    "value", ["99999999999999999999", "1e999999", "NaN", "-1", "3.5", "", "x" * 5000], ids=lambda value: value[:12]
)
def test_a_hostile_score_on_a_ballot_is_a_400_and_casts_nothing(client, duo_b, value):
    workshop = services.workshop_create(city=duo_b.partner_city, title_en="Fez", starts_at=timezone.now())
    ProposalFactory(workshop=workshop, title_en="Urban farms", order=0)
    services.vote_open(workshop=workshop)
    ballot = f"/en/vote/{workshop.code}/"
    client.get(ballot)  # the participant's cookie
    scores = {
        f"score-{proposal.pk}-{criterion.pk}": value
        for proposal in workshop.proposals.all()
        for criterion in workshop.criteria.all()
    }

    response = client.post(ballot, scores)

    assert response.status_code == 400
    assert not Ballot.objects.exists()
