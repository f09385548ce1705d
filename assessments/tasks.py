"""Background work of the assessments: spreadsheet imports too long for a request."""

from celery import shared_task

from . import imports


@shared_task
def import_run_task(job_id: str) -> None:
    """Run one background import; safe to run twice (a finished import is not run again)."""
    imports.import_job_run(job_id=job_id)
