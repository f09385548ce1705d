"""Celery tasks of the newsletter: thin wrappers around services, safe to run twice."""

from celery import shared_task
from django.conf import settings

from core.tasks import RETRIED_ERRORS

from . import sending, services


def send_budget() -> float:
    """Return how long one run of the send task may send before handing over to the next (under the soft limit)."""
    return max(10.0, min(300.0, settings.CELERY_TASK_SOFT_TIME_LIMIT - 60))


@shared_task(autoretry_for=RETRIED_ERRORS, max_retries=5, retry_backoff=30, retry_backoff_max=900, retry_jitter=True)
def campaign_send_task(campaign_id: int) -> None:
    """Send a campaign for a few minutes, then queue the next run; a duplicate run finds the campaign locked."""
    countdown = sending.campaign_send(campaign_id, budget=send_budget())
    if countdown is not None:
        campaign_send_task.apply_async((campaign_id,), countdown=countdown)


@shared_task
def campaigns_send_due() -> int:
    """Start the scheduled campaigns whose time has come and resume any left without a worker (every minute)."""
    campaign_ids = sending.campaigns_start_due()
    for campaign_id in campaign_ids:
        campaign_send_task.delay(campaign_id)
    return len(campaign_ids)


@shared_task
def subscriptions_expire_task() -> int:
    """Delete subscriptions left unconfirmed for 7 days (hourly, from Celery beat)."""
    return services.subscriptions_expire()
