"""Password reset: a few emails an hour per visitor address and per account, with the usual answer over a limit."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _limits_on(settings, tasks_in_process):
    settings.RATELIMIT_ENABLE = True
    settings.TRUSTED_PROXY_COUNT = 1


def reset(client, email, visitor="203.0.113.7"):
    return client.post(
        reverse("password_reset"), {"email": email}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {visitor}"
    )


def test_twelve_requests_for_one_account_send_three_emails_and_all_answer_as_usual(client, partner_a):
    responses = [reset(client, "lyon@example.org", visitor=f"198.51.100.{number}") for number in range(12)]

    assert {(response.status_code, response["Location"]) for response in responses} == {
        (302, reverse("password_reset_done"))
    }
    assert len(mail.outbox) == 3
    assert {tuple(message.to) for message in mail.outbox} == {("lyon@example.org",)}


def test_the_account_limit_ignores_case_and_spaces_in_the_address(client, partner_a):
    for email in ["lyon@example.org", "LYON@example.org", " Lyon@Example.org ", "lyon@EXAMPLE.org"]:
        reset(client, email, visitor="198.51.100.1")

    assert len(mail.outbox) == 3


def test_one_visitor_may_ask_five_resets_an_hour_whatever_the_accounts(client):
    for number in range(7):
        UserFactory(username=f"user{number}", email=f"user{number}@example.org")

    responses = [reset(client, f"user{number}@example.org") for number in range(7)]

    assert {response.status_code for response in responses} == {302}
    assert sorted(message.to[0] for message in mail.outbox) == [f"user{number}@example.org" for number in range(5)]


def test_another_visitor_may_still_reset_once_one_has_used_up_their_quota(client, partner_a, partner_b):
    for _ in range(5):
        reset(client, "nobody@example.org")
    reset(client, partner_b.email)
    assert mail.outbox == []

    reset(client, partner_b.email, visitor="198.51.100.9")

    assert [message.to for message in mail.outbox] == [[partner_b.email]]


def test_an_unknown_address_over_the_limit_gets_the_same_answer_as_a_known_one(client, partner_a):
    for _ in range(3):
        reset(client, "lyon@example.org", visitor="198.51.100.1")
        reset(client, "nobody@example.org", visitor="198.51.100.2")

    known = reset(client, "lyon@example.org", visitor="198.51.100.3")
    unknown = reset(client, "nobody@example.org", visitor="198.51.100.4")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
