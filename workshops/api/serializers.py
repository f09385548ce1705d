"""Output serializers of the workshops API: never a workshop's private notes nor a participant's email, participants
named only with their consent, an action's internal notes only for those allowed to read them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cities.api.serializers import CityBriefSerializer

from ..models import Action, Infrastructure, Milestone, Mission, Participant, Scenario, ScenarioRound, Workshop
from ..selectors import PRIVATE_PERM
from ..services import action_progress


class MissionSerializer(serializers.ModelSerializer):
    city = CityBriefSerializer(read_only=True)

    class Meta:
        model = Mission
        fields = [
            "slug",
            "title",
            "city",
            "description",
            "start",
            "end",
            "status",
            "film_title",
            "film_url",
            "film_duration_minutes",
            "film_languages",
            "film_synopsis",
            "event_date",
            "event_venue",
            "event_attendance",
            "is_demo",
        ]


class NamedParticipantSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", default=None, read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = ["name", "kind", "organisation"]


class WorkshopSerializer(serializers.ModelSerializer):
    city = CityBriefSerializer(read_only=True)
    mission = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    scenario = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    participant_count = serializers.SerializerMethodField()
    named_participants = serializers.SerializerMethodField()

    class Meta:
        model = Workshop
        fields = [
            "slug",
            "title",
            "format",
            "city",
            "mission",
            "scenario",
            "starts_at",
            "ends_at",
            "venue",
            "agenda",
            "minutes",
            "vote",
            "vote_closed_at",
            "participant_count",
            "named_participants",
            "is_demo",
        ]

    def get_participant_count(self, obj) -> int:
        return len(obj.participants.all())

    @extend_schema_field(NamedParticipantSerializer(many=True))
    def get_named_participants(self, obj):
        named = [participant for participant in obj.participants.all() if participant.consents_to_be_named]
        return NamedParticipantSerializer(named, many=True).data


class MilestoneSerializer(serializers.ModelSerializer):
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Milestone
        fields = ["title", "due", "done_on", "overdue"]

    def get_overdue(self, obj) -> bool:
        return obj.is_overdue()


class ActionSerializer(serializers.ModelSerializer):
    duo = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="The duo whose plan holds the action, or null."
    )
    territory = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The territory whose local plan holds the action (no duo), or null.",
    )
    workshop = serializers.SerializerMethodField()
    owners = serializers.SerializerMethodField()
    indicators = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    progress = serializers.SerializerMethodField()
    internal_notes = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id",
            "title",
            "description",
            "duo",
            "territory",
            "workshop",
            "status",
            "owners",
            "budget",
            "currency",
            "funding_source",
            "start",
            "end",
            "indicators",
            "milestones",
            "progress",
            "internal_notes",
            "is_demo",
        ]

    def get_workshop(self, obj) -> str | None:
        proposal = obj.proposal
        if proposal is None or not proposal.workshop.is_published:
            return None
        return proposal.workshop.slug

    def get_owners(self, obj) -> list[str]:
        return [owner.name for owner in obj.owners.all()]

    def get_progress(self, obj) -> int | None:
        return action_progress(obj, list(obj.milestones.all()))

    def get_internal_notes(self, obj) -> str | None:
        """The internal notes, or null for anyone but the team and the duo's partners."""
        request = self.context.get("request")
        if request is None or not request.user.has_perm(PRIVATE_PERM, obj):
            return None
        return obj.internal_notes


class ScenarioRoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScenarioRound
        fields = ["number", "title", "events"]


class ScenarioSerializer(serializers.ModelSerializer):
    rounds = ScenarioRoundSerializer(many=True, read_only=True)

    class Meta:
        model = Scenario
        fields = ["slug", "title", "hazard", "summary", "rounds"]


class InfrastructureSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Infrastructure
        fields = ["id", "name", "kind", "city", "owner", "capacity", "status", "location", "is_demo"]
