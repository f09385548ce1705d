"""Read-only API of the published cities and duos, with a GeoJSON view of the cities."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.public_cache import PublicCachedListMixin, public_api_response

from ..models import City, Duo
from .serializers import CitySerializer, DuoSerializer


class CityFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact")
    parent = django_filters.CharFilter(field_name="parent__slug", help_text="The slug of the parent territory.")

    class Meta:
        model = City
        fields = ["country", "role", "kind", "parent"]


LYON = {
    "slug": "lyon",
    "name": "Lyon",
    "name_en": "Lyon",
    "name_fr": "Lyon",
    "country": "FR",
    "country_name": "France",
    "kind": "city",
    "role": "french",
    "latitude": 45.76,
    "longitude": 4.84,
    "population": 522250,
    "population_year": 2021,
    "population_unit": "commune",
    "population_source": "INSEE",
    "mufpp_signed": 2015,
    "languages": "fr",
    "description": "",
    "photo": None,
    "photo_credit": "",
    "url": "/en/cities/lyon/",
}
DUO = {
    "slug": "lyon-ho-chi-minh-city",
    "name": "Lyon – Ho Chi Minh City",
    "french_city": {"slug": "lyon", "name": "Lyon", "country": "FR", "role": "french"},
    "partner_city": {"slug": "ho-chi-minh-city", "name": "Ho Chi Minh City", "country": "VN", "role": "partner"},
    "start_year": 2019,
    "existing_cooperation": "",
    "description": "",
    "phase": "monitoring",
    "phases": [{"code": "mission", "label": "Mission", "start": "2019-05-06", "end": "2019-06-28", "status": "done"}],
    "url": "/en/duos/lyon-ho-chi-minh-city/",
}


@extend_schema_view(
    retrieve=extend_schema(examples=[OpenApiExample("Lyon", LYON, response_only=True)]),
    list=extend_schema(
        examples=[
            OpenApiExample(
                "The French cities",
                {"count": 1, "next": None, "previous": None, "results": [LYON]},
                response_only=True,
            )
        ]
    ),
)
class CityViewSet(PublicCachedListMixin, viewsets.ReadOnlyModelViewSet):
    queryset = City.objects.published().select_related("parent")
    serializer_class = CitySerializer
    lookup_field = "slug"
    filterset_class = CityFilter
    search_fields = ["name_en", "name_fr"]
    ordering_fields = ["name", "population"]

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT}, description="The published cities as a GeoJSON FeatureCollection."
    )
    @action(detail=False, url_path="geojson", pagination_class=None, filter_backends=[])
    def geojson(self, request):
        return public_api_response(self, request, "cities-geojson", self._geojson)

    def _geojson(self) -> Response:
        features = [
            {
                "type": "Feature",
                "geometry": city.location,
                "properties": {
                    "slug": city.slug,
                    "name": city.name,
                    "country": city.country.code,
                    "role": city.role,
                    "url": city.get_absolute_url(),
                },
            }
            for city in self.get_queryset()
            if city.location
        ]
        return Response({"type": "FeatureCollection", "features": features})


@extend_schema_view(
    retrieve=extend_schema(examples=[OpenApiExample("Lyon and Ho Chi Minh City", DUO, response_only=True)])
)
class DuoViewSet(PublicCachedListMixin, viewsets.ReadOnlyModelViewSet):
    queryset = (
        Duo.objects.published().with_cities().filter(french_city__is_published=True, partner_city__is_published=True)
    )
    serializer_class = DuoSerializer
    lookup_field = "slug"
    filterset_fields = ["phase", "start_year"]
    search_fields = ["name_en", "name_fr"]
    ordering_fields = ["name", "start_year"]
