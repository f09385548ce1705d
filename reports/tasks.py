"""Celery tasks of the reports: thin, taking ids, safe to run twice."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Report
from .services import TRANSIENT_ERRORS, report_render

logger = logging.getLogger(__name__)

# A report still 'rendering' this long after it started has lost its worker: no task outlives its hard time limit.
STALE_AFTER = timedelta(seconds=settings.CELERY_TASK_LONGEST_SECONDS + 60)
# A rendering renews its heartbeat every 10 s (reports.services.report_heartbeat): silent this long, its worker is
# gone. With the beat's sweep every 30 s, another worker takes it over within 90 s of the death.
HEARTBEAT_STALE_AFTER = timedelta(seconds=60)
RENDER_MAX_RETRIES = 2


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=RENDER_MAX_RETRIES,
    default_retry_delay=30,
    time_limit=settings.CELERY_TASK_LONGEST_SECONDS,
    soft_time_limit=settings.CELERY_TASK_LONGEST_SECONDS - 30,
)
def report_render_task(self, report_id: int) -> int | None:
    """Render a report; a redelivered or duplicated task finds it done and does nothing.

    A transient failure (database or storage unavailable) is retried twice, 30 s apart; any other is final. A task
    whose report was deleted meanwhile has nothing to do.
    """
    last = self.request.retries >= self.max_retries
    try:
        report = report_render(report_id=report_id, final_attempt=last)
    except Report.DoesNotExist:
        logger.info("Report %s no longer exists: nothing to render.", report_id)
        return None
    except TRANSIENT_ERRORS as exc:
        if last:
            raise
        raise self.retry(exc=exc) from exc
    return report.pk


@shared_task
def reports_recover_task() -> list[int]:
    """Queue again the reports whose task was lost; return their ids (the beat runs it every 30 seconds).

    A report 'rendering' whose heartbeat stopped a minute ago lost its worker (killed, or its machine gone); one
    without a heartbeat (rendered before heartbeats) counts from its start, past the longest time limit; one
    'queued' for twice as long lost its message. Running the task again is safe: it is idempotent, and a duplicate
    finds the report done and keeps its one file. A report that has used up its attempts is marked failed instead.
    """
    now = timezone.now()
    rendering = Q(status=Report.Status.RENDERING)
    stale = Report.objects.filter(
        (rendering & Q(heartbeat_at__lt=now - HEARTBEAT_STALE_AFTER))
        | (rendering & Q(heartbeat_at__isnull=True, started_at__lt=now - STALE_AFTER))
        | Q(status=Report.Status.QUEUED, requested_at__lt=now - STALE_AFTER * 2)
    )
    queued = []
    for report in stale.order_by("pk"):
        if report.attempts > RENDER_MAX_RETRIES:
            Report.objects.filter(pk=report.pk, status=report.status).update(
                status=Report.Status.FAILED,
                error=report.error or "The rendering stopped responding too many times.",
                finished_at=now,
            )
            continue
        # A fresh heartbeat: the next sweep leaves the report to the task queued now.
        Report.objects.filter(pk=report.pk, status=report.status).update(heartbeat_at=now)
        queued.append(report.pk)
        transaction.on_commit(lambda pk=report.pk: report_render_task.delay(pk))
    return queued
