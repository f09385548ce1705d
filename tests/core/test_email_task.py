"""The email task sends a template-triplet email, retries transient SMTP failures a bounded number of times."""

import smtplib

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.template import TemplateDoesNotExist

from core import tasks
from core.tasks import email_send_task

ARGUMENTS = {
    "name": "test-message",
    "to": ["ops@letsfood.example"],
    "context": {"site_url": "https://letsfood.example", "queued_at": "2026-01-01T10:00:00+01:00"},
}


@pytest.fixture(autouse=True)
def _in_process(tasks_in_process):
    """These tests exercise the task body and its retry policy, not the broker."""


def send(**overrides):
    return email_send_task.delay(**{**ARGUMENTS, **overrides})


def test_email_task_sends_the_three_parts_of_the_email():
    send()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ops@letsfood.example"]
    assert message.subject
    assert "\n" not in message.subject
    assert "https://letsfood.example" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en" dir="ltr">' in html
    assert 'href="https://letsfood.example"' in html


def test_email_task_renders_in_the_language_asked():
    send(language="fr")

    assert '<html lang="fr" dir="ltr">' in mail.outbox[0].alternatives[0][0]


def test_email_task_acknowledges_late_as_the_settings_say():
    assert email_send_task.acks_late is True
    assert email_send_task.reject_on_worker_lost is True


def failing_smtp(calls):
    def email_send(*args, **kwargs):
        calls.append(args)
        raise smtplib.SMTPServerDisconnected("connection lost")

    return email_send


def test_email_task_asks_to_be_retried_later_on_a_transient_smtp_failure(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "email_send", failing_smtp(calls))

    with pytest.raises(Retry) as retry:
        email_send_task.apply(kwargs=ARGUMENTS)

    assert isinstance(retry.value.exc, smtplib.SMTPServerDisconnected)
    assert 0 <= retry.value.when <= email_send_task.retry_backoff
    assert len(calls) == 1


def test_email_task_asks_for_a_retry_until_the_last_one(monkeypatch):
    monkeypatch.setattr(tasks, "email_send", failing_smtp([]))

    with pytest.raises(Retry):
        email_send_task.apply(kwargs=ARGUMENTS, retries=email_send_task.max_retries - 1)


def test_email_task_gives_up_after_a_bounded_number_of_retries(monkeypatch):
    monkeypatch.setattr(tasks, "email_send", failing_smtp([]))

    with pytest.raises(smtplib.SMTPServerDisconnected):
        email_send_task.apply(kwargs=ARGUMENTS, retries=email_send_task.max_retries)

    assert email_send_task.max_retries == 5
    assert mail.outbox == []


def test_email_task_does_not_retry_a_missing_template(monkeypatch):
    calls = []
    real_send = tasks.email_send

    def counting_send(*args, **kwargs):
        calls.append(args)
        return real_send(*args, **kwargs)

    monkeypatch.setattr(tasks, "email_send", counting_send)

    with pytest.raises(TemplateDoesNotExist):
        send(name="no-such-email")

    assert len(calls) == 1
