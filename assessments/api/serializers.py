from rest_framework import serializers

from cities.api.serializers import CityBriefSerializer

from ..models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Framework,
    Indicator,
    IndicatorValue,
    Initiative,
    RecommendedAction,
)


class CategorySerializer(serializers.ModelSerializer):
    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Category
        fields = ["code", "framework", "order", "name", "short_name", "description", "source"]


class RecommendedActionSerializer(serializers.ModelSerializer):
    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    category = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = RecommendedAction
        # Not the note: it is written for the team (what remains to check), as in the open-data package.
        fields = ["number", "framework", "category", "title", "short_title", "verified", "source"]


class IndicatorSerializer(serializers.ModelSerializer):
    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    category = serializers.SlugRelatedField(slug_field="code", read_only=True)
    actions = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "number",
            "framework",
            "category",
            "name",
            "description",
            "method",
            "unit",
            "value_type",
            "scale_min",
            "scale_max",
            "direction",
            "per_capita",
            "actions",
            "verified",
            "source",
        ]  # not the note, written for the team


class FrameworkSerializer(serializers.ModelSerializer):
    categories = CategorySerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = ["slug", "name", "version", "description", "source", "is_active", "categories"]


class CategoryReadingSerializer(serializers.ModelSerializer):
    category = serializers.CharField(source="category.code", read_only=True)
    completeness = serializers.SerializerMethodField()

    class Meta:
        model = CategoryAssessment
        fields = ["category", "rating", "rating_rationale", "challenges", "strengths", "completeness"]

    def get_completeness(self, obj) -> dict:
        item = self.context.get("completeness", {}).get(obj.category_id)
        if item is None:
            return {"with_value": None, "total": None, "percent": None}
        return {"with_value": item.with_value, "total": item.total, "percent": item.percent}


class AssessmentSerializer(serializers.ModelSerializer):
    city = CityBriefSerializer(read_only=True)
    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    demonstration_data = serializers.BooleanField(source="is_demo", read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "slug",
            "city",
            "framework",
            "year",
            "edition",
            "status",
            "summary",
            "published_at",
            "demonstration_data",
        ]


class AssessmentDetailSerializer(AssessmentSerializer):
    categories = serializers.SerializerMethodField()

    class Meta(AssessmentSerializer.Meta):
        fields = [*AssessmentSerializer.Meta.fields, "categories"]

    def get_categories(self, obj) -> list[dict]:
        readings = sorted(obj.category_assessments.all(), key=lambda reading: reading.category.order)
        return CategoryReadingSerializer(readings, many=True, context=self.context).data


class IndicatorValueSerializer(serializers.ModelSerializer):
    assessment = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    city = serializers.CharField(source="assessment.city.slug", read_only=True)
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)
    value = serializers.SerializerMethodField()
    display_value = serializers.CharField(read_only=True)
    demonstration_data = serializers.BooleanField(source="assessment.is_demo", read_only=True)

    class Meta:
        model = IndicatorValue
        fields = [
            "assessment",
            "city",
            "indicator",
            "no_data",
            "value",
            "display_value",
            "reference_year",
            "unit",
            "source_title",
            "source_url",
            "confidence",
            "licence",
            "demonstration_data",
        ]  # not the note, private to the contributors (as in the open-data package)

    def get_value(self, obj) -> float | bool | str | None:
        if not obj.has_value:
            return None
        if obj.value_boolean is not None:
            return obj.value_boolean
        if obj.value_number is not None:
            return float(obj.value_number)
        return obj.value_text


class ChallengeSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Challenge
        fields = ["id", "title", "description", "category", "severity"]


class InitiativeSerializer(serializers.ModelSerializer):
    city = serializers.CharField(source="assessment.city.slug", read_only=True)
    country = serializers.CharField(source="assessment.city.country.code", read_only=True)
    assessment = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    categories = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    actions = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    pillars = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True, default=None, allow_null=True)
    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)
    demonstration_data = serializers.BooleanField(source="assessment.is_demo", read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "ref",
            "title",
            "description",
            "city",
            "country",
            "assessment",
            "categories",
            "actions",
            "pillars",
            "actor_type",
            "organisation",
            "latitude",
            "longitude",
            "website",
            "photo",
            "photo_credit",
            "start_year",
            "status",
            "demonstration_data",
        ]
