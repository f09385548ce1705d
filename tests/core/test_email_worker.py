"""A real Celery worker, started as in production, sends the email a web process queues through Redis."""

import io
import os
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from django.core.management import call_command

from letsfood.celery import app
from tests.workers import BASE_DIR, fail_with_logs, start_worker, stop, wait_until

WAIT_SECONDS = 60


def test_the_worker_registers_the_email_task():
    """A worker runs only the tasks it discovers in the installed apps; ask a fresh process, as a worker starts."""
    script = (
        "from letsfood.celery import app; import django; django.setup(); "
        "app.loader.import_default_modules(); print('\\n'.join(sorted(app.tasks)))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "letsfood.settings"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr
    assert "core.tasks.email_send_task" in result.stdout.split()


@pytest.fixture
def worker(tmp_path):
    """A Celery worker against REDIS_URL, writing emails as files into tmp_path/outbox; always stopped."""
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    process = start_worker(
        tmp_path,
        "worker",
        settings_module="tests.core.worker_settings",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        TEST_EMAIL_FILE_PATH=str(outbox),
    )
    try:
        yield outbox, process
    finally:
        stop(process)


def wait_for_email(outbox: Path, process, tmp_path: Path) -> Path:
    def written() -> bool:
        files = sorted(outbox.glob("*.log"))
        return bool(files and files[0].stat().st_size) or process.poll() is not None

    wait_until(written, seconds=WAIT_SECONDS, what="an email written", tmp_path=tmp_path)
    if process.poll() is not None:
        fail_with_logs("the worker stopped before writing the email", tmp_path)
    time.sleep(0.2)  # the backend writes the message in one go; let it close the file
    return sorted(outbox.glob("*.log"))[0]


@pytest.mark.services
def test_send_test_email_is_delivered_by_a_real_worker(settings, worker, tmp_path):
    outbox, process = worker
    settings.SITE_URL = "https://letsfood.example"
    assert settings.CELERY_TASK_ALWAYS_EAGER is False
    assert app.conf.task_always_eager is False

    call_command("send_test_email", "--to", "ops@letsfood.example", "--language", "fr", stdout=io.StringIO())

    message = message_from_bytes(wait_for_email(outbox, process, tmp_path).read_bytes().split(b"\n" + b"-" * 79)[0])
    assert message["To"] == "ops@letsfood.example"
    assert message["Subject"]
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }
    assert "https://letsfood.example" in parts["text/plain"]
    assert '<html lang="fr" dir="ltr">' in parts["text/html"]
