"""The newsletter: topics, subscribers with a consent ledger, campaigns and their per-recipient deliveries."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = settings.LANGUAGES  # a subscriber reads the emails in any language of the site


class Topic(models.Model):
    """What a subscriber follows: the programme in general, or one duo."""

    code = models.SlugField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    duo = models.OneToOneField(
        "cities.Duo", models.CASCADE, null=True, blank=True, related_name="newsletter_topic", verbose_name=_("duo")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class ConsentText(models.Model):
    """A version of the consent text shown next to the subscription checkbox; the newest one is in force."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    text = models.TextField(_("text"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-version"]
        get_latest_by = "version"

    def __str__(self):
        return f"v{self.version}"


class SubscriberQuerySet(models.QuerySet):
    def sendable(self):
        """Confirmed subscribers who may receive a campaign (suppressed addresses never do)."""
        return self.filter(state=Subscriber.State.SUBSCRIBED)

    def for_audience(self, *, topics, languages):
        queryset = self.sendable().filter(topics__in=topics)
        if languages:
            queryset = queryset.filter(language__in=languages)
        return queryset.distinct()


class Subscriber(models.Model):
    """One email address and what it agreed to receive."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        SUBSCRIBED = "subscribed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed (bounces or complaint)")

    email = models.EmailField(_("email"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    topics = models.ManyToManyField(Topic, blank=True, related_name="subscribers", verbose_name=_("topics"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    requested_at = models.DateTimeField(_("last subscription request"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    suppressed_at = models.DateTimeField(_("suppressed at"), null=True, blank=True)
    suppression_reason = models.CharField(_("suppression reason"), max_length=200, blank=True)
    notice_sent_at = models.DateTimeField(
        _("last notice sent at"), null=True, blank=True, help_text=_("Last 'already subscribed' notice (rate-limited).")
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created"]

    def __str__(self):
        return self.email


class ConsentEvent(models.Model):
    """The consent ledger: every change of a subscription, kept for an audit (even after erasure, pseudonymised)."""

    class Kind(models.TextChoices):
        SUBSCRIBED = "subscribed", _("Subscription requested")
        CONFIRMED = "confirmed", _("Confirmed")
        PREFERENCES = "preferences_changed", _("Preferences changed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed")
        EXPIRED = "expired", _("Expired unconfirmed")
        ERASED = "erased", _("Erased")

    subscriber = models.ForeignKey(
        Subscriber, models.SET_NULL, null=True, blank=True, related_name="consent_events", verbose_name=_("subscriber")
    )
    email_hash = models.CharField(_("email hash"), max_length=64, db_index=True)
    kind = models.CharField(_("event"), max_length=24, choices=Kind.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    source = models.CharField(_("source"), max_length=200, blank=True, help_text=_("Page or channel of the change."))
    consent_text_version = models.PositiveIntegerField(_("consent text version"), null=True, blank=True)
    ip_hash = models.CharField(_("IP hash"), max_length=64, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("consent event")
        verbose_name_plural = _("consent ledger")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"


class Campaign(models.Model):
    """A newsletter issue written by the team, in French and English, sent to an audience of topics and languages."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body (Markdown)"))
    topics = models.ManyToManyField(Topic, related_name="campaigns", verbose_name=_("audience topics"))
    languages = models.CharField(
        _("audience languages"),
        max_length=8,
        blank=True,
        help_text=_("Comma-separated language codes (en, fr); empty for every language."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created"]

    def __str__(self):
        return self.subject

    @property
    def language_list(self) -> list[str]:
        """Return the audience languages as codes (empty: every language)."""
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Delivery(models.Model):
    """One campaign to one recipient: claimed in a batch under a lease, marked in flight before its message is handed
    to the email server and sent once the server accepted it, so that a crash never sends anyone twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        CLAIMED = "claimed", _("Claimed by a worker")
        SENDING = "sending", _("Being handed to the email server")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (no longer subscribed)")
        UNCERTAIN = "uncertain", _("Uncertain (the worker stopped while handing it over; not resent)")
        # Rows of campaigns sent before in-flight marking: a whole claimed batch was set aside at a crash.
        INTERRUPTED = "interrupted", _("Interrupted (not resent, to never send twice)")

    campaign = models.ForeignKey(Campaign, models.CASCADE, related_name="deliveries", verbose_name=_("campaign"))
    subscriber = models.ForeignKey(
        Subscriber, models.SET_NULL, null=True, blank=True, related_name="deliveries", verbose_name=_("subscriber")
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    claimed_at = models.DateTimeField(
        _("claimed at"),
        null=True,
        blank=True,
        help_text=_("The worker's lease: renewed while it sends; once expired, another worker takes the row over."),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "subscriber"],
                condition=Q(subscriber__isnull=False),
                name="delivery_once_per_subscriber",
            ),
        ]
        indexes = [models.Index(fields=["campaign", "status"], name="delivery_campaign_status")]

    def __str__(self):
        return f"{self.campaign} → {self.subscriber_id} ({self.status})"


class BounceEvent(models.Model):
    """A bounce or complaint reported by the email provider's webhook."""

    class Kind(models.TextChoices):
        HARD = "hard", _("Hard bounce")
        SOFT = "soft", _("Soft bounce")
        COMPLAINT = "complaint", _("Complaint")

    subscriber = models.ForeignKey(
        Subscriber, models.CASCADE, null=True, blank=True, related_name="bounces", verbose_name=_("subscriber")
    )
    email_hash = models.CharField(_("email hash"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)

    class Meta:
        verbose_name = _("bounce or complaint")
        verbose_name_plural = _("bounces and complaints")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.at:%Y-%m-%d}"
