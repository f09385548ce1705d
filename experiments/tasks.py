"""Celery tasks of the experiments: thin, safe to run twice."""

from celery import shared_task

from . import services


@shared_task
def sessions_feedback_close_task() -> int:
    """Close the phone feedback of sessions held long ago; return how many were closed (the beat runs it daily)."""
    return services.sessions_feedback_close_stale()
