"""The newsletter's admin, for the project team: campaigns (preview, test, schedule, send), subscribers, ledger.

Permissions come from newsletter/rules.py (django-rules). Campaign pages add a live recipient count (static
js/campaign-admin.js calling a JSON view), a preview, a test send and a confirmation page to send or schedule.
"""

import csv
import json
from datetime import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.spreadsheets import escape_row

from . import campaigns, emails, sending
from .models import (
    LANGUAGE_CHOICES,
    BounceEvent,
    Campaign,
    ConsentEvent,
    ConsentText,
    Delivery,
    Subscriber,
    Topic,
)
from .services import NewsletterError


class Echo:
    """A file-like object whose write returns the line, for streaming a CSV."""

    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    """Return a CSV download streamed row by row, so a long list never sits in memory."""
    writer = csv.writer(Echo())
    lines = (writer.writerow(escape_row(row)) for row in _with_header(header, rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_header(header, rows):
    yield header
    yield from rows


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ("name", "code", "duo", "order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "name_en", "name_fr")
    list_select_related = ("duo",)


@admin.register(ConsentText)
class ConsentTextAdmin(TranslationAdmin):
    """Consent texts are versioned: a version shown to subscribers is never edited; the team adds a new one."""

    list_display = ("version", "created")

    def _used(self, obj) -> bool:
        return obj is not None and ConsentEvent.objects.filter(consent_text_version=obj.version).exists()

    def get_readonly_fields(self, request, obj=None):
        if self._used(obj):
            return ("version", "text_en", "text_fr", "created")
        return ("created",)

    def get_changeform_initial_data(self, request):
        latest = ConsentText.objects.order_by("-version").first()
        return {"version": (latest.version + 1) if latest else 1}

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._used(obj)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "state", "language", "confirmed_at", "created")
    list_filter = ("state", "topics", "language")
    search_fields = ("email",)
    readonly_fields = ("created", "requested_at", "confirmed_at", "unsubscribed_at", "suppressed_at", "notice_sent_at")
    filter_horizontal = ("topics",)
    actions = ("export_csv",)

    @admin.action(description=gettext_lazy("Export the selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        rows = (
            [
                subscriber.email,
                subscriber.state,
                subscriber.language,
                " ".join(sorted(topic.code for topic in subscriber.topics.all())),
                subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                subscriber.created.isoformat(),
            ]
            for subscriber in queryset.order_by("pk").prefetch_related("topics").iterator(chunk_size=2000)
        )
        header = ["email", "state", "language", "topics", "confirmed_at", "created"]
        return csv_response("subscribers.csv", header, rows)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record written by the platform itself: viewed, never added, changed or deleted in the admin."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsentEvent)
class ConsentEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "kind", "subscriber", "source", "consent_text_version")
    list_filter = ("kind", "at")
    date_hierarchy = "at"
    search_fields = ("subscriber__email", "email_hash")
    list_select_related = ("subscriber",)
    actions = ("export_csv",)

    @admin.action(description=gettext_lazy("Export the selected events as CSV (audit)"))
    def export_csv(self, request, queryset):
        rows = (
            [
                event.at.isoformat(),
                event.kind,
                event.email_hash,
                event.source,
                event.consent_text_version or "",
                event.ip_hash,
                json.dumps(event.details, ensure_ascii=False, sort_keys=True) if event.details else "",
            ]
            for event in queryset.order_by("at", "pk").iterator(chunk_size=2000)
        )
        header = ["at", "event", "email_hash", "source", "consent_text_version", "ip_hash", "details"]
        return csv_response("consent-ledger.csv", header, rows)


@admin.register(BounceEvent)
class BounceEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "kind", "subscriber")
    list_filter = ("kind", "at")
    search_fields = ("subscriber__email", "email_hash")
    list_select_related = ("subscriber",)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("campaign", "subscriber", "language", "status", "claimed_at", "sent_at")
    list_filter = ("status", "campaign")
    search_fields = ("subscriber__email",)
    list_select_related = ("campaign", "subscriber")


# A campaign's subject and body in each language of the site: a subscriber reads it in theirs, or in a fallback.
CAMPAIGN_TEXTS = tuple(f"{field}_{code}" for field in ("subject", "body") for code, _name in settings.LANGUAGES)


class CampaignForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("audience languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("None ticked: every language."),
    )

    class Meta:
        model = Campaign
        fields = (*CAMPAIGN_TEXTS, "topics", "languages")
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list

    def clean_languages(self) -> str:
        return ",".join(self.cleaned_data["languages"])


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    form = CampaignForm
    list_display = ("subject", "status", "scheduled_at", "started_at", "finished_at")
    list_filter = ("status",)
    search_fields = tuple(f"subject_{code}" for code, _name in settings.LANGUAGES)
    fields = ("subject", "body", "topics", "languages")
    change_form_template = "newsletter/admin/campaign_change_form.html"

    class Media:
        js = ("js/campaign-admin.js",)

    def _editable(self, obj) -> bool:
        return obj is None or obj.status in {Campaign.Status.DRAFT, Campaign.Status.SCHEDULED}

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not self._editable(obj):
            return [*fields, "status", "scheduled_at", "started_at", "finished_at"]
        return fields

    def get_readonly_fields(self, request, obj=None):
        if not self._editable(obj):
            # Its dates too: the statistics count the unsubscriptions since it started.
            return (
                *(*CAMPAIGN_TEXTS, "topics", "languages"),
                *("status", "scheduled_at", "started_at", "finished_at"),
            )
        return ("status", "scheduled_at", "started_at", "finished_at")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.status == Campaign.Status.DRAFT)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if not self._editable(obj):
            # Nothing of a campaign being sent or sent can change: no Save buttons that would save nothing.
            context.update({"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False})
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("audience-count/", view(self.audience_count_view), name="newsletter_campaign_audience_count"),
            path("<int:pk>/preview/", view(self.preview_view), name="newsletter_campaign_preview"),
            path("<int:pk>/test/", view(self.test_view), name="newsletter_campaign_test"),
            path("<int:pk>/send/", view(self.send_view), name="newsletter_campaign_send"),
            path("<int:pk>/cancel/", view(self.cancel_view), name="newsletter_campaign_cancel"),
            *super().get_urls(),
        ]

    def _campaign(self, request, pk: int, *, change: bool = False) -> Campaign:
        campaign = get_object_or_404(Campaign, pk=pk)
        has_permission = self.has_change_permission if change else self.has_view_permission
        if not has_permission(request, campaign):
            raise PermissionDenied
        return campaign

    def _back(self, campaign: Campaign) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:newsletter_campaign_change", args=[campaign.pk]))

    def audience_count_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        topic_ids = [int(value) for value in request.GET.getlist("topics") if value.isdigit()]
        languages = [value for value in request.GET.getlist("languages") if value in dict(LANGUAGE_CHOICES)]
        return JsonResponse({"count": sending.audience_count(topic_ids=topic_ids, languages=languages)})

    def preview_view(self, request, pk: int):
        campaign = self._campaign(request, pk)
        previews = emails.campaign_preview(campaign)
        for preview in previews:
            preview["html"] = mark_safe(preview["html"])  # noqa: S308 (cleaned by nh3 in campaign_preview)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": campaign,
            "title": _("Preview: %(subject)s") % {"subject": campaign},
            "previews": previews,
        }
        return TemplateResponse(request, "newsletter/admin/campaign_preview.html", context)

    def test_view(self, request, pk: int):
        campaign = self._campaign(request, pk)
        if request.method != "POST":
            return self._back(campaign)
        if not request.user.email:
            messages.error(request, _("Your account has no email address: add one to receive a test."))
            return self._back(campaign)
        language = request.POST.get("language", "en")
        language = language if language in dict(LANGUAGE_CHOICES) else "en"
        emails.campaign_send_test(campaign=campaign, to_email=request.user.email, language=language)
        messages.success(request, _("A test was sent to %(email)s.") % {"email": request.user.email})
        return self._back(campaign)

    def send_view(self, request, pk: int):
        campaign = self._campaign(request, pk, change=True)
        error = ""
        if request.method == "POST":
            at = None
            if "schedule" in request.POST:
                at = _parse_local(request.POST.get("at", ""))
                if at is None or at <= timezone.now():
                    error = _("Choose a date and time in the future.")
            if not error:
                try:
                    campaign = campaigns.campaign_start(campaign=campaign, by=request.user, at=at)
                except NewsletterError as exc:
                    messages.error(request, str(exc))
                    return self._back(campaign)
                if campaign.status == Campaign.Status.SCHEDULED:
                    messages.success(request, _("The campaign is scheduled."))
                else:
                    messages.success(request, _("The campaign is being sent."))
                return self._back(campaign)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": campaign,
            "title": _("Send or schedule: %(subject)s") % {"subject": campaign},
            "count": sending.campaign_audience(campaign).count(),
            "error": error,
        }
        return TemplateResponse(request, "newsletter/admin/campaign_send.html", context)

    def cancel_view(self, request, pk: int):
        campaign = self._campaign(request, pk, change=True)
        if request.method == "POST":
            try:
                campaigns.campaign_cancel(campaign=campaign)
                messages.success(request, _("The campaign is no longer scheduled."))
            except NewsletterError as exc:
                messages.error(request, str(exc))
        return self._back(campaign)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        campaign = Campaign.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        extra_context = extra_context or {}
        if campaign is not None:
            extra_context["statistics"] = sending.campaign_statistics(campaign)
            extra_context["editable"] = self._editable(campaign)
            extra_context["languages"] = LANGUAGE_CHOICES
        extra_context["audience_count_url"] = reverse("admin:newsletter_campaign_audience_count")
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        url = reverse("admin:newsletter_campaign_audience_count")
        extra_context = {**(extra_context or {}), "audience_count_url": url}
        return super().add_view(request, form_url, extra_context)


def _parse_local(value: str) -> datetime | None:
    """Return a datetime-local input's value as an aware datetime in the current time zone, or None."""
    try:
        parsed = parse_datetime(value.strip()) if value else None
    except ValueError:  # well formed but no such date, e.g. 2026-02-30T10:00
        return None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed
