"""The admin where the project team prepares missions and workshops, runs simulations and follows the action plans.

Permissions come from workshops/rules.py (django-rules). Votes move only through workshops.services, so the vote
state and the ballots are read-only here.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from assessments.admin import HistoryAdmin
from cities.models import City
from core.admin import MapAdminMixin, territory_of_request

from .models import (
    Action,
    ActionUpdate,
    Ballot,
    Criterion,
    Infrastructure,
    Milestone,
    Mission,
    Participant,
    Photo,
    Proposal,
    RoleAssignment,
    RoundDecision,
    Scenario,
    ScenarioRound,
    Score,
    SimulationGroup,
    Vulnerability,
    Workshop,
)
from .services import criteria_ensure_default

# --- Missions


class MissionPhotoInline(admin.TabularInline):
    model = Photo
    fk_name = "mission"
    fields = ("image", "caption", "credit")
    extra = 0


@admin.register(Mission)
class MissionAdmin(ObjectPermissionsModelAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("title", "city", "start", "end", "status", "is_published", "is_demo")
    list_filter = ("city", "status", "is_published", "is_demo")
    list_select_related = ("city",)
    search_fields = ("title_en", "title_fr", "slug", "city__name_en", "city__name_fr", "film_title")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("city", "team_members", "universities")
    date_hierarchy = "start"
    inlines = [MissionPhotoInline]
    fieldsets = (
        (None, {"fields": ("city", "title", "slug", "description", "start", "end", "status")}),
        (_("People"), {"fields": ("team_members", "team_member_names", "universities")}),
        (
            _("Film"),
            {"fields": ("film_title", "film_url", "film_duration_minutes", "film_languages", "film_synopsis")},
        ),
        (_("Public event"), {"fields": ("event_date", "event_venue", "event_attendance", "event_authorities")}),
        (_("Publication"), {"fields": ("is_published", "is_demo")}),
    )


# --- Workshops


class WorkshopPhotoInline(admin.TabularInline):
    model = Photo
    fk_name = "workshop"
    fields = ("image", "caption", "credit")
    extra = 0


def vote_started(workshop) -> bool:
    """Return whether the workshop's vote has opened (it may be closed since)."""
    return workshop is not None and workshop.vote != Workshop.Vote.NOT_OPEN


class CriterionInline(TranslationTabularInline):
    """The criteria and their weights, set before the vote; fixed once it opens, since every ballot is scored on them
    (a criterion removed would take its scores along, one added would have none)."""

    model = Criterion
    fields = ("order", "code", "name", "weight", "scale_min", "scale_max")
    extra = 0
    _vote_started = staticmethod(vote_started)

    def has_add_permission(self, request, obj=None):
        return not self._vote_started(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._vote_started(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._vote_started(obj) and super().has_delete_permission(request, obj)


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ("name", "organisation", "kind", "email", "consents_to_be_named")
    autocomplete_fields = ("organisation",)
    extra = 0


class ProposalInline(TranslationStackedInline):
    model = Proposal
    fields = ("order", "title", "description", "category", "pillar", "challenges", "actions", "proposed_by", "source")
    autocomplete_fields = ("category", "pillar", "challenges", "actions", "proposed_by")
    extra = 0
    show_change_link = True

    # Once the vote has opened, the list of proposals is fixed: every ballot scores all of them, and a proposal
    # deleted after the close would leave a hole in the frozen ranking. Their wording can still be corrected.
    def has_add_permission(self, request, obj=None):
        return not vote_started(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not vote_started(obj) and super().has_delete_permission(request, obj)


class VulnerabilityInline(admin.TabularInline):
    model = Vulnerability
    fields = ("description", "category")
    extra = 0


class WorkshopAdminForm(forms.ModelForm):
    """The workshop's times are typed and shown in its city's local time, wherever the team member sits."""

    LOCAL_TIMES = ("starts_at", "ends_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        city = self.instance.city if self.instance.city_id else None
        for name in self.LOCAL_TIMES:
            if name not in self.fields:
                continue
            self.fields[name].help_text = _("In the local time of the workshop's city (its time zone is on the city).")
            value = getattr(self.instance, name)
            if city is not None and value is not None:
                # Naive on purpose: the widget shows it as it is, instead of in the server's time zone.
                self.initial[name] = timezone.localtime(value, city.zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        city = cleaned.get("city")
        if city is not None:
            current = timezone.get_current_timezone()
            for name in self.LOCAL_TIMES:
                if cleaned.get(name) is not None:
                    cleaned[name] = timezone.make_aware(timezone.make_naive(cleaned[name], current), city.zone)
        return cleaned


@admin.register(Workshop)
class WorkshopAdmin(ObjectPermissionsModelAdminMixin, HistoryAdmin, TranslationAdmin):
    form = WorkshopAdminForm
    list_display = ("title", "city", "format", "starts_at", "vote", "is_published", "is_demo")
    list_filter = ("city", "format", "vote", "is_published", "is_demo")
    list_select_related = ("city",)
    search_fields = ("title_en", "title_fr", "slug", "code", "city__name_en", "city__name_fr")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("city", "mission", "scenario", "facilitators")
    readonly_fields = ("vote", "vote_closed_at", "vote_links")
    date_hierarchy = "starts_at"
    inlines = [CriterionInline, ParticipantInline, ProposalInline, VulnerabilityInline, WorkshopPhotoInline]
    fieldsets = (
        (None, {"fields": ("city", "mission", "format", "scenario", "title", "slug")}),
        (_("When and where"), {"fields": ("starts_at", "ends_at", "venue", "facilitators")}),
        (_("Content"), {"fields": ("agenda", "minutes", "private_notes")}),
        (_("Vote"), {"fields": ("code", "vote", "vote_closed_at", "vote_links")}),
        (_("Publication"), {"fields": ("is_published", "is_demo")}),
    )

    @admin.display(description=_("during the workshop"))
    def vote_links(self, obj):
        # The vote is run from the site, not from here: the facilitator needs the way there.
        if obj is None or obj.pk is None:
            return _("Save the workshop first.")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("voting:facilitate", kwargs={"slug": obj.slug}),
            _("Facilitator console (open and close the vote, paper sheets, actions)"),
            reverse("voting:ranking", kwargs={"code": obj.code}),
            _("Ranking for the projector"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The default criteria appear on the first save, so that their weights can be set before the vote opens.
        criteria_ensure_default(workshop=form.instance)


@admin.register(Participant)
class ParticipantAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    """Participants across workshops (also what the simulation roles pick from)."""

    list_display = ("name", "workshop", "kind", "organisation", "consents_to_be_named")
    list_filter = ("workshop__city", "kind", "consents_to_be_named")
    list_select_related = ("workshop", "organisation")
    search_fields = ("name", "organisation__name", "workshop__title_en", "workshop__title_fr")
    autocomplete_fields = ("workshop", "organisation")


@admin.register(Proposal)
class ProposalAdmin(ObjectPermissionsModelAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("title", "workshop", "category", "source", "order")
    list_filter = ("workshop__city", "workshop", "category", "source")
    list_select_related = ("workshop", "category")
    search_fields = ("title_en", "title_fr", "workshop__title_en", "workshop__title_fr")
    autocomplete_fields = ("workshop", "category", "pillar", "challenges", "actions", "proposed_by")

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and vote_started(obj.workshop)) and super().has_delete_permission(request, obj)


class ScoreInline(admin.TabularInline):
    model = Score
    fields = ("proposal", "criterion", "value")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposal", "criterion")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Ballot)
class BallotAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    """Ballots are cast through the vote, never typed or altered here; the participant token stays out of sight."""

    list_display = ("__str__", "workshop", "from_paper", "cast_at", "score_count")
    list_filter = ("workshop__city", "workshop", "from_paper")
    list_select_related = ("workshop",)
    fields = ("workshop", "from_paper", "cast_at")
    readonly_fields = fields
    inlines = [ScoreInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(score_total=Count("scores"))

    @admin.display(description=_("scores"), ordering="score_total")
    def score_count(self, obj):
        return obj.score_total

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Simulations


class ScenarioRoundInline(TranslationStackedInline):
    model = ScenarioRound
    fields = ("number", "title", "events")
    extra = 0


@admin.register(Scenario)
class ScenarioAdmin(ObjectPermissionsModelAdminMixin, TranslationAdmin):
    list_display = ("title", "hazard", "slug")
    search_fields = ("title_en", "title_fr", "hazard", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [ScenarioRoundInline]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    fields = ("role", "participant")
    autocomplete_fields = ("participant",)
    extra = 0


class RoundDecisionInline(admin.StackedInline):
    model = RoundDecision
    fields = ("round", "decision")
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "round":
            kwargs["queryset"] = ScenarioRound.objects.select_related("scenario")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(SimulationGroup)
class SimulationGroupAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ("name", "workshop")
    list_filter = ("workshop__city", "workshop")
    list_select_related = ("workshop",)
    search_fields = ("name", "workshop__title_en", "workshop__title_fr")
    autocomplete_fields = ("workshop",)
    inlines = [RoleAssignmentInline, RoundDecisionInline]


@admin.register(Vulnerability)
class VulnerabilityAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "workshop", "category")
    list_filter = ("workshop__city", "category")
    list_select_related = ("workshop", "category")
    search_fields = ("description", "workshop__title_en", "workshop__title_fr")
    autocomplete_fields = ("workshop", "category")


@admin.register(Infrastructure)
class InfrastructureAdmin(ObjectPermissionsModelAdminMixin, MapAdminMixin, admin.ModelAdmin):
    list_display = ("name", "city", "kind", "status", "owner", "is_demo")
    list_filter = ("city", "kind", "status", "is_demo")
    list_select_related = ("city",)
    search_fields = ("name", "owner", "city__name_en", "city__name_fr")
    autocomplete_fields = ("city",)

    def map_territory(self, request, obj):
        return obj.city if obj is not None else territory_of_request(request, City, "city")


# --- Action plans


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ("title", "due", "done_on")
    extra = 0


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    fields = ("date", "status", "note", "author")
    autocomplete_fields = ("author",)
    extra = 0


@admin.register(Action)
class ActionAdmin(ObjectPermissionsModelAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("title", "duo", "territory", "status", "start", "end", "is_demo")
    list_filter = ("duo", "territory", "status", "is_demo")
    list_select_related = ("duo", "territory")
    search_fields = ("title_en", "title_fr", "duo__name_en", "duo__name_fr", "territory__name_en", "territory__name_fr")
    autocomplete_fields = ("duo", "territory", "proposal", "owners", "indicators", "recommended_actions")
    inlines = [MilestoneInline, ActionUpdateInline]
    fieldsets = (
        (None, {"fields": ("duo", "territory", "proposal", "title", "description", "status")}),
        (_("Who, when, how much"), {"fields": ("owners", "start", "end", "budget", "currency", "funding_source")}),
        (_("Framework"), {"fields": ("indicators", "recommended_actions")}),
        (_("Private"), {"fields": ("internal_notes", "is_demo")}),
    )

    def save_formset(self, request, form, formset, change):
        if formset.model is not ActionUpdate:
            return super().save_formset(request, form, formset, change)
        updates = formset.save(commit=False)
        for update in updates:
            update.author = update.author or request.user  # as on the site: the update is signed
            update.save()
        for obj in formset.deleted_objects:
            obj.delete()
        # An update typed here moves the action to its status, as one posted from the plan page does.
        added = sorted(formset.new_objects, key=lambda update: (update.date, update.pk))
        action = form.instance
        if added and action.status != added[-1].status:
            action.status = added[-1].status
            action.save(update_fields=["status"])
        return None
