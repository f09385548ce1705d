"""The admin where the project team and student contributors edit the framework, assessments and their content.

Permissions come from assessments/rules.py (django-rules), with one rule added here for everyone, superusers
included: a published or archived assessment, and everything in it, is read-only until the team reopens it.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import ModelForm, Textarea
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from cities.predicates import assigned_city_ids
from core import spreadsheets
from core.admin import MapAdminMixin, territory_of_request
from core.predicates import is_reviewer, is_student, is_team

from . import import_jobs, imports, services
from .models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Framework,
    Indicator,
    IndicatorValue,
    Initiative,
    Pillar,
    RecommendedAction,
    Transition,
)
from .resources import IndicatorResource, IndicatorValueResource, InitiativeResource
from .selectors import category_completeness_many

SPREADSHEET_FORMATS = [spreadsheets.escaping_formulas(XLSX), spreadsheets.escaping_formulas(CSV)]
CONTENT_HISTORY_LIMIT = 100  # the latest changes to an assessment's content shown on its history page


class HistoryAdmin(SimpleHistoryAdmin):
    """Who changed what and when, with the changed fields, on a page that runs under our Content Security Policy."""

    object_history_list_template = "assessments/admin/object_history_list.html"


def content_history(assessment: Assessment, *, limit: int = CONTENT_HISTORY_LIMIT) -> list:
    """Return the latest changes to an assessment's ratings, values, challenges and initiatives, newest first.

    Each historical record carries its model's name and, for a change, its readable diff (delta_changes), so that
    the assessment's history page shows who changed what in it, not only in the assessment's own fields.
    """
    records = []
    for model in (CategoryAssessment, IndicatorValue, Challenge, Initiative):
        latest = model.history.filter(assessment_id=assessment.pk).select_related("history_user")
        records += latest.order_by("-history_date", "-history_id")[:limit]
    records.sort(key=lambda record: record.history_date, reverse=True)
    records = records[:limit]
    for record in records:
        model = record.instance_type
        record.model_name = model._meta.verbose_name
        previous = record.prev_record if record.history_type == "~" else None
        if previous is not None:
            delta = record.diff_against(previous)
            record.delta_changes = HistoricalRecordContextHelper(model, record).context_for_delta_changes(delta)
    return records


def _sees_every_assessment(user) -> bool:
    """Return whether the user's lists hold every assessment (the team and reviewers) rather than their cities'."""
    return is_team(user) or is_reviewer(user)


def _assessment_of(obj) -> Assessment | None:
    return None if obj is None else getattr(obj, "assessment", obj)


def _is_editable(obj) -> bool:
    """Return whether the assessment of obj may still change (True when there is no object yet)."""
    assessment = _assessment_of(obj)
    return assessment is None or assessment.is_editable


class AssessmentContentPermissions(ObjectPermissionsModelAdminMixin):
    """The rules' object permissions, and read-only once the assessment is published or archived, even for superusers
    (who bypass the rules)."""

    def _perm(self, action: str) -> str:
        return f"{self.opts.app_label}.{action}_{self.opts.model_name}"

    def has_change_permission(self, request, obj=None):
        return _is_editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _is_editable(obj) and super().has_delete_permission(request, obj)


class ContentInlinePermissions(AssessmentContentPermissions):
    """Inline permissions, asked about the parent assessment."""

    def has_add_permission(self, request, obj=None):
        return _is_editable(obj) and request.user.has_perm(self._perm("add"), obj)


class ContentAdminPermissions(AssessmentContentPermissions):
    """Model admin permissions of the content models, whose list shows what the user may see."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if _sees_every_assessment(request.user):
            return queryset
        return queryset.filter(assessment__city_id__in=assigned_city_ids(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assessment" and not is_team(request.user):
            kwargs["queryset"] = Assessment.objects.filter(
                city_id__in=assigned_city_ids(request.user), status=Assessment.Status.DRAFT
            ).select_related("city")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_import_permission(self, request):
        return is_team(request.user) or is_student(request.user)

    def has_export_permission(self, request):
        return is_team(request.user) or is_student(request.user)


# --- Forms


class TranslatedErrorsForm(ModelForm):
    """A model form whose model's clean() may name a translated field (`rating_rationale`): the form only has its
    language columns (`rating_rationale_en`, `rating_rationale_fr`), so the error goes to the column of the active
    language, or of the site's language, instead of crashing the admin with "has no field named"."""

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            for name in list(errors.error_dict):
                if name == NON_FIELD_ERRORS or name in self.fields:
                    continue
                column = self._language_column(name)
                if column is not None:
                    errors.error_dict.setdefault(column, []).extend(errors.error_dict.pop(name))
        super()._update_errors(errors)

    def _language_column(self, name: str) -> str | None:
        for language in (translation.get_language(), settings.LANGUAGE_CODE):
            column = build_localized_fieldname(name, (language or "").split("-")[0])
            if column in self.fields:
                return column
        return None


# --- Inlines of an assessment


class CategoryAssessmentInline(ContentInlinePermissions, TranslationStackedInline):
    """The reading of each framework category: created with the assessment, never added or removed by hand."""

    model = CategoryAssessment
    form = TranslatedErrorsForm
    fields = ("category", "rating", "rating_rationale", "strengths", "challenges")
    readonly_fields = ("category",)
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category")

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, Textarea):
            field.widget.attrs.update(rows=3)
        return field


class IndicatorValueInline(ContentInlinePermissions, admin.TabularInline):
    model = IndicatorValue
    form = TranslatedErrorsForm
    fields = (
        "indicator",
        "no_data",
        "value_number",
        "value_boolean",
        "value_text",
        "reference_year",
        "source_title",
        "confidence",
    )
    autocomplete_fields = ("indicator",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "value_text":
            field.widget = Textarea(attrs={"rows": 1, "cols": 24})
        elif db_field.name in {"value_number", "reference_year"}:
            field.widget.attrs.update(size=8)
        return field


class ChallengeInline(ContentInlinePermissions, TranslationStackedInline):
    model = Challenge
    form = TranslatedErrorsForm
    fields = ("category", "severity", "title", "description", "actions")
    autocomplete_fields = ("actions",)
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":
            kwargs["queryset"] = Category.objects.select_related("framework")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class InitiativeInline(ContentInlinePermissions, MapAdminMixin, TranslationStackedInline):
    """Initiatives in short, each with its point on a map that opens on the assessment's city."""

    model = Initiative
    form = TranslatedErrorsForm
    fields = ("title", "description", "actor_type", "status", "organisation", "categories", "pillars", "location")
    autocomplete_fields = ("organisation", "categories", "pillars")
    extra = 0
    show_change_link = True

    def map_territory(self, request, obj):
        return obj.city if obj is not None else None


class TransitionInline(admin.TabularInline):
    """The recorded workflow steps: read-only, written only by the workflow services."""

    model = Transition
    fields = ("from_status", "to_status", "by", "at", "comment")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("workflow steps")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("assessments.view_transition")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Assessments


def review_comment(assessment: Assessment) -> Transition | None:
    """Return the reviewer's step that sent a draft back, while the draft waits for its changes (else None)."""
    if assessment.status != Assessment.Status.DRAFT:
        return None
    latest = assessment.transitions.select_related("by").order_by("-at", "-id").first()
    if latest is None or latest.from_status != Assessment.Status.IN_REVIEW or not latest.comment:
        return None
    return latest


WORKFLOW = {
    "submit": (services.assessment_submit, _("Submit for review"), _("The assessment was submitted for review.")),
    "publish": (services.assessment_publish, _("Publish"), _("The assessment is published.")),
    "send_back": (services.assessment_send_back, _("Send back"), _("The assessment was sent back to its authors.")),
    "reopen": (services.assessment_reopen, _("Reopen"), _("The assessment is a draft again.")),
    "archive": (services.assessment_archive, _("Archive"), _("The assessment is archived.")),
}


@admin.register(Assessment)
class AssessmentAdmin(ObjectPermissionsModelAdminMixin, HistoryAdmin, TranslationAdmin):
    form = TranslatedErrorsForm
    list_display = ("__str__", "city", "year", "edition", "status", "is_demo", "updated")
    list_filter = ("city", "year", "edition", "status", "framework", "is_demo")
    list_select_related = ("city", "framework")
    search_fields = ("city__name_en", "city__name_fr", "city__slug", "slug")
    change_form_template = "assessments/admin/assessment_change_form.html"
    object_history_template = "assessments/admin/assessment_history.html"
    readonly_fields = ("status", "submitted_at", "published_at", "data_completeness")
    inlines = [CategoryAssessmentInline, IndicatorValueInline, ChallengeInline, InitiativeInline, TransitionInline]

    fieldsets = (
        (None, {"fields": ("city", "framework", "year", "edition", "slug")}),  # the status is in the workflow box
        (_("Presentation"), {"fields": ("summary", "is_demo", "shared_with_partners")}),
        (_("People"), {"fields": ("authors", "reviewers")}),
        (_("Progress"), {"fields": ("data_completeness", "submitted_at", "published_at")}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)  # with the language columns of translated fields
        if obj is not None:
            return fieldsets
        # A new assessment: its identifier is derived from city and year, and it has no progress yet.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "slug"]})
            for name, options in fieldsets
            if name != _("Progress")
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.readonly_fields)
        if obj is not None:
            readonly += ["city", "framework", "year"]  # the edition's identity, also in spreadsheets (the slug)
        if not is_team(request.user):
            readonly += ["authors", "reviewers", "is_demo", "shared_with_partners"]
        return readonly

    def get_autocomplete_fields(self, request):
        # A student picks among their own cities in a plain list; the autocomplete would offer every city.
        return ("city", "authors", "reviewers") if is_team(request.user) else ()

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []  # the readings are created with the assessment

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if _sees_every_assessment(request.user):
            return queryset
        return queryset.filter(city_id__in=assigned_city_ids(request.user))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        framework = Framework.objects.filter(slug=services.MUFPP_SLUG).first()
        if framework is not None:
            initial.setdefault("framework", framework.pk)
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "city" and not is_team(request.user):
            kwargs["queryset"] = db_field.related_model.objects.filter(id__in=assigned_city_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return _is_editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _is_editable(obj) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change and not request.user.has_perm("assessments.add_assessment", obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        if not change:
            services.assessment_categories_ensure(assessment=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and is_student(request.user):
            form.instance.authors.add(request.user)

    def response_add(self, request, obj, post_url_continue=None):
        # The readings of the six categories exist now: carry on editing them rather than return to the list.
        if "_addanother" not in request.POST and "_popup" not in request.POST:
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        return super().response_add(request, obj, post_url_continue)

    @admin.display(description=_("data completeness"))
    def data_completeness(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        completeness = category_completeness_many([obj]).get(obj.pk, {})
        rows = [(category, completeness.get(category.pk)) for category in obj.framework.categories.order_by("order")]
        return render_to_string("assessments/admin/completeness.html", {"rows": rows})

    def render_history_view(self, request, template, context, **kwargs):
        # Called once the history view has found the assessment and checked that the user may see it.
        context["content_history"] = content_history(context["object"])
        return super().render_history_view(request, template, context, **kwargs)

    # Workflow

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/workflow/<str:verb>/",
                self.admin_site.admin_view(self.workflow_view),
                name=f"{info[0]}_{info[1]}_workflow",
            ),
        ] + super().get_urls()

    def workflow_actions(self, request, obj) -> list[dict]:
        """Return the workflow steps the user may take on the assessment, in the order of the workflow."""
        return [
            {"verb": verb, "label": label, "needs_comment": verb == "send_back"}
            for verb, (_service, label, _done) in WORKFLOW.items()
            if request.user.has_perm(f"assessments.{verb}_assessment", obj)
        ]

    @method_decorator(require_POST)
    def workflow_view(self, request, object_id, verb):
        """Move the assessment along its workflow through the matching service; a refusal changes nothing."""
        if verb not in WORKFLOW:
            raise PermissionDenied
        assessment = get_object_or_404(self.get_queryset(request), pk=object_id)
        service, _label, done = WORKFLOW[verb]
        try:
            service(assessment=assessment, by=request.user, comment=request.POST.get("comment", ""))
        except services.AssessmentError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:assessments_assessment_change", args=[assessment.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if obj is not None:
            extra_context["workflow_actions"] = self.workflow_actions(request, obj)
            extra_context["review_comment"] = review_comment(obj)
            if not obj.is_editable:
                extra_context["read_only_reason"] = gettext(
                    "This assessment is %(status)s: it is read-only until the team reopens it."
                ) % {"status": obj.get_status_display().lower()}
            if request.user.has_perm("assessments.change_indicatorvalue", obj) and obj.is_editable:
                extra_context["import_values_url"] = reverse("admin:assessments_indicatorvalue_import")
        return super().change_view(request, object_id, form_url, extra_context)


# --- Spreadsheet imports: checked before they are parsed; a long one runs on a worker


class CheckedImportForm(ImportForm):
    """django-import-export's upload form, refusing a file too large, too long or unreadable before it is parsed.

    A CSV file passes on re-encoded in UTF-8 (see assessments.imports), so both steps of the import read it alike.
    """

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.import_formats = formats
        self.spreadsheet: imports.Spreadsheet | None = None

    def clean(self):
        cleaned_data = super().clean()
        upload, chosen = cleaned_data.get("import_file"), cleaned_data.get("format")
        if upload is None or chosen in (None, ""):
            return cleaned_data
        file_format = "xlsx" if self.import_formats[int(chosen)]().is_binary() else "csv"
        try:
            imports.spreadsheet_check_size(upload.size)  # before reading a byte of it
            self.spreadsheet = imports.spreadsheet_read(
                name=upload.name, content=upload.read(), file_format=file_format
            )
        except imports.SpreadsheetError as error:
            self.add_error("import_file", str(error))
            return cleaned_data
        cleaned_data["import_file"] = SimpleUploadedFile(upload.name, self.spreadsheet.content)
        return cleaned_data


class CheckedImportMixin(ImportExportMixin):
    """Imports with the checked upload form; a file longer than IMPORT_PREVIEW_MAX_ROWS is imported by a worker.

    A normal file keeps django-import-export's preview and confirmation, both in the request. A long one would take
    the preview and the confirmation each close to the server's timeout, so it is imported at once, all or nothing
    as the confirmation would, and the user follows it on a status page that refreshes itself.
    """

    import_form_class = CheckedImportForm
    import_resource_name = ""  # its name in assessments.imports.RESOURCES

    def create_import_form(self, request):
        # One form per request: the checked, re-encoded file is the one django-import-export then reads.
        if not hasattr(request, "_checked_import_form"):
            request._checked_import_form = super().create_import_form(request)
        return request._checked_import_form

    def import_action(self, request, **kwargs):
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid() and form.spreadsheet.rows > settings.IMPORT_PREVIEW_MAX_ROWS:
                job_id = import_jobs.import_job_start(
                    spreadsheet=form.spreadsheet, resource=self.import_resource_name, user=request.user
                )
                return HttpResponseRedirect(self._import_status_url(job_id))
        return super().import_action(request, **kwargs)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/<slug:job_id>/",
                self.admin_site.admin_view(self.import_status_view),
                name=f"{info[0]}_{info[1]}_import_status",
            ),
        ] + super().get_urls()

    def _import_status_url(self, job_id: str) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import_status", args=[job_id])

    def import_status_view(self, request, job_id):
        """The progress, then the outcome, of a background import; only its author sees it."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = imports.import_job_get(job_id)
        if job is None or job["user_id"] != request.user.pk:
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import of %(file)s") % {"file": job["file_name"]},
            "job": job,
            "running": job["state"] in {"queued", "running"},
            "percent": int(100 * job["done"] / job["total"]) if job["total"] else 0,
        }
        return TemplateResponse(request, "admin/assessments/import_status.html", context)


# --- Content models on their own pages (lists across assessments, spreadsheets, the map)


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ContentAdminPermissions, CheckedImportMixin, HistoryAdmin):
    form = TranslatedErrorsForm
    list_display = ("indicator", "assessment", "display_value", "reference_year", "confidence", "no_data")
    list_filter = ("assessment__city", "assessment__year", "indicator__category", "confidence", "no_data")
    list_select_related = ("indicator", "assessment__city")
    search_fields = ("indicator__code", "indicator__name_en", "indicator__name_fr", "assessment__slug")
    autocomplete_fields = ("indicator",)
    resource_classes = [IndicatorValueResource]
    import_resource_name = "indicator-values"
    formats = SPREADSHEET_FORMATS

    @admin.display(description=_("value"))
    def display_value(self, obj):
        return obj.display_value


@admin.register(Initiative)
class InitiativeAdmin(ContentAdminPermissions, CheckedImportMixin, MapAdminMixin, HistoryAdmin, TranslationAdmin):
    form = TranslatedErrorsForm
    list_display = ("title", "assessment", "actor_type", "status", "organisation")
    list_filter = ("assessment__city", "categories", "pillars", "actor_type", "status")
    list_select_related = ("assessment__city", "organisation")
    search_fields = ("title_en", "title_fr", "ref", "assessment__city__name_en", "assessment__city__name_fr")
    autocomplete_fields = ("organisation", "categories", "actions", "pillars", "carried_from")
    readonly_fields = ("ref",)
    resource_classes = [InitiativeResource]
    import_resource_name = "initiatives"
    formats = SPREADSHEET_FORMATS
    fieldsets = (
        (None, {"fields": ("assessment", "ref", "title", "description", "actor_type", "status", "start_year")}),
        (_("Framework"), {"fields": ("categories", "actions", "pillars")}),
        (_("Who and where"), {"fields": ("organisation", "location", "website")}),
        (_("Photo"), {"fields": ("photo", "photo_credit")}),
    )

    def map_territory(self, request, obj):
        # An initiative added from a link that names its assessment (?assessment=<id>) opens on that city too.
        assessment = obj.assessment if obj is not None else territory_of_request(request, Assessment, "assessment")
        return assessment.city if assessment is not None else None


@admin.register(Challenge)
class ChallengeAdmin(ContentAdminPermissions, HistoryAdmin, TranslationAdmin):
    form = TranslatedErrorsForm
    list_display = ("title", "assessment", "category", "severity")
    list_filter = ("assessment__city", "category", "severity")
    list_select_related = ("assessment__city", "category")
    search_fields = ("title_en", "title_fr")
    autocomplete_fields = ("actions",)


@admin.register(CategoryAssessment)
class CategoryAssessmentAdmin(ContentAdminPermissions, HistoryAdmin, TranslationAdmin):
    form = TranslatedErrorsForm
    list_display = ("category", "assessment", "rating")
    list_filter = ("assessment__city", "category")
    list_select_related = ("assessment__city", "category")
    readonly_fields = ("assessment", "category")
    fields = ("assessment", "category", "rating", "rating_rationale", "strengths", "challenges")

    def has_add_permission(self, request):
        return False  # created with their assessment, one per category


# --- The framework: reference data the team edits


class CategoryInline(TranslationTabularInline):
    model = Category
    extra = 0
    fields = ("order", "code", "short_name", "name")


@admin.register(Framework)
class FrameworkAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ("name", "version", "slug", "is_active")
    search_fields = ("name_en", "name_fr", "slug")
    inlines = [CategoryInline]


@admin.register(Category)
class CategoryAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ("short_name", "framework", "order", "code")
    list_filter = ("framework",)
    search_fields = ("name_en", "name_fr", "short_name_en", "short_name_fr", "code")


@admin.register(RecommendedAction)
class RecommendedActionAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ("number", "short_or_full_title", "category", "verified")
    list_filter = ("framework", "category", "verified")
    search_fields = ("title_en", "title_fr", "short_title_en", "short_title_fr", "number")
    autocomplete_fields = ("category",)
    list_select_related = ("category",)

    @admin.display(description=_("title"), ordering="title")
    def short_or_full_title(self, action):
        return action.display_title


@admin.register(Indicator)
class IndicatorAdmin(CheckedImportMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("code", "name", "category", "value_type", "unit", "direction", "verified")
    list_filter = ("framework", "category", "value_type", "direction", "verified")
    search_fields = ("code", "name_en", "name_fr")
    autocomplete_fields = ("category", "actions")
    list_select_related = ("category",)
    resource_classes = [IndicatorResource]
    import_resource_name = "indicators"
    formats = SPREADSHEET_FORMATS

    def has_import_permission(self, request):
        return is_team(request.user)


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    list_display = ("name", "order", "code")
    search_fields = ("name_en", "name_fr", "code")
