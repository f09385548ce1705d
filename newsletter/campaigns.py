"""A campaign's start and cancellation: checked, then sent now (a worker queued once the transaction commits) or
scheduled; newsletter.tasks sends it through newsletter.sending."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .emails import campaign_written_in
from .models import Campaign
from .services import NewsletterError
from .tasks import campaign_send_task


def _check_sendable(campaign: Campaign) -> None:
    if campaign.status not in {Campaign.Status.DRAFT, Campaign.Status.SCHEDULED}:
        raise NewsletterError(_("This campaign has already been sent or is being sent."))
    if not any(campaign_written_in(campaign, code) for code, _name in settings.LANGUAGES):
        raise NewsletterError(_("Write a subject and a body in at least one language before sending."))
    if not campaign.topics.exists():
        raise NewsletterError(_("Choose at least one topic for the audience."))


@transaction.atomic
def campaign_start(*, campaign: Campaign, by, at: datetime | None = None) -> Campaign:
    """Send the campaign now, or schedule it for `at`; the worker is queued once the transaction commits."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _check_sendable(campaign)
    now = timezone.now()
    if at is not None and at > now:
        campaign.status, campaign.scheduled_at = Campaign.Status.SCHEDULED, at
        campaign.save(update_fields=["status", "scheduled_at", "updated"])
        return campaign
    campaign.status, campaign.started_at = Campaign.Status.SENDING, now
    campaign.save(update_fields=["status", "started_at", "updated"])
    _queue_send(campaign.pk)
    return campaign


def _queue_send(campaign_id: int) -> None:
    transaction.on_commit(lambda: campaign_send_task.delay(campaign_id))


@transaction.atomic
def campaign_cancel(*, campaign: Campaign) -> Campaign:
    """Cancel a scheduled campaign (back to draft, so it can be edited and scheduled again)."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.SCHEDULED:
        raise NewsletterError(_("Only a scheduled campaign can be cancelled."))
    campaign.status, campaign.scheduled_at = Campaign.Status.DRAFT, None
    campaign.save(update_fields=["status", "scheduled_at", "updated"])
    return campaign
