"""The API is open to other sites for reading, and limits how often one client calls it."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from letsfood.settings import env_rate

pytestmark = pytest.mark.django_db


def test_an_anonymous_caller_over_the_limit_gets_429_with_retry_after(anonymous, settings):
    settings.API_ANON_THROTTLE_RATE = "3/minute"

    answers = [anonymous.get("/api/cities/") for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert int(answers[-1]["Retry-After"]) > 0
    assert "throttled" in answers[-1].json()["detail"]


def test_anonymous_callers_behind_the_proxy_are_counted_per_visitor(anonymous, settings):
    settings.API_ANON_THROTTLE_RATE = "1/minute"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    first = anonymous.get("/api/cities/", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    again = anonymous.get("/api/cities/", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", **proxy)  # forged left
    other = anonymous.get("/api/cities/", HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy)

    assert [first.status_code, again.status_code, other.status_code] == [200, 429, 200]


def test_a_signed_in_caller_is_counted_per_account_not_per_address(client, settings, partner_a, partner_b):
    settings.API_USER_THROTTLE_RATE = "2/minute"

    client.force_login(partner_a)
    first = [client.get("/api/cities/").status_code for _ in range(3)]
    client.force_login(partner_b)
    second = client.get("/api/cities/").status_code

    assert first == [200, 200, 429]
    assert second == 200


def test_the_api_is_read_when_the_cache_is_unreachable(anonymous, settings, monkeypatch):
    from django.core.cache.backends.redis import RedisCache

    from core.throttling import AnonymousApiThrottle

    settings.API_ANON_THROTTLE_RATE = "1/minute"
    unreachable = RedisCache(
        "redis://127.0.0.1:1/0",  # nothing listens there
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )
    monkeypatch.setattr(AnonymousApiThrottle, "cache", unreachable)

    answers = [anonymous.get("/api/cities/").status_code for _ in range(3)]

    assert answers == [200, 200, 200]


def test_other_sites_may_read_the_api_without_cookies(anonymous):
    response = anonymous.get("/api/cities/", HTTP_ORIGIN="https://data.example.org")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_other_sites_may_not_write_through_the_api(anonymous):
    preflight = anonymous.options(
        "/api/reports/",
        HTTP_ORIGIN="https://data.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )

    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")


def test_pages_outside_the_api_send_no_cors_header(anonymous):
    response = anonymous.get("/en/", HTTP_ORIGIN="https://data.example.org")

    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("raw", ["300", "many/minute", "10/week", "-1/second"])
def test_a_malformed_rate_is_a_configuration_error(monkeypatch, raw):
    monkeypatch.setenv("API_ANON_THROTTLE_RATE", raw)

    with pytest.raises(ImproperlyConfigured, match="API_ANON_THROTTLE_RATE"):
        env_rate("API_ANON_THROTTLE_RATE", "300/minute")
