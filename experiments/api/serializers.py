from rest_framework import serializers

from cities.api.serializers import CityBriefSerializer

from ..models import Experiment, Funding, Observation, Partner, Session, Tool, ToolPhoto


class FundingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Funding
        fields = ["source", "amount", "currency", "status"]


class PartnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partner
        fields = ["kind", "organisation", "role"]


class ObservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Observation
        fields = ["date", "note"]


class ToolPhotoSerializer(serializers.ModelSerializer):
    class Meta:
        model = ToolPhoto
        fields = ["image", "caption", "credit"]


class ToolSerializer(serializers.ModelSerializer):
    commune = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    observations = ObservationSerializer(many=True, read_only=True)
    photos = ToolPhotoSerializer(many=True, read_only=True)

    class Meta:
        model = Tool
        fields = [
            "id",
            "commune",
            "kind",
            "title",
            "description",
            "status",
            "outcome",
            "lessons",
            "cost",
            "currency",
            "observations",
            "photos",
        ]


class SessionSerializer(serializers.ModelSerializer):
    """A session as the public reads it: no code, and the feedback as a count and an average only."""

    commune = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    feedback_count = serializers.IntegerField(read_only=True)
    feedback_rating = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "commune",
            "kind",
            "title",
            "date",
            "audience",
            "attendance",
            "material",
            "feedback_count",
            "feedback_rating",
        ]


class ExperimentListSerializer(serializers.ModelSerializer):
    territory = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    communes = CityBriefSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Experiment
        fields = ["slug", "title", "territory", "communes", "start", "end", "status", "objectives", "url"]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class ExperimentSerializer(ExperimentListSerializer):
    fundings = FundingSerializer(many=True, read_only=True)
    partners = PartnerSerializer(many=True, read_only=True)
    tools = ToolSerializer(many=True, read_only=True)
    sessions = SessionSerializer(many=True, read_only=True, source="published_sessions")

    class Meta(ExperimentListSerializer.Meta):
        fields = [*ExperimentListSerializer.Meta.fields, "summary", "fundings", "partners", "tools", "sessions"]
