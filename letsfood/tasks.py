"""Celery tasks of the project package: thin, taking ids, safe to run twice."""

from celery import shared_task
from django.conf import settings


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=2,
    default_retry_delay=30,
    time_limit=settings.CELERY_TASK_LONGEST_SECONDS,
    soft_time_limit=settings.CELERY_TASK_LONGEST_SECONDS - 30,
)
def report_render_task(self, report_id: int) -> int:
    """Render a report; a redelivered or duplicated task finds it done and does nothing."""
    from letsfood.reports.services import report_render

    report = report_render(report_id=report_id)
    return report.pk
