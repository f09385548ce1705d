"""`send_test_email` queues the test message through Celery (in-process here, as tasks are eager without Redis)."""

import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from core.tasks import email_send_task


@pytest.fixture(autouse=True)
def _in_process(tasks_in_process):
    """The command queues the task; here it runs in the test process (a real worker is tested in tests/core)."""


def send_test_email(*args):
    output = io.StringIO()
    call_command("send_test_email", *args, stdout=output)
    return output.getvalue()


def test_send_test_email_sends_one_message_to_the_address(settings):
    settings.SITE_URL = "https://letsfood.example"

    send_test_email("--to", "ops@letsfood.example")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@letsfood.example"]
    assert "https://letsfood.example" in mail.outbox[0].body


def test_send_test_email_goes_through_the_celery_task(monkeypatch):
    queued = []
    monkeypatch.setattr(email_send_task, "delay", lambda **kwargs: queued.append(kwargs) or type("R", (), {"id": "x"}))

    send_test_email("--to", "ops@letsfood.example", "--language", "fr")

    assert len(queued) == 1
    assert queued[0]["name"] == "test-message"
    assert queued[0]["to"] == ["ops@letsfood.example"]
    assert queued[0]["language"] == "fr"
    assert mail.outbox == []


def test_send_test_email_in_french_renders_a_french_page_language():
    send_test_email("--to", "ops@letsfood.example", "--language", "fr")

    assert '<html lang="fr" dir="ltr">' in mail.outbox[0].alternatives[0][0]


def test_send_test_email_refuses_a_malformed_address():
    with pytest.raises(CommandError):
        send_test_email("--to", "not-an-address")

    assert mail.outbox == []


def test_send_test_email_needs_an_address():
    with pytest.raises(CommandError):
        send_test_email()
