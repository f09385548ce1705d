"""A real Celery worker killed in the middle of a rendering: once another worker takes the task over, the report is
done with exactly one record and one file, and asking again for the same data renders nothing."""

import signal
import time
from pathlib import Path

import pytest
from django.utils import timezone

from letsfood.celery import app
from reports.models import Report
from reports.requests import report_request
from reports.tasks import report_render_task
from tests.dashboards.data import SIZES, duo_with_data
from tests.reports.requesting import pdf_files
from tests.reports.worker_settings import CELERY_BROKER_TRANSPORT_OPTIONS
from tests.workers import requires_postgresql, start_beat, start_worker, stop, wait_until

VISIBILITY_TIMEOUT = CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
SETTINGS = "tests.reports.worker_settings"


def start_renderer(tmp_path: Path, media: Path, name: str, *, progress_sleep: float = 0, **environment: str):
    """Start a worker rendering into `media`, each progress step slowed by `progress_sleep` seconds."""
    return start_worker(
        tmp_path,
        name,
        settings_module=SETTINGS,
        MEDIA_ROOT=str(media),
        TEST_REPORT_PROGRESS_SLEEP=str(progress_sleep),
        **environment,
    )


@pytest.mark.services
def test_a_worker_killed_mid_render_leaves_one_report_and_one_file(transactional_db, tmp_path, settings, monkeypatch):
    requires_postgresql()
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    duo_with_data(name="worker", **SIZES["large"])  # the compilation of a duo of two cities with a lot of data
    document = {"kind": "compilation", "subject": "", "language": "en"}

    app.control.purge()  # tasks another run left in the queue would name reports of another database
    first = start_renderer(tmp_path, media, "first", progress_sleep=4)
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

    second = start_renderer(tmp_path, media, "second")
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


TAKEN_OVER_WITHIN = 120  # seconds from the worker's death to another worker rendering the report


@pytest.mark.services
def test_a_rendering_whose_worker_died_is_taken_over_within_two_minutes(transactional_db, tmp_path, settings):
    """Production's broker settings (a visibility timeout above the longest task, so no early redelivery): the
    beat's sweep finds the rendering's heartbeat stopped and queues it again; another worker renders it once."""
    requires_postgresql()
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    duo_with_data(name="takeover", **SIZES["small"])
    document = {"kind": "compilation", "subject": "", "language": "en"}
    production = {"TEST_PRODUCTION_VISIBILITY": "1"}

    app.control.purge()
    first = start_renderer(tmp_path, media, "first", progress_sleep=4, **production)
    beat = start_beat(tmp_path, settings_module=SETTINGS, MEDIA_ROOT=str(media), **production)
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
        second = start_renderer(tmp_path, media, "second", **production)  # the worker restarted, as in production
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
