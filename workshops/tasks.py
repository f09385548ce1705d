"""Periodic tasks of the workshops app: the monthly digest of each duo's milestones."""

from celery import shared_task

from .digest import action_digest_send, duos_for_digest


@shared_task(time_limit=600, soft_time_limit=570)
def action_digest_send_all() -> int:
    """Email each duo's partners the milestones overdue and due soon; safe to run twice (once per duo per month)."""
    return sum(action_digest_send(duo=duo) for duo in duos_for_digest())
