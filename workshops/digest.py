"""The monthly digest of a duo's action plan: the milestones overdue and due soon, emailed to its partner users."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from cities.models import Duo
from core.dates import date_format
from core.tasks import email_send_task

from .action_plans import milestones_due
from .models import Action, DigestLog, Milestone


def duos_for_digest() -> QuerySet:
    """Return the duos that have open milestones in actions still under way."""
    open_milestones = Milestone.objects.filter(done_on__isnull=True).exclude(
        action__status__in=[Action.Status.DONE, Action.Status.DROPPED]
    )
    return Duo.objects.filter(actions__milestones__in=open_milestones).distinct().with_cities().order_by("slug")


def digest_recipients(*, duo: Duo) -> QuerySet:
    """Return the active partner users of the duo's two cities who have an email address and want the digest."""
    return (
        get_user_model()
        .objects.filter(role="partner", is_active=True, city_id__in=[duo.french_city_id, duo.partner_city_id])
        .exclude(email="")
        .exclude(digest_opt_out=True)
        .order_by("pk")
    )


def _digest_items(milestones: list[Milestone], *, today: date) -> list[dict]:
    # Plain strings in the active language: the context travels to the worker as JSON.
    return [
        {
            "title": milestone.title,
            "action": milestone.action.title,
            "due": date_format(milestone.due, "DATE_FORMAT"),
            "days_late": (today - milestone.due).days if milestone.due < today else 0,
            "url": settings.SITE_URL + reverse("plans:action-detail", kwargs={"pk": milestone.action_id}),
        }
        for milestone in milestones
    ]


def digest_context(*, duo: Duo, overdue: list[Milestone], upcoming: list[Milestone], today: date) -> dict:
    """Return the digest's context in the active language."""
    return {
        "duo": duo.name,
        "month": date_format(today, "YEAR_MONTH_FORMAT"),
        "overdue": _digest_items(overdue, today=today),
        "upcoming": _digest_items(upcoming, today=today),
        "plan_url": settings.SITE_URL + reverse("plans:duo-plan", kwargs={"slug": duo.slug}),
        "mine_url": settings.SITE_URL + reverse("plans:mine"),
        "profile_url": settings.SITE_URL + reverse("profile"),
    }


@transaction.atomic
def action_digest_send(*, duo: Duo, today: date | None = None) -> int:
    """Email the duo's partner users the milestones overdue and due within 30 days; return the emails queued.

    Once per duo per month: the sending is recorded (DigestLog) in the same transaction, so a second run in the same
    month sends nothing. Each partner reads it in their preferred language. Nothing is recorded when nothing is due.
    """
    today = today or timezone.localdate()
    overdue, upcoming = milestones_due(duo=duo, today=today)
    recipients = list(digest_recipients(duo=duo))
    if not (overdue or upcoming) or not recipients:
        return 0
    try:
        with transaction.atomic():
            log = DigestLog.objects.create(duo=duo, month=today.replace(day=1))
    except IntegrityError:
        return 0
    contexts: dict[str, dict] = {}
    for user in recipients:
        language = user.email_language
        if language not in contexts:
            with translation.override(language):
                contexts[language] = digest_context(duo=duo, overdue=overdue, upcoming=upcoming, today=today)
        context, to = contexts[language], [user.email]
        transaction.on_commit(
            lambda to=to, context=context, language=language: email_send_task.delay(
                name="action-digest", to=to, context=context, language=language
            )
        )
    log.recipients = len(recipients)
    log.save(update_fields=["recipients"])
    return len(recipients)
