"""Queue a rebuild of the open-data package when published data changes: one build for a burst of edits.

The first change queues a build to run after OPENDATA_REBUILD_DELAY seconds and marks it queued in the cache; the
changes that follow before the build starts find the mark and queue nothing, so the package is rebuilt at most once a
delay under a burst. When tasks run in-process (development, CELERY_TASK_ALWAYS_EAGER), nothing is queued: a build
per saved row would slow every edit and demo load; run `manage.py build_opendata` instead.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .tasks import REBUILD_QUEUED_KEY, package_rebuild

# Every model whose rows or links reach the package.
WATCHED = [
    "cities.City",
    "cities.Duo",
    "cities.Organisation",
    "assessments.Framework",
    "assessments.Category",
    "assessments.RecommendedAction",
    "assessments.Indicator",
    "assessments.Pillar",
    "assessments.Assessment",
    "assessments.CategoryAssessment",
    "assessments.IndicatorValue",
    "assessments.Challenge",
    "assessments.Initiative",
    "workshops.Workshop",
    "workshops.Action",
    "workshops.Milestone",
    "workshops.Infrastructure",
]


def package_rebuild_schedule() -> None:
    """Queue a rebuild once the current transaction commits, unless one is already queued."""
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        transaction.on_commit(_rebuild_queue)


def _rebuild_queue() -> bool:
    """Queue the build after the delay unless one is already queued; return whether this call queued it."""
    delay = settings.OPENDATA_REBUILD_DELAY
    # The mark outlives the countdown: if no worker ever runs the build, a later edit queues a new one.
    if not cache.add(REBUILD_QUEUED_KEY, True, timeout=delay * 3):
        return False
    package_rebuild.apply_async(countdown=delay)
    return True


def _changed(sender, raw=False, **kwargs):
    if raw:  # fixtures being loaded
        return
    package_rebuild_schedule()


def connect() -> None:
    for label in WATCHED:
        model = apps.get_model(label)
        uid = f"opendata-{label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
        for many in model._meta.many_to_many:
            m2m_changed.connect(_changed, sender=many.remote_field.through, dispatch_uid=f"{uid}-{many.name}")
