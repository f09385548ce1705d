"""Fixtures of the subscription tests: topics as the platform ships them, and a visitor who subscribes."""

import pytest
from django.core.cache import cache

from newsletter.services import topics_sync

from .subscribing import IP


@pytest.fixture
def newsletter(db, settings, tasks_in_process, duo_a, consent_text):
    """Topics as load_reference creates them (the programme, one per duo), the consent text, tasks in process, a fresh
    cache."""
    settings.RATELIMIT_ENABLE = False
    cache.clear()
    topics_sync()
    yield
    cache.clear()


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """Post the subscription form, running what waits for the commit (the emails), and return the response."""

    def post(email, *, language="en", topics=("programme",), page="/en/newsletter/", using=None, **fields):
        headers = {name: value for name, value in fields.items() if name.startswith("HTTP_")}
        fields = {name: value for name, value in fields.items() if name not in headers}
        data = {"email": email, "language": language, "topics": list(topics), "consent": "on", **fields}
        with django_capture_on_commit_callbacks(execute=True):
            return (using or client).post(page, data, REMOTE_ADDR=IP, **headers)

    return post
