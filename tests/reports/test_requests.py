"""Requesting and rendering reports is idempotent: one file per report, nothing rendered twice for the same data."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.db import OperationalError
from django.utils import timezone

from assessments.models import CategoryAssessment
from reports import services
from reports.models import Report
from reports.requests import report_request
from reports.services import report_render
from reports.tasks import report_render_task, reports_recover_task
from tests.factories import ReportFactory, UserFactory
from tests.reports.requesting import pdf_files

pytestmark = pytest.mark.usefixtures("tasks_in_process")

BASE_DIR = Path(__file__).resolve().parents[2]


def request_city(city, *, by=None, capture=None, language="en"):
    if capture is None:
        return report_request(kind="city", subject=city.slug, language=language, by=by)
    with capture(execute=True):
        return report_request(kind="city", subject=city.slug, language=language, by=by)


def test_a_requested_report_is_rendered_into_one_pdf_file(rated_city, media, django_capture_on_commit_callbacks):
    report, queued = request_city(rated_city, capture=django_capture_on_commit_callbacks)

    report.refresh_from_db()
    assert queued is True
    assert report.status == Report.Status.DONE
    assert (report.progress, report.attempts) == (100, 1)
    assert report.pages >= 1 and report.size > 1000
    files = pdf_files(media)
    assert [path.name for path in files] == [f"city-annecy-en-{report.pk}.pdf"]
    assert files[0].read_bytes().startswith(b"%PDF")
    assert report.file.name == f"reports/city-annecy-en-{report.pk}.pdf"


def test_running_the_task_twice_leaves_one_file_and_the_first_attempt(rated_city, media):
    report, _ = request_city(rated_city)  # on_commit not run: the task is run by hand below
    report_render_task.apply(args=[report.pk]).get()
    first = pdf_files(media)[0].stat().st_mtime_ns

    report_render_task.apply(args=[report.pk]).get()

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 1
    assert len(pdf_files(media)) == 1
    assert pdf_files(media)[0].stat().st_mtime_ns == first


def test_a_duplicate_delivered_after_the_first_finished_renders_nothing(rated_city, media, monkeypatch):
    report, _ = request_city(rated_city)
    report_render(report_id=report.pk)
    monkeypatch.setattr(services, "html_to_pdf", lambda *args, **kwargs: pytest.fail("rendered twice"))

    again = report_render(report_id=report.pk)

    assert again.status == Report.Status.DONE and again.attempts == 1
    assert len(pdf_files(media)) == 1


def test_a_report_left_rendering_by_a_dead_worker_is_finished_with_one_file(rated_city, media):
    report, _ = request_city(rated_city)
    # The lost worker had started, and even written its file, but never committed: the record knows no file.
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.RENDERING, attempts=1, progress=35, started_at=timezone.now() - timedelta(minutes=1)
    )
    partial = media / "reports" / f"city-annecy-en-{report.pk}.pdf"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(b"%PDF-1.7 half a document")

    report_render_task.apply(args=[report.pk]).get()

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    assert pdf_files(media) == [partial]
    assert partial.stat().st_size == report.size > 100


def test_a_failed_render_records_the_error_and_a_new_request_makes_a_fresh_report(
    rated_city, media, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ValueError("no fonts")

    monkeypatch.setattr(services, "html_to_pdf", broken)
    with pytest.raises(ValueError):
        request_city(rated_city, capture=django_capture_on_commit_callbacks)
    failed = Report.objects.get()
    assert failed.status == Report.Status.FAILED
    assert failed.error == "ValueError: no fonts"
    assert failed.finished_at is not None
    monkeypatch.undo()

    fresh, queued = request_city(rated_city, capture=django_capture_on_commit_callbacks)

    assert queued is True and fresh.pk != failed.pk
    fresh.refresh_from_db()
    assert fresh.status == Report.Status.DONE
    assert len(pdf_files(media)) == 1


def test_a_late_duplicate_of_a_failed_report_leaves_it_failed(rated_city, media):
    report, _ = request_city(rated_city)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.FAILED, error="SoftTimeLimitExceeded: ")

    report_render_task.apply(args=[report.pk]).get()

    report.refresh_from_db()
    assert report.status == Report.Status.FAILED and report.attempts == 0
    assert pdf_files(media) == []


def test_a_transient_failure_is_retried_and_the_report_is_done(rated_city, media, monkeypatch):
    render = services.html_to_pdf
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return render(*args, **kwargs)

    monkeypatch.setattr(services, "html_to_pdf", flaky)
    monkeypatch.setattr(report_render_task, "default_retry_delay", 0)
    report, _ = request_city(rated_city)

    report_render_task.apply(args=[report.pk], throw=False)  # an eager retry runs at once, in apply()

    report.refresh_from_db()
    assert len(calls) == 2
    assert report.status == Report.Status.DONE and report.attempts == 2
    assert len(pdf_files(media)) == 1


def test_a_transient_failure_on_the_last_attempt_fails_the_report(rated_city, media, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("the database is down")

    monkeypatch.setattr(services, "html_to_pdf", down)
    report, _ = request_city(rated_city)

    result = report_render_task.apply(args=[report.pk], retries=2, throw=False)  # the third delivery

    report.refresh_from_db()
    assert result.failed()
    assert report.status == Report.Status.FAILED
    assert report.error == "OperationalError: the database is down"


def test_a_second_request_with_unchanged_data_returns_the_same_report_and_queues_nothing(
    rated_city, media, monkeypatch, django_capture_on_commit_callbacks
):
    first, _ = request_city(rated_city, capture=django_capture_on_commit_callbacks)
    queued = []
    monkeypatch.setattr(report_render_task, "delay", lambda *args: queued.append(args))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second, was_queued = report_request(kind="city", subject=rated_city.slug, language="en")

    assert second.pk == first.pk and was_queued is False
    assert queued == [] and callbacks == []
    assert Report.objects.count() == 1
    assert len(pdf_files(media)) == 1


def test_a_second_request_while_the_first_renders_returns_it(rated_city, media):
    first, _ = request_city(rated_city)  # queued, its task not run yet

    second, queued = request_city(rated_city)

    assert (second.pk, queued) == (first.pk, False)


def test_changed_data_makes_a_new_report(rated_city, media, django_capture_on_commit_callbacks):
    first, _ = request_city(rated_city, capture=django_capture_on_commit_callbacks)
    CategoryAssessment.objects.update(rating=9)

    second, queued = request_city(rated_city, capture=django_capture_on_commit_callbacks)

    assert queued is True and second.pk != first.pk
    assert second.data_hash != first.data_hash
    assert len(pdf_files(media)) == 2  # one per version of the data


def test_each_language_is_its_own_report(rated_city, media, django_capture_on_commit_callbacks):
    english, _ = request_city(rated_city, capture=django_capture_on_commit_callbacks)
    french, queued = request_city(rated_city, capture=django_capture_on_commit_callbacks, language="fr")

    assert queued is True and french.pk != english.pk


def test_the_requester_is_emailed_the_link_when_the_report_is_done(
    rated_city, media, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://letsfood.example"
    user = UserFactory(
        username="camille", email="camille@example.org", first_name="Camille", last_name="Roux", language="fr"
    )

    report, _ = request_city(rated_city, by=user, capture=django_capture_on_commit_callbacks, language="fr")

    report.refresh_from_db()
    assert report.requested_by == user
    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    link = f"https://letsfood.example/fr/reports/{report.pk}/"
    assert "Annecy" in message.subject
    assert "Camille Roux" in message.body and link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html and '<html lang="fr" dir="ltr">' in html


def test_nobody_is_emailed_when_the_requester_is_unknown_or_has_no_address(
    rated_city, media, django_capture_on_commit_callbacks
):
    request_city(rated_city, capture=django_capture_on_commit_callbacks)
    request_city(rated_city, by=UserFactory(email=""), capture=django_capture_on_commit_callbacks, language="fr")

    assert Report.objects.filter(status=Report.Status.DONE).count() == 2
    assert mail.outbox == []


def test_the_recovery_queues_again_a_report_whose_worker_was_lost(rated_city, media, monkeypatch):
    lost, _ = request_city(rated_city)
    Report.objects.filter(pk=lost.pk).update(
        status=Report.Status.RENDERING, attempts=1, started_at=timezone.now() - timedelta(hours=1)
    )
    worn, _ = request_city(rated_city, language="fr")
    Report.objects.filter(pk=worn.pk).update(
        status=Report.Status.RENDERING, attempts=3, started_at=timezone.now() - timedelta(hours=1)
    )
    queued = []
    monkeypatch.setattr(report_render_task, "delay", lambda pk: queued.append(pk))

    with pytest.MonkeyPatch.context():
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            recovered = reports_recover_task.apply().get()

    assert recovered == queued == [lost.pk]
    worn.refresh_from_db()
    assert worn.status == Report.Status.FAILED and "stopped responding" in worn.error


def test_the_recovery_leaves_a_report_that_is_still_rendering_in_time(rated_city, media, monkeypatch):
    report, _ = request_city(rated_city)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING, attempts=1, started_at=timezone.now())

    assert reports_recover_task.apply().get() == []


def test_a_task_for_a_deleted_report_does_nothing(rated_city, media):
    report, _ = request_city(rated_city)
    Report.objects.filter(pk=report.pk).delete()

    assert report_render_task.apply(args=[report.pk]).get() is None
    assert pdf_files(media) == []


def test_report_files_go_to_s3_compatible_storage_when_a_bucket_is_named():
    """The settings read at start-up, in a fresh process: the storage and the URLs it gives the report pages."""
    script = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__module__, s.url('reports/city-lyon-en-1.pdf'))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "letsfood.settings",
        "AWS_STORAGE_BUCKET_NAME": "letsfood-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr
    module, url = result.stdout.split()
    assert module == "storages.backends.s3"
    assert url.startswith("https://s3.example.org/letsfood-media/reports/city-lyon-en-1.pdf?")
    assert "Signature=" in url  # a private bucket: signed, expiring links


def test_a_rendering_whose_heartbeat_stopped_a_minute_ago_is_taken_over_and_a_live_one_is_not(
    rated_city, media, monkeypatch
):
    now = timezone.now()
    silent, _ = request_city(rated_city)
    Report.objects.filter(pk=silent.pk).update(
        status=Report.Status.RENDERING,
        attempts=1,
        started_at=now - timedelta(minutes=2),
        heartbeat_at=now - timedelta(seconds=70),
    )
    alive, _ = request_city(rated_city, language="fr")  # a long rendering, started long ago, still beating
    Report.objects.filter(pk=alive.pk).update(
        status=Report.Status.RENDERING,
        attempts=1,
        started_at=now - timedelta(minutes=30),
        heartbeat_at=now - timedelta(seconds=15),
    )
    queued = []
    monkeypatch.setattr(report_render_task, "delay", lambda pk: queued.append(pk))
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        recovered = reports_recover_task.apply().get()
    with TestCase.captureOnCommitCallbacks(execute=True):
        recovered_again = reports_recover_task.apply().get()  # the next sweep leaves it to the queued task

    assert recovered == queued == [silent.pk]
    assert recovered_again == []


def test_the_beat_sweeps_for_lost_renderings_often_enough_to_take_one_over_within_two_minutes(settings):
    from reports.services import HEARTBEAT_SECONDS
    from reports.tasks import HEARTBEAT_STALE_AFTER

    sweep = settings.CELERY_BEAT_SCHEDULE["reports-recover-stale"]["schedule"]
    assert HEARTBEAT_STALE_AFTER.total_seconds() >= HEARTBEAT_SECONDS * 3  # a live rendering never looks lost
    assert HEARTBEAT_STALE_AFTER.total_seconds() + sweep < 120


def test_a_rendering_renews_its_heartbeat_while_it_runs(transactional_db, rated_city, media):
    import time

    from reports.services import report_heartbeat

    report = ReportFactory()
    long_ago = timezone.now() - timedelta(minutes=5)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING, heartbeat_at=long_ago)

    with report_heartbeat(report.pk, every=0.05):
        time.sleep(0.5)

    report.refresh_from_db()
    assert report.heartbeat_at > long_ago + timedelta(minutes=4)


def test_the_task_renders_the_data_the_request_hashed_without_building_it_again(
    rated_city, media, monkeypatch, django_capture_on_commit_callbacks
):
    built = []
    build = services.report_data

    def counting_build(**kwargs):
        built.append(kwargs["subject"])
        return build(**kwargs)

    monkeypatch.setattr(services, "report_data", counting_build)
    report, _ = request_city(rated_city, capture=django_capture_on_commit_callbacks)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert built == ["annecy"]


def test_a_task_that_finds_no_data_waiting_builds_it_again(rated_city, media):
    from django.core.cache import cache

    report, _ = request_city(rated_city)  # on_commit not run: the task is run by hand below
    cache.clear()  # evicted, or Redis restarted

    report_render_task.apply(args=[report.pk]).get()

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.pages >= 1
