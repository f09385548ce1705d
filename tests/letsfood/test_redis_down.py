"""With Redis unreachable (the cache and the broker), public pages are served from the database, the forms that
send emails or start a rendering close with a clear message, and /healthz/ says so at once."""

import runpy
import time
from pathlib import Path

import pytest
from django.urls import reverse

from core.cache import cache_degraded, cache_health_reset
from letsfood.celery import app
from newsletter.models import Subscriber
from newsletter.services import topics_sync
from reports.models import Report
from tests.dashboards.data import SIZES, duo_with_data

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "letsfood" / "settings.py"
NOTHING_LISTENS = "redis://127.0.0.1:1/0"  # a port nothing listens on: every connection is refused


@pytest.fixture
def redis_down(settings, monkeypatch):
    """The production settings of the cache and the broker (REDIS_URL set), pointed at a Redis that refuses."""
    monkeypatch.setenv("REDIS_URL", NOTHING_LISTENS)
    production = runpy.run_path(str(SETTINGS_FILE))
    settings.CACHES = production["CACHES"]
    settings.RATELIMIT_ENABLE = True
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setitem(app.conf, "broker_url", NOTHING_LISTENS)
    monkeypatch.setitem(app.conf, "broker_write_url", NOTHING_LISTENS)
    monkeypatch.setitem(app.conf, "broker_transport_options", production["CELERY_BROKER_TRANSPORT_OPTIONS"])
    cache_health_reset()
    yield production
    cache_health_reset()


@pytest.fixture
def duo(db):
    return duo_with_data(name="down", **SIZES["small"])


def test_production_talks_to_redis_with_timeouts_under_a_second(redis_down):
    options = redis_down["CACHES"]["default"]["OPTIONS"]
    assert 0 < options["socket_connect_timeout"] < 1 and 0 < options["socket_timeout"] < 1
    assert 0 < redis_down["CELERY_BROKER_TRANSPORT_OPTIONS"]["socket_connect_timeout"] <= 1


def test_public_pages_are_served_from_the_database_when_redis_is_down(client, redis_down, duo):
    city = duo.french_city
    pages = [
        reverse("home"),
        reverse("cities:city-list"),
        reverse("city-detail", kwargs={"slug": city.slug}),
        reverse("cities:duo-list"),
        reverse("cities:duo-detail", kwargs={"slug": duo.slug}),
        reverse("duo-dashboard", kwargs={"slug": duo.slug}),
        reverse("assessments:library"),
        reverse("network-overview"),
        reverse("newsletter:subscribe"),
        reverse("report-compilation"),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    assert duo.french_city.name in client.get(reverse("duo-dashboard", kwargs={"slug": duo.slug})).content.decode()
    assert cache_degraded()


def test_subscriptions_close_with_a_clear_message_when_redis_is_down(client, redis_down, db):
    topics_sync()
    data = {"email": "reader@example.org", "language": "en", "topics": ["programme"], "consent": "on"}

    response = client.post(reverse("newsletter:subscribe"), data)

    assert response.status_code == 503
    assert "Subscriptions are closed for a moment" in response.content.decode()
    assert response["Retry-After"]
    assert not Subscriber.objects.exists()


def test_report_requests_answer_503_with_a_clear_message_when_redis_is_down(client, redis_down, duo):
    page = client.post(reverse("report-request"), {"kind": "duo", "subject": duo.slug})
    api = client.post("/api/reports/", {"kind": "duo", "subject": duo.slug, "language": "en"})

    assert page.status_code == 503
    assert "Reports cannot be requested for a moment" in page.content.decode()
    assert api.status_code == 503
    assert "Reports cannot be requested for a moment" in api.json()["detail"]
    assert not Report.objects.exists()


def test_healthz_reports_the_cache_and_the_broker_down_within_a_second(client, redis_down, db):
    started = time.monotonic()
    response = client.get("/healthz/")
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"]["status"].startswith("ok")
    assert checks["cache"]["status"] == "error" and checks["broker"]["status"] == "error"
    assert elapsed < 1, f"/healthz/ took {elapsed:.2f} s"


def test_the_cache_is_tried_again_a_few_seconds_after_it_failed(client, redis_down, duo, monkeypatch):
    from core import cache as fail_safe

    client.get(reverse("home"))
    assert cache_degraded()

    later = time.monotonic() + fail_safe.RETRY_AFTER + 1
    monkeypatch.setattr(fail_safe.time, "monotonic", lambda: later)

    assert not cache_degraded()
