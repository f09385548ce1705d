"""Celery tasks of the newsletter: thin wrappers around services, safe to run twice."""

from celery import shared_task

from . import services


@shared_task
def subscriptions_expire_task() -> int:
    """Delete subscriptions left unconfirmed for 7 days (hourly, from Celery beat)."""
    return services.subscriptions_expire()
