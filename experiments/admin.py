from django.contrib import admin

from .models import Experiment, Feedback, Funding, Observation, Partner, Session, Tool, ToolPhoto


class FundingInline(admin.TabularInline):
    model = Funding
    extra = 0


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    list_display = ("title", "territory", "start", "end", "status", "is_published")
    list_filter = ("status", "is_published", "territory")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("territory", "communes")
    list_select_related = ("territory",)
    inlines = [FundingInline, PartnerInline]
    readonly_fields = ("created_by",)


class ObservationInline(admin.TabularInline):
    model = Observation
    extra = 0
    fields = ("date", "note", "author")
    readonly_fields = ("author",)


class ToolPhotoInline(admin.TabularInline):
    model = ToolPhoto
    extra = 0
    fields = ("image", "caption", "credit", "observation")


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ("title", "experiment", "commune", "kind", "status", "outcome", "cost")
    list_filter = ("kind", "status", "outcome")
    search_fields = ("title",)
    autocomplete_fields = ("experiment", "commune", "action")
    list_select_related = ("experiment", "commune")
    inlines = [ObservationInline, ToolPhotoInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("title", "experiment", "commune", "kind", "date", "attendance", "feedback_open", "is_published")
    list_filter = ("kind", "feedback_open", "is_published")
    search_fields = ("title", "code")
    autocomplete_fields = ("experiment", "commune", "workshop")
    list_select_related = ("experiment", "commune")
    readonly_fields = ("code",)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Anonymous answers: read and deleted (an abusive comment), never written by hand."""

    list_display = ("session", "rating", "will_act", "created")
    list_filter = ("rating", "will_act")
    list_select_related = ("session",)
    readonly_fields = ("session", "token", "rating", "will_act", "comment", "created")

    def has_add_permission(self, request):
        return False
