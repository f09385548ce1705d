from rest_framework import serializers

from ..models import City, Duo


class CityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = ["slug", "name", "country", "role"]


class CitySerializer(serializers.ModelSerializer):
    country_name = serializers.CharField(source="country.name", read_only=True)
    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)
    name_en = serializers.CharField(read_only=True)
    name_fr = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = City
        fields = [
            "slug",
            "name",
            "name_en",
            "name_fr",
            "country",
            "country_name",
            "kind",
            "role",
            "parent",
            "latitude",
            "longitude",
            "population",
            "population_year",
            "population_unit",
            "population_source",
            "mufpp_signed",
            "languages",
            "description",
            "photo",
            "photo_credit",
            "url",
        ]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class DuoSerializer(serializers.ModelSerializer):
    french_city = CityBriefSerializer(read_only=True)
    partner_city = CityBriefSerializer(read_only=True)
    phases = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Duo
        fields = [
            "slug",
            "name",
            "french_city",
            "partner_city",
            "start_year",
            "existing_cooperation",
            "description",
            "phase",
            "phases",
            "url",
        ]

    def get_phases(self, obj) -> list[dict]:
        return [{**p, "label": str(p["label"])} for p in obj.phases()]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()
