"""The health check reports the database, the cache and the Celery broker, and fails loudly when one is down."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_every_service_answers(anonymous):
    response = anonymous.get("/healthz/")

    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "cache", "broker"}
    for name, check in data["checks"].items():
        assert check["status"].startswith("ok"), name


def test_healthz_is_never_cached(anonymous):
    response = anonymous.get("/healthz/")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_answers_outside_the_language_prefix(anonymous):
    assert anonymous.get("/healthz/", headers={"accept-language": "fr"}).status_code == 200


def test_a_cache_that_loses_what_it_is_given_makes_healthz_fail(anonymous, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = anonymous.get("/healthz/")

    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "error"
    assert data["checks"]["cache"]["status"] == "error"
    assert data["checks"]["cache"]["error"] == "RuntimeError"
    assert data["checks"]["database"]["status"].startswith("ok")


def test_an_unreachable_cache_makes_healthz_fail(anonymous, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }

    response = anonymous.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["status"] == "error"
    assert response.json()["checks"]["database"]["status"].startswith("ok")


def test_an_unreachable_broker_makes_healthz_fail(anonymous, settings, monkeypatch):
    from letsfood.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    connect = app.connection_for_write
    monkeypatch.setattr(app, "connection_for_write", lambda *args, **kwargs: connect("redis://127.0.0.1:9/0"))

    response = anonymous.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["status"] == "error"
    assert response.json()["checks"]["database"]["status"].startswith("ok")


def test_favicon_ico_leads_to_the_platform_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
    assert client.get("/en/", follow=False).content.decode().count('rel="icon" href="/static/img/favicon.svg"') == 1
