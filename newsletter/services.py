"""Side-effecting operations of the newsletter: subscriptions with their consent ledger, bounces, topics."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.tasks import email_send_task

from .models import BounceEvent, ConsentEvent, ConsentText, Subscriber, Topic
from .tokens import confirm_token, email_hash, ip_hash, manage_token

RESEND_CONFIRMATION_AFTER = timedelta(minutes=10)
NOTICE_AT_MOST_EVERY = timedelta(days=1)
SOFT_BOUNCES_TO_SUPPRESS = 3
SOFT_BOUNCE_WINDOW = timedelta(days=30)
PENDING_LIFETIME = timedelta(days=7)


class NewsletterError(Exception):
    """A newsletter operation could not be carried out."""


def normalise_email(email: str) -> str:
    """Return the address as stored: trimmed and lower-cased."""
    return email.strip().lower()


def consent_text_current() -> ConsentText | None:
    """Return the consent text in force (the highest version), or None before one is written."""
    return ConsentText.objects.order_by("-version").first()


CONSENT_TEXT_CACHE_KEY = "newsletter:consent-text"


def consent_text_shown() -> ConsentText | None:
    """Return the consent text in force from the cache: every public page's footer shows it.

    A new version clears the cache when it is saved (newsletter.apps), so the text shown is the one in force.
    """
    return cache.get_or_set(CONSENT_TEXT_CACHE_KEY, consent_text_current, 3600)


def absolute_url(name: str, *, language: str, **kwargs) -> str:
    """Return the absolute address of a named page in the given language."""
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


LINK_PAGES = {"manage_url": "newsletter:manage", "unsubscribe_url": "newsletter:unsubscribe"}
SIGNATURE_STAND_IN = "lfc-signature-stand-in"


class SubscriberLinks:
    """Make subscribers' signed links, each language's addresses resolved once around the token: a campaign makes
    thousands, and two reverse() under translation.override per message were a third of its time."""

    def __init__(self):
        self._around_token: dict[str, dict[str, tuple[str, str]]] = {}

    def _parts(self, language: str) -> dict[str, tuple[str, str]]:
        parts = self._around_token.get(language)
        if parts is None:
            parts = self._around_token[language] = {
                key: absolute_url(name, language=language, token=SIGNATURE_STAND_IN).partition(SIGNATURE_STAND_IN)[::2]
                for key, name in LINK_PAGES.items()
            }
        return parts

    def __call__(self, subscriber: Subscriber) -> dict:
        """Return the signed links every email to the subscriber carries (manage preferences, unsubscribe)."""
        token = manage_token(subscriber)
        return {key: f"{before}{token}{after}" for key, (before, after) in self._parts(subscriber.language).items()}


def subscriber_links(subscriber: Subscriber) -> dict:
    """Return the signed links every email to a subscriber carries (manage preferences, unsubscribe)."""
    return SubscriberLinks()(subscriber)


def consent_event_record(
    subscriber: Subscriber | None,
    kind: str,
    *,
    email: str,
    source: str,
    ip: str | None = None,
    consent_text: ConsentText | None = None,
    details: dict | None = None,
) -> ConsentEvent:
    """Append one event to the consent ledger."""
    return ConsentEvent.objects.create(
        subscriber=subscriber,
        email_hash=email_hash(email),
        kind=kind,
        source=source[:200],
        consent_text_version=consent_text.version if consent_text else None,
        ip_hash=ip_hash(ip),
        details=details or {},
    )


def _send(name: str, subscriber: Subscriber, context: dict) -> None:
    context = {**context, **subscriber_links(subscriber), "email": subscriber.email}
    transaction.on_commit(
        lambda: email_send_task.delay(name=name, to=[subscriber.email], context=context, language=subscriber.language)
    )


def _send_confirmation(subscriber: Subscriber) -> None:
    confirm_url = absolute_url("newsletter:confirm", language=subscriber.language, token=confirm_token(subscriber))
    _send("newsletter-confirm", subscriber, {"confirm_url": confirm_url})


@transaction.atomic
def subscription_request(*, email: str, language: str, topics: list[Topic], source: str, ip: str | None = None) -> None:
    """Handle a subscription request. What happens depends on the address's state, but nothing tells the caller.

    New or unsubscribed: pending, a confirmation email goes out. Pending: preferences refreshed, the confirmation
    is sent again (at most every 10 minutes). Subscribed: at most one 'already subscribed' notice a day, with the
    link to manage preferences (a third party cannot change them). Suppressed: nothing is sent.
    """
    email, now = normalise_email(email), timezone.now()
    consent = consent_text_current()
    details = {"language": language, "topics": sorted(topic.code for topic in topics)}
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email, language=language, requested_at=now)
        subscriber.topics.set(topics)
        consent_event_record(
            subscriber,
            ConsentEvent.Kind.SUBSCRIBED,
            email=email,
            source=source,
            ip=ip,
            consent_text=consent,
            details=details,
        )
        _send_confirmation(subscriber)
        return
    if subscriber.state in {Subscriber.State.PENDING, Subscriber.State.UNSUBSCRIBED}:
        resend = (
            subscriber.state == Subscriber.State.UNSUBSCRIBED
            or subscriber.requested_at is None
            or now - subscriber.requested_at >= RESEND_CONFIRMATION_AFTER
        )
        subscriber.state, subscriber.language = Subscriber.State.PENDING, language
        if resend:
            subscriber.requested_at = now
        subscriber.save(update_fields=["state", "language", "requested_at"])
        subscriber.topics.set(topics)
        consent_event_record(
            subscriber,
            ConsentEvent.Kind.SUBSCRIBED,
            email=email,
            source=source,
            ip=ip,
            consent_text=consent,
            details=details,
        )
        if resend:
            _send_confirmation(subscriber)
        return
    notice_due = subscriber.notice_sent_at is None or now - subscriber.notice_sent_at >= NOTICE_AT_MOST_EVERY
    if subscriber.state == Subscriber.State.SUBSCRIBED and notice_due:
        subscriber.notice_sent_at = now
        subscriber.save(update_fields=["notice_sent_at"])
        _send("newsletter-already-subscribed", subscriber, {})
    # Suppressed addresses get nothing: they bounced or complained.


@transaction.atomic
def subscription_confirm(*, subscriber: Subscriber, source: str, ip: str | None = None) -> Subscriber:
    """Confirm a pending subscription (double opt-in). Confirming twice changes nothing."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state == Subscriber.State.SUBSCRIBED:
        return subscriber
    if subscriber.state != Subscriber.State.PENDING:
        raise NewsletterError(_("This confirmation link is no longer valid: please subscribe again."))
    subscriber.state, subscriber.confirmed_at = Subscriber.State.SUBSCRIBED, timezone.now()
    subscriber.save(update_fields=["state", "confirmed_at"])
    consent_event_record(
        subscriber,
        ConsentEvent.Kind.CONFIRMED,
        email=subscriber.email,
        source=source,
        ip=ip,
        consent_text=consent_text_current(),
    )
    return subscriber


@transaction.atomic
def subscription_preferences_update(
    *, subscriber: Subscriber, language: str, topics: list[Topic], source: str, ip: str | None = None
) -> Subscriber:
    """Change the language and topics of a subscription."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    subscriber.topics.set(topics)
    consent_event_record(
        subscriber,
        ConsentEvent.Kind.PREFERENCES,
        email=subscriber.email,
        source=source,
        ip=ip,
        details={"language": language, "topics": sorted(topic.code for topic in topics)},
    )
    return subscriber


@transaction.atomic
def subscription_unsubscribe(*, subscriber: Subscriber, source: str, ip: str | None = None) -> Subscriber:
    """Unsubscribe at once. Unsubscribing twice changes nothing; a suppressed address stays suppressed."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state in {Subscriber.State.UNSUBSCRIBED, Subscriber.State.SUPPRESSED}:
        return subscriber
    subscriber.state, subscriber.unsubscribed_at = Subscriber.State.UNSUBSCRIBED, timezone.now()
    subscriber.save(update_fields=["state", "unsubscribed_at"])
    consent_event_record(subscriber, ConsentEvent.Kind.UNSUBSCRIBED, email=subscriber.email, source=source, ip=ip)
    return subscriber


@transaction.atomic
def subscriber_suppress(*, subscriber: Subscriber, reason: str, source: str) -> Subscriber:
    """Never send to this address again (hard bounce, complaint, repeated soft bounces, or the team's decision)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state == Subscriber.State.SUPPRESSED:
        return subscriber
    subscriber.state, subscriber.suppressed_at = Subscriber.State.SUPPRESSED, timezone.now()
    subscriber.suppression_reason = reason[:200]
    subscriber.save(update_fields=["state", "suppressed_at", "suppression_reason"])
    consent_event_record(
        subscriber, ConsentEvent.Kind.SUPPRESSED, email=subscriber.email, source=source, details={"reason": reason}
    )
    return subscriber


def subscriber_data(subscriber: Subscriber) -> dict:
    """Return everything the platform holds about a subscriber (right of access), ready for JSON."""
    return {
        "email": subscriber.email,
        "state": subscriber.state,
        "language": subscriber.language,
        "topics": [topic.code for topic in subscriber.topics.all()],
        "created": subscriber.created.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "unsubscribed_at": subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None,
        "consent_events": [
            {
                "event": event.kind,
                "at": event.at.isoformat(),
                "source": event.source,
                "consent_text_version": event.consent_text_version,
                "details": event.details,
            }
            for event in subscriber.consent_events.order_by("at", "id")
        ],
        "deliveries": [
            {
                "campaign": delivery.campaign.subject,
                "status": delivery.status,
                "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in subscriber.deliveries.select_related("campaign").order_by("id")
        ],
    }


@transaction.atomic
def subscriber_erase(*, subscriber: Subscriber, source: str, ip: str | None = None) -> None:
    """Erase a subscriber (right to erasure). The ledger keeps only pseudonymous events, as proof of consent."""
    consent_event_record(None, ConsentEvent.Kind.ERASED, email=subscriber.email, source=source, ip=ip)
    subscriber.delete()


@transaction.atomic
def bounce_record(*, email: str, kind: str, payload: dict | None = None) -> BounceEvent:
    """Record a bounce or complaint; hard bounces and complaints suppress at once, soft ones after 3 in 30 days."""
    if kind not in BounceEvent.Kind.values:
        raise NewsletterError(_("Unknown bounce kind: %(kind)s") % {"kind": kind})
    subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
    event = BounceEvent.objects.create(
        subscriber=subscriber, email_hash=email_hash(email), kind=kind, payload=payload or {}
    )
    if subscriber is None:
        return event
    if kind in {BounceEvent.Kind.HARD, BounceEvent.Kind.COMPLAINT}:
        subscriber_suppress(subscriber=subscriber, reason=kind, source="webhook")
    else:
        recent = subscriber.bounces.filter(kind=BounceEvent.Kind.SOFT, at__gte=timezone.now() - SOFT_BOUNCE_WINDOW)
        if recent.count() >= SOFT_BOUNCES_TO_SUPPRESS:
            subscriber_suppress(subscriber=subscriber, reason="soft bounces", source="webhook")
    return event


@transaction.atomic
def subscriptions_expire(*, now=None) -> int:
    """Delete the subscriptions left unconfirmed for 7 days, recording it in the ledger; return how many."""
    now = now or timezone.now()
    expired = list(
        Subscriber.objects.select_for_update().filter(
            state=Subscriber.State.PENDING, requested_at__lt=now - PENDING_LIFETIME
        )
    )
    for subscriber in expired:
        consent_event_record(None, ConsentEvent.Kind.EXPIRED, email=subscriber.email, source="expiry")
        subscriber.delete()
    return len(expired)


@transaction.atomic
def topics_sync() -> int:
    """Create the general topic and one topic per duo when missing; return how many were created."""
    from cities.models import Duo

    created = 0
    _, was_created = Topic.objects.get_or_create(
        code="programme", defaults={"name_en": "The programme", "name_fr": "Le programme", "order": 0}
    )
    created += was_created
    for order, duo in enumerate(Duo.objects.with_cities(), start=1):
        _, was_created = Topic.objects.get_or_create(
            duo=duo,
            defaults={"code": f"duo-{duo.slug}", "name_en": duo.name_en, "name_fr": duo.name_fr, "order": order},
        )
        created += was_created
    return created
