"""The PDF reports' admin: read-only records and a form for the team to render a new one."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cities.models import City, Duo
from experiments.models import Experiment

from .errors import ReportError
from .models import Report
from .requests import report_request


class ReportRequestForm(forms.Form):
    """A report to render: its kind, its city or duo (none for the compilation) and its language."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Report.Kind.choices)
    subject = forms.ChoiceField(label=_("City or duo"), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cities = dict(City.objects.published().order_by("name").values_list("slug", "name"))
        duos = Duo.objects.published().select_related("french_city", "partner_city")
        self.duos = {duo.slug: duo.name for duo in duos}
        self.experiments = dict(Experiment.objects.published().order_by("title").values_list("slug", "title"))
        self.fields["subject"].choices = [
            ("", _("— none (the compilation)")),
            (_("Cities"), list(self.cities.items())),
            (_("Duos"), sorted(self.duos.items(), key=lambda item: item[1])),
            (_("Experiments"), list(self.experiments.items())),
        ]

    def clean(self):
        data = super().clean()
        kind, subject = data.get("kind"), data.get("subject", "")
        if kind == Report.Kind.CITY and subject not in self.cities:
            self.add_error("subject", _("Choose a published city for a city report."))
        elif kind == Report.Kind.DUO and subject not in self.duos:
            self.add_error("subject", _("Choose a published duo for a duo report."))
        elif kind == Report.Kind.EXPERIMENT and subject not in self.experiments:
            self.add_error("subject", _("Choose a published experiment for its capitalisation report."))
        elif kind == Report.Kind.COMPILATION:
            data["subject"] = ""
        return data


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """The PDF reports: read-only records; the team renders a new one with the "Render a report" button."""

    change_list_template = "admin/letsfood/report/change_list.html"
    list_display = ["__str__", "status", "progress", "pages", "file_size", "requested_by", "requested_at", "download"]
    list_filter = ["kind", "status", "language"]
    search_fields = ["subject"]
    list_select_related = ["requested_by"]
    date_hierarchy = "requested_at"
    actions = ["render_again"]
    readonly_fields = [
        "kind",
        "subject",
        "language",
        "status",
        "progress",
        "download",
        "file_size",
        "pages",
        "data_hash",
        "requested_by",
        "requested_at",
        "started_at",
        "finished_at",
        "attempts",
        "error",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("size"), ordering="size")
    def file_size(self, report):
        return filesizeformat(report.size) if report.size else "—"

    @admin.display(description=_("file"))
    def download(self, report):
        if report.status != Report.Status.DONE or not report.file:
            return "—"
        return format_html('<a href="{}">{}</a>', report.download_url(), _("Download (PDF)"))

    def get_urls(self):
        return [
            path("request/", self.admin_site.admin_view(self.request_view), name="reports_report_request"),
            *super().get_urls(),
        ]

    def _requested(self, request, report, queued) -> None:
        with translation.override(report.language):
            page = reverse("report-status", kwargs={"pk": report.pk})
        if queued:
            text = _('The report “{report}” is being rendered: <a href="{url}">follow it on its page</a>.')
        else:
            text = _(
                "The data has not changed: “{report}” is served from the report already made "
                '(<a href="{url}">its page</a>).'
            )
        self.message_user(request, format_html(text, report=report, url=page), messages.SUCCESS)

    def request_view(self, request):
        """The "Render a report" form: kind, city or duo, language; then the report's page link."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ReportRequestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                report, queued = report_request(**form.cleaned_data, by=request.user)
            except ReportError as exc:
                form.add_error(None, str(exc))
            else:
                self._requested(request, report, queued)
                return redirect("admin:reports_report_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Render a report"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/letsfood/report/request.html", context)

    @admin.action(description=_("Render the selected reports again with the current data"))
    def render_again(self, request, queryset):
        for report in queryset:
            try:
                again, queued = report_request(
                    kind=report.kind, subject=report.subject, language=report.language, by=request.user
                )
            except ReportError as exc:
                self.message_user(request, f"{report}: {exc}", messages.ERROR)
            else:
                self._requested(request, again, queued)
