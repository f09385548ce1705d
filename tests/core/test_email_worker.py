"""A real Celery worker, started as in production, sends the email a web process queues through Redis."""

import io
import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from django.core.management import call_command

from letsfood.celery import app

BASE_DIR = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
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
    """A `celery -A letsfood worker` process against REDIS_URL, writing emails as files; always stopped."""
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.core.worker_settings",
        "PYTHONPATH": str(BASE_DIR),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "TEST_EMAIL_FILE_PATH": str(outbox),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    log = (tmp_path / "worker.log").open("w+")
    process = subprocess.Popen(
        [CELERY, "-A", "letsfood", "worker", "--pool=solo", "--concurrency=1", "--loglevel=INFO", "--without-gossip"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield outbox, process, log
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def wait_for_email(outbox: Path, process, log) -> Path:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        files = sorted(outbox.glob("*.log"))
        if files and files[0].stat().st_size:
            time.sleep(0.2)  # the backend writes the message in one go; let it close the file
            return files[0]
        if process.poll() is not None:
            break
        time.sleep(0.25)
    log.seek(0)
    pytest.fail(f"no email written within {WAIT_SECONDS} s; worker log:\n{log.read()[-5000:]}")


@pytest.mark.services
def test_send_test_email_is_delivered_by_a_real_worker(settings, worker):
    outbox, process, log = worker
    settings.SITE_URL = "https://letsfood.example"
    assert settings.CELERY_TASK_ALWAYS_EAGER is False
    assert app.conf.task_always_eager is False

    call_command("send_test_email", "--to", "ops@letsfood.example", "--language", "fr", stdout=io.StringIO())

    message = message_from_bytes(wait_for_email(outbox, process, log).read_bytes().split(b"\n" + b"-" * 79)[0])
    assert message["To"] == "ops@letsfood.example"
    assert message["Subject"]
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }
    assert "https://letsfood.example" in parts["text/plain"]
    assert '<html lang="fr" dir="ltr">' in parts["text/html"]
