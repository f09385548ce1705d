"""The bounce webhook takes strict, signed, fresh JSON only: hostile bodies are 4xx, replays count once."""

import json
import time
import uuid

import pytest

from newsletter.models import BounceEvent, Subscriber
from newsletter.webhooks import webhook_signature
from tests.factories import SubscriberFactory

URL = "/newsletter/webhooks/bounces/"
SECRET = "webhook-secret"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET


@pytest.fixture
def reader(db):
    return SubscriberFactory(email="reader@example.org", state=Subscriber.State.SUBSCRIBED)


def event(**fields):
    """Return a valid soft bounce of the reader, with its own id and the current time, updated with `fields`."""
    payload = {"id": uuid.uuid4().hex, "timestamp": int(time.time()), "email": "reader@example.org", "type": "soft"}
    return payload | fields


def post_signed(client, body: bytes):
    """Post a body signed with the right secret: what an attacker holding one signed body, or the secret, can do."""
    return client.post(
        URL, body, content_type="application/json", HTTP_X_LETSFOOD_SIGNATURE=webhook_signature(body, SECRET)
    )


def body_of(payload, raw_number: str = "") -> bytes:
    """Return the JSON of a payload; a `raw_number` replaces the string "RAW" (for numbers json.dumps never writes)."""
    text = json.dumps(payload)
    return text.replace('"RAW"', raw_number).encode() if raw_number else text.encode()


@pytest.mark.parametrize(
    "raw_number", ["NaN", "Infinity", "-Infinity", "1e999999", "-1e999999"], ids=lambda value: value
)
def test_a_signed_body_with_a_number_that_is_not_finite_is_a_bad_request(client, reader, raw_number):
    """Guards defect 8: NaN and 1e999999 parsed into a float the JSON column cannot store (500 on PostgreSQL)."""
    response = post_signed(client, body_of(event(reason="RAW"), raw_number))

    assert response.status_code == 400
    assert "number" in response.json()["error"]
    assert not BounceEvent.objects.exists()


@pytest.mark.parametrize("where", ["value", "key", "email"])
def test_a_signed_body_with_a_nul_character_is_a_bad_request(client, reader, where):
    """Guards defect 8: a \\u0000 in a string reached PostgreSQL's jsonb, which refuses it (500)."""
    payload = {
        "value": event(reason="mailbox\u0000unknown"),
        "key": event(**{"re\u0000ason": "x"}),
        "email": event(email="reader@example.org\u0000"),
    }[where]

    response = post_signed(client, body_of(payload))

    assert response.status_code == 400
    assert not BounceEvent.objects.exists()


def test_a_signed_body_nested_too_deep_is_a_bad_request(client, reader):
    """Guards defect 8: deep nesting made the JSON parser overflow its recursion limit (500)."""
    deep = "[" * 7_000 + "]" * 7_000  # 14 kB: under the size limit, far beyond the recursion limit
    body = json.dumps(event(reason="DEEP")).replace('"DEEP"', deep).encode()

    response = post_signed(client, body)

    assert response.status_code == 400
    assert not BounceEvent.objects.exists()


def test_a_signed_body_a_little_nested_is_refused_beyond_the_depth_limit(client, reader):
    payload = event(reason={"a": {"b": {"c": {"d": {"e": {"f": "too deep"}}}}}})

    assert post_signed(client, body_of(payload)).status_code == 400


def test_a_body_larger_than_the_limit_is_refused(client, reader):
    response = post_signed(client, body_of(event(reason="x" * 100_000)))

    assert response.status_code == 413
    assert not BounceEvent.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": 42}, "email"),
        ({"email": ["reader@example.org"]}, "email"),
        ({"type": ["soft"]}, "type"),
        ({"timestamp": "now"}, "timestamp"),
        ({"timestamp": True}, "timestamp"),
        ({"timestamp": 1.5e300}, "timestamp"),
        ({"id": 7}, "id"),
        ({"id": ""}, "id"),
        ({"id": "x" * 300}, "id"),
        ({"email": "x" * 400 + "@example.org"}, "email"),
    ],
)
def test_a_field_of_the_wrong_type_or_size_is_a_bad_request_that_names_the_field(client, reader, fields, field):
    response = post_signed(client, body_of(event(**fields)))

    assert response.status_code == 400
    assert response.json()["field"] == field
    assert not BounceEvent.objects.exists()


@pytest.mark.parametrize("missing", ["id", "timestamp"])
def test_an_event_without_its_id_or_timestamp_is_a_bad_request(client, reader, missing):
    """Guards defect 8: without an id and a time, a captured signed body could be replayed for ever."""
    payload = event()
    del payload[missing]

    response = post_signed(client, body_of(payload))

    assert response.status_code == 400
    assert response.json()["field"] == missing


@pytest.mark.parametrize("age", [-3600, 3600, 10 * 86400])
def test_an_event_older_or_newer_than_the_window_is_a_bad_request(client, reader, age):
    response = post_signed(client, body_of(event(timestamp=int(time.time()) - age)))

    assert response.status_code == 400
    assert response.json()["field"] == "timestamp"
    assert not BounceEvent.objects.exists()


def test_a_replayed_signed_soft_bounce_is_answered_duplicate_and_not_counted_again(client, reader):
    """Guards defect 8: the same signed soft bounce posted three times counted three times and suppressed the reader."""
    body = body_of(event())

    answers = [post_signed(client, body) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.json()["status"] for answer in answers] == ["recorded", "duplicate", "duplicate"]
    assert BounceEvent.objects.count() == 1
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUBSCRIBED


def test_three_distinct_soft_bounces_still_suppress_the_reader(client, reader):
    for _ in range(3):
        assert post_signed(client, body_of(event())).json()["status"] == "recorded"

    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUPPRESSED


def test_without_the_cache_an_event_is_refused_for_now_and_not_recorded(client, reader, monkeypatch):
    """The replay check needs the cache: without it the provider is told to retry later (503), nothing recorded."""

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("newsletter.webhooks.cache.add", unreachable)

    response = post_signed(client, body_of(event()))

    assert response.status_code == 503
    assert not BounceEvent.objects.exists()
