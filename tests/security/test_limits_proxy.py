"""Limits behind the reverse proxy: each visitor is known by the address the trusted proxy saw, never by the proxy's
own address (which every visitor shares) nor by what a client writes into X-Forwarded-For itself."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.clientip import client_ip
from newsletter.models import ConsentEvent
from newsletter.services import topics_sync
from newsletter.tokens import ip_hash

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the reverse proxy: the address every request arrives from
VISITOR_A = "203.0.113.7"
VISITOR_B = "198.51.100.9"
PASSWORD = "correct-horse-battery"
SUBSCRIPTION = {"language": "en", "topics": ["programme"], "consent": "on"}


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATELIMIT_ENABLE = True


def through_proxy(forwarded_for: str) -> dict:
    """Return the request headers of a request the proxy passed on, X-Forwarded-For as it arrives."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded_for}


def address_of(settings, *, proxies: int, forwarded_for: str | None, remote_addr: str = PROXY) -> str:
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client_ip(RequestFactory().get("/", **headers))


# The address


def test_without_a_trusted_proxy_the_address_is_the_connection_s_and_x_forwarded_for_is_ignored(settings):
    assert address_of(settings, proxies=0, forwarded_for=VISITOR_A, remote_addr=VISITOR_B) == VISITOR_B


def test_behind_one_proxy_the_address_is_the_one_the_proxy_appended(settings):
    assert address_of(settings, proxies=1, forwarded_for=VISITOR_A) == VISITOR_A


def test_a_forged_left_most_entry_does_not_change_the_address(settings):
    forged = f"1.2.3.4, 5.6.7.8, {VISITOR_A}"

    assert address_of(settings, proxies=1, forwarded_for=forged) == VISITOR_A


def test_behind_two_proxies_the_address_is_the_second_entry_from_the_right(settings):
    assert address_of(settings, proxies=2, forwarded_for=f"1.2.3.4, {VISITOR_A}, 10.0.0.9") == VISITOR_A


@pytest.mark.parametrize("forwarded_for", [None, "", " , ", "not-an-address", "203.0.113.7:5555"])
def test_a_missing_or_garbled_x_forwarded_for_falls_back_to_the_connection_s_address(settings, forwarded_for):
    assert address_of(settings, proxies=1, forwarded_for=forwarded_for) == PROXY


def test_an_ipv6_address_is_written_in_its_short_form(settings):
    assert address_of(settings, proxies=1, forwarded_for="2001:DB8:0:0::1") == "2001:db8::1"


# Rate limits


@pytest.fixture
def newsletter_topics(settings, tasks_in_process, duo_a):
    topics_sync()


def subscribe(client, email, forwarded_for):
    return client.post("/en/newsletter/", {**SUBSCRIPTION, "email": email}, **through_proxy(forwarded_for))


def test_two_visitors_behind_the_proxy_have_separate_subscription_quotas(client, newsletter_topics):
    for number in range(10):
        assert subscribe(client, f"a{number}@example.org", VISITOR_A).status_code == 302
    assert subscribe(client, "a-more@example.org", VISITOR_A).status_code == 429

    assert subscribe(client, "b@example.org", VISITOR_B).status_code == 302


def test_forging_x_forwarded_for_does_not_buy_a_new_subscription_quota(client, newsletter_topics):
    for number in range(10):
        assert subscribe(client, f"a{number}@example.org", f"192.0.2.{number}, {VISITOR_A}").status_code == 302

    assert subscribe(client, "a-more@example.org", f"192.0.2.99, {VISITOR_A}").status_code == 429


def test_the_consent_ledger_hashes_the_visitor_s_address_not_the_proxy_s(client, newsletter_topics):
    subscribe(client, "ana@example.org", f"192.0.2.1, {VISITOR_A}")

    event = ConsentEvent.objects.get(kind=ConsentEvent.Kind.SUBSCRIBED)
    assert event.ip_hash == ip_hash(VISITOR_A)


def test_two_visitors_behind_the_proxy_have_separate_report_quotas(client, db):
    def ask(forwarded_for):
        # The limit is counted before the request is read: an unknown subject still uses the quota.
        return client.post(
            "/en/reports/request/", {"kind": "city", "subject": "nowhere"}, **through_proxy(forwarded_for)
        )

    assert [ask(VISITOR_A).status_code for _ in range(11)] == [400] * 10 + [429]
    assert ask(f"{VISITOR_B}, {VISITOR_A}").status_code == 429

    assert ask(VISITOR_B).status_code == 400


# Login lockout: by username and address


def log_in(client, forwarded_for, password, username="lyon"):
    return client.post(reverse("login"), {"username": username, "password": password}, **through_proxy(forwarded_for))


def test_five_wrong_passwords_from_one_visitor_lock_that_visitor_out_even_with_the_right_one(client, partner_a):
    for _ in range(5):
        response = log_in(client, VISITOR_A, "wrong")

    assert response.status_code == 429
    assert log_in(client, VISITOR_A, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_stranger_s_wrong_passwords_do_not_lock_the_account_s_owner_out(client, partner_a):
    for _ in range(5):
        log_in(client, VISITOR_A, "wrong")

    response = log_in(client, VISITOR_B, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(partner_a.pk)


def test_forging_x_forwarded_for_does_not_escape_the_lockout(client, partner_a):
    for number in range(5):
        log_in(client, f"192.0.2.{number}, {VISITOR_A}", "wrong")

    assert log_in(client, f"{VISITOR_B}, {VISITOR_A}", PASSWORD).status_code == 429


def test_without_a_proxy_the_lockout_is_by_username_and_connection_address(client, settings, partner_a):
    settings.TRUSTED_PROXY_COUNT = 0
    for _ in range(5):
        client.post(reverse("login"), {"username": "lyon", "password": "wrong"}, REMOTE_ADDR=VISITOR_A)

    refused = client.post(reverse("login"), {"username": "lyon", "password": PASSWORD}, REMOTE_ADDR=VISITOR_A)
    accepted = client.post(reverse("login"), {"username": "lyon", "password": PASSWORD}, REMOTE_ADDR=VISITOR_B)

    assert (refused.status_code, accepted.status_code) == (429, 302)
