"""A real Celery worker killed in the middle of a rendering: once another worker takes the task over, the report is
done with exactly one record and one file, and asking again for the same data renders nothing."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from letsfood.celery import app
from reports.models import Report
from reports.services import report_request
from reports.tasks import report_render_task
from tests.dashboards.data import SIZES, duo_with_data
from tests.reports.requesting import pdf_files
from tests.reports.worker_settings import CELERY_BROKER_TRANSPORT_OPTIONS

BASE_DIR = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
VISIBILITY_TIMEOUT = CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]


def worker_environment(media: Path, *, progress_sleep: float = 0, **environment: str) -> dict:
    database = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reports.worker_settings",
        "PYTHONPATH": str(BASE_DIR),
        "DATABASE_URL": f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}",
        "MEDIA_ROOT": str(media),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "TEST_REPORT_PROGRESS_SLEEP": str(progress_sleep),
        **environment,
    }


def start_worker(
    tmp_path: Path, media: Path, name: str, *, progress_sleep: float = 0, **environment: str
) -> subprocess.Popen:
    """Start a `celery -A letsfood worker` in its own process group, rendering into `media`."""
    log = (tmp_path / f"{name}.log").open("w")
    return subprocess.Popen(
        [CELERY, "-A", "letsfood", "worker", "--pool=solo", "--loglevel=INFO", "--without-gossip", "-n", f"{name}@%h"],
        cwd=BASE_DIR,
        env=worker_environment(media, progress_sleep=progress_sleep, **environment),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)


def wait_until(condition, *, seconds: float, what: str, tmp_path: Path):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    logs = "\n".join(path.read_text()[-3000:] for path in tmp_path.glob("*.log"))
    pytest.fail(f"{what} not within {seconds} s; worker logs:\n{logs}")


@pytest.mark.services
def test_a_worker_killed_mid_render_leaves_one_report_and_one_file(transactional_db, tmp_path, settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only")
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    duo_with_data(name="worker", **SIZES["large"])  # the compilation of a duo of two cities with a lot of data
    document = {"kind": "compilation", "subject": "", "language": "en"}

    app.control.purge()  # tasks another run left in the queue would name reports of another database
    first = start_worker(tmp_path, media, "first", progress_sleep=4)
    try:
        report, queued = report_request(**document)  # autocommit: the task reaches Redis at once
        assert queued
        wait_until(
            lambda: Report.objects.filter(pk=report.pk, status=Report.Status.RENDERING, progress__gte=20).exists(),
            seconds=60,
            what="the rendering under way",
            tmp_path=tmp_path,
        )
    finally:
        stop(first, signal.SIGKILL)
    report.refresh_from_db()
    assert report.status == Report.Status.RENDERING and report.attempts == 1
    # Redis hands the unacknowledged task to another worker once it has waited for the visibility timeout (5 s in
    # worker_settings). Kombu looks for such tasks when a worker starts and then only every 100 s: start the second
    # worker once the timeout has passed, as a restarted production worker would find it.
    time.sleep(max(0, VISIBILITY_TIMEOUT + 1 - (timezone.now() - report.started_at).total_seconds()))

    second = start_worker(tmp_path, media, "second")
    try:
        wait_until(
            lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE,
            seconds=90,
            what="the report done",
            tmp_path=tmp_path,
        )
        report.refresh_from_db()
        files = pdf_files(media)
        assert Report.objects.filter(**document).count() == 1
        assert files == [media / report.file.name]
        assert report.attempts == 2
        assert files[0].stat().st_size == report.size and report.pages > 1
        written = files[0].stat().st_mtime_ns

        queued_again = []
        monkeypatch.setattr(report_render_task, "delay", lambda *args: queued_again.append(args))
        again, queued = report_request(**document)
        time.sleep(2)  # a task queued by mistake would have had time to rewrite the file
    finally:
        stop(second)

    assert (again.pk, queued, queued_again) == (report.pk, False, [])
    assert Report.objects.filter(**document).count() == 1
    assert pdf_files(media) == files and files[0].stat().st_mtime_ns == written


def start_beat(tmp_path: Path, media: Path, **environment: str) -> subprocess.Popen:
    """Start `celery -A letsfood beat` with the platform's schedule, in its own process group."""
    log = (tmp_path / "beat.log").open("w")
    return subprocess.Popen(
        [CELERY, "-A", "letsfood", "beat", "--loglevel=INFO", "-s", str(tmp_path / "beat-schedule")],
        cwd=BASE_DIR,
        env=worker_environment(media, **environment),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


TAKEN_OVER_WITHIN = 120  # seconds from the worker's death to another worker rendering the report


@pytest.mark.services
def test_a_rendering_whose_worker_died_is_taken_over_within_two_minutes(transactional_db, tmp_path, settings):
    """Production's broker settings (a visibility timeout above the longest task, so no early redelivery): the
    beat's sweep finds the rendering's heartbeat stopped and queues it again; another worker renders it once."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only")
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    duo_with_data(name="takeover", **SIZES["small"])
    document = {"kind": "compilation", "subject": "", "language": "en"}
    production = {"TEST_PRODUCTION_VISIBILITY": "1"}

    app.control.purge()
    first = start_worker(tmp_path, media, "first", progress_sleep=4, **production)
    beat = start_beat(tmp_path, media, **production)
    second = None
    try:
        report, queued = report_request(**document)
        assert queued
        wait_until(
            lambda: Report.objects.filter(pk=report.pk, status=Report.Status.RENDERING, progress__gte=20).exists(),
            seconds=60,
            what="the rendering under way",
            tmp_path=tmp_path,
        )
        stop(first, signal.SIGKILL)
        killed_at = time.monotonic()
        second = start_worker(tmp_path, media, "second", **production)  # the worker restarted, as in production
        wait_until(
            lambda: Report.objects.filter(pk=report.pk, attempts__gte=2).exists(),
            seconds=TAKEN_OVER_WITHIN + 30,
            what="the rendering taken over",
            tmp_path=tmp_path,
        )
        taken_over_after = time.monotonic() - killed_at
        wait_until(
            lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE,
            seconds=90,
            what="the report done",
            tmp_path=tmp_path,
        )
    finally:
        for process in (first, second, beat):
            if process is not None:
                stop(process)

    print(f"\ntaken over {taken_over_after:.0f} s after the worker was killed")
    assert taken_over_after < TAKEN_OVER_WITHIN
    report.refresh_from_db()
    assert Report.objects.filter(**document).count() == 1
    assert report.attempts == 2
    assert pdf_files(media) == [media / report.file.name]
