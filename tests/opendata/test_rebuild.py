"""Rebuilding the package: by the worker after published data changes, once for a burst of edits; dated releases."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from assessments.models import Assessment
from opendata import tasks
from opendata.models import OpenDataRelease
from opendata.services import RELEASES_KEPT, release_build
from tests.factories import AssessmentFactory, FrameworkFactory

from .world import package_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings, monkeypatch):
    """Tasks go to a worker (not in-process); record what is queued instead of sending it."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.OPENDATA_REBUILD_DELAY = 60
    calls = []
    monkeypatch.setattr(tasks.package_rebuild, "apply_async", lambda **options: calls.append(options))
    return calls


def test_a_burst_of_edits_queues_one_build_a_minute_later(duo_a, queued, django_capture_on_commit_callbacks):
    framework = FrameworkFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assessment = AssessmentFactory(city=duo_a.french_city, framework=framework)
        for year in range(2020, 2030):
            assessment.year = year
            assessment.save()

    assert queued == [{"countdown": 60}]


def test_edits_after_the_build_started_queue_the_next_build(duo_a, queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        duo_a.french_city.save()
    tasks.package_rebuild()  # the worker runs the queued build
    with django_capture_on_commit_callbacks(execute=True):
        duo_a.partner_city.save()

    assert queued == [{"countdown": 60}, {"countdown": 60}]


def test_nothing_is_queued_before_the_transaction_commits(duo_a, queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        duo_a.save()

    assert queued == []
    assert len(callbacks) == 1


def test_tasks_in_process_queue_no_build_per_saved_row(
    duo_a, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    calls = []
    monkeypatch.setattr(tasks.package_rebuild, "apply_async", lambda **options: calls.append(options))
    with django_capture_on_commit_callbacks(execute=True):
        duo_a.save()

    assert calls == []


def test_publishing_an_assessment_is_in_the_package_the_worker_builds_next(
    duo_a, queued, django_capture_on_commit_callbacks
):
    assessment = AssessmentFactory(city=duo_a.french_city, framework=FrameworkFactory(), status="in_review")
    tasks.package_rebuild()
    first = OpenDataRelease.objects.latest_first().first()

    with django_capture_on_commit_callbacks(execute=True):
        assessment.status = Assessment.Status.PUBLISHED
        assessment.save()
    assert queued[-1] == {"countdown": 60}
    tasks.package_rebuild()

    latest = OpenDataRelease.objects.latest_first().first()
    assert latest != first
    assert assessment.slug not in _assessment_slugs(first)
    assert assessment.slug in _assessment_slugs(latest)


def _assessment_slugs(release) -> set[str]:
    return {row["slug"] for row in package_csv(Path(settings.MEDIA_ROOT) / release.files["zip"], "assessments")}


def test_a_release_is_dated_and_records_its_files_sizes_and_checksum(duo_a):
    release = release_build()

    root = Path(settings.MEDIA_ROOT)
    assert set(release.files) == {"zip", "xlsx", "geojson"}
    for kind, name in release.files.items():
        assert re.match(rf"^opendata/letsfood-opendata-\d{{4}}-\d\d-\d\dT\d{{6}}Z(-\d+)?\.{kind}$", name), name
        assert (root / name).stat().st_size == release.sizes[kind] > 0
    assert len(release.checksum) == 64


def test_old_releases_are_dropped_with_their_files(duo_a):
    releases = [release_build() for _ in range(RELEASES_KEPT + 1)]

    assert OpenDataRelease.objects.count() == RELEASES_KEPT
    oldest, newest = releases[0], releases[-1]
    assert not OpenDataRelease.objects.filter(pk=oldest.pk).exists()
    assert not any((Path(settings.MEDIA_ROOT) / name).exists() for name in oldest.files.values())
    assert all((Path(settings.MEDIA_ROOT) / name).exists() for name in newest.files.values())
    assert len({release.files["zip"] for release in releases}) == len(releases)  # same second, distinct files


def test_the_build_opendata_command_builds_a_release(duo_a):
    out = io.StringIO()
    call_command("build_opendata", stdout=out)

    assert OpenDataRelease.objects.count() == 1
    assert ".zip" in out.getvalue() and ".geojson" in out.getvalue()
