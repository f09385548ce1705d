"""Read-only API of the framework, and of the assessments, values and initiatives the caller may read."""

import json

import django_filters
from django.db.models import F, Prefetch
from django.http import HttpResponse
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action

from core.public_cache import PublicCachedListMixin, public_response

from ..models import (
    Assessment,
    Category,
    CategoryAssessment,
    Framework,
    Indicator,
    IndicatorValue,
    Initiative,
    RecommendedAction,
)
from ..selectors import category_completeness_many, initiatives_with_tags
from .serializers import (
    AssessmentDetailSerializer,
    AssessmentSerializer,
    CategorySerializer,
    FrameworkSerializer,
    IndicatorSerializer,
    IndicatorValueSerializer,
    InitiativeSerializer,
    RecommendedActionSerializer,
)


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Framework.objects.prefetch_related(Prefetch("categories", Category.objects.order_by("order")))
    serializer_class = FrameworkSerializer
    lookup_field = "slug"


class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Category.objects.select_related("framework").order_by("framework__slug", "order")
    serializer_class = CategorySerializer
    filterset_fields = {"framework__slug": ["exact"]}


class RecommendedActionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = RecommendedAction.objects.select_related("framework", "category").order_by("framework", "number")
    serializer_class = RecommendedActionSerializer
    filterset_fields = {"framework__slug": ["exact"], "category__code": ["exact"], "verified": ["exact"]}
    search_fields = ["title_en", "title_fr"]


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Indicator.objects.select_related("framework", "category").prefetch_related("actions").order_by("number")
    serializer_class = IndicatorSerializer
    lookup_field = "code"
    filterset_fields = {
        "framework__slug": ["exact"],
        "category__code": ["exact"],
        "value_type": ["exact"],
        "verified": ["exact"],
    }
    search_fields = ["code", "name_en", "name_fr"]


class AssessmentFilter(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city__slug")
    country = django_filters.CharFilter(field_name="city__country", lookup_expr="iexact")
    framework = django_filters.CharFilter(field_name="framework__slug")

    class Meta:
        model = Assessment
        fields = ["city", "country", "framework", "year", "status", "edition"]


class AssessmentViewSet(PublicCachedListMixin, viewsets.ReadOnlyModelViewSet):
    """Published assessments for everyone; drafts only for those allowed to read them."""

    lookup_field = "slug"
    filterset_class = AssessmentFilter
    ordering_fields = ["year", "city__name"]

    def get_queryset(self):
        queryset = (
            Assessment.objects.visible_to(self.request.user)
            .select_related("city", "framework")
            .order_by("city__name", "-year")
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("category_assessments", CategoryAssessment.objects.select_related("category"))
            )
        return queryset

    def get_serializer_class(self):
        return AssessmentDetailSerializer if self.action == "retrieve" else AssessmentSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve" and self.kwargs.get("slug"):
            assessment = self.get_queryset().filter(slug=self.kwargs["slug"]).first()
            if assessment is not None:
                context["completeness"] = category_completeness_many([assessment])[assessment.pk]
        return context


class IndicatorValueFilter(django_filters.FilterSet):
    assessment = django_filters.CharFilter(field_name="assessment__slug")
    city = django_filters.CharFilter(field_name="assessment__city__slug")
    indicator = django_filters.CharFilter(field_name="indicator__code")
    year = django_filters.NumberFilter(field_name="assessment__year")

    class Meta:
        model = IndicatorValue
        fields = ["assessment", "city", "indicator", "year", "no_data", "confidence"]


class IndicatorValueViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorValueSerializer
    filterset_class = IndicatorValueFilter

    def get_queryset(self):
        return (
            IndicatorValue.objects.filter(assessment__in=Assessment.objects.visible_to(self.request.user))
            .select_related("assessment__city", "indicator")
            .order_by("assessment__slug", "indicator__number", "indicator__code")
        )


class InitiativeFilter(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="assessment__city__slug")
    country = django_filters.CharFilter(field_name="assessment__city__country", lookup_expr="iexact")
    category = django_filters.CharFilter(field_name="categories__code")
    pillar = django_filters.CharFilter(field_name="pillars__code")
    action = django_filters.NumberFilter(field_name="actions__number")

    class Meta:
        model = Initiative
        fields = ["city", "country", "category", "pillar", "action", "actor_type", "status"]


class InitiativeViewSet(PublicCachedListMixin, viewsets.ReadOnlyModelViewSet):
    """The good-practice library: initiatives of the assessments the caller may read."""

    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter
    lookup_field = "ref"
    search_fields = ["title_en", "title_fr", "description_en", "description_fr"]
    ordering_fields = ["title", "start_year"]

    def get_queryset(self):
        visible = Initiative.objects.filter(assessment__in=Assessment.objects.visible_to(self.request.user))
        return initiatives_with_tags(visible).order_by("title").distinct()

    @extend_schema(responses={200: OpenApiTypes.OBJECT}, description="The initiatives as a GeoJSON FeatureCollection.")
    @action(detail=False, url_path="geojson", pagination_class=None)
    def geojson(self, request):
        # One lean query of the columns the features show (no tags fetched, no model built): served to the public
        # from the cache, compressed, with an ETag that turns a revisit into a 304.
        return public_response(request, "initiatives-geojson", lambda: self._geojson_response(request))

    def _geojson_response(self, request) -> HttpResponse:
        visible = Initiative.objects.filter(assessment__in=Assessment.objects.visible_to(self.request.user))
        rows = (
            self.filter_queryset(visible)
            .exclude(location__isnull=True)
            .order_by("title", "pk")
            .distinct()
            .values_list("pk", "ref", "title_en", "title_fr", "location", "assessment__city__slug", "actor_type")
            .annotate(demo=F("assessment__is_demo"))
        )
        french = get_language() == "fr"  # the title in the language asked, else in the other (as the model falls back)
        features = [
            {
                "type": "Feature",
                "geometry": location,
                "properties": {
                    "ref": ref,
                    "title": (title_fr or title_en) if french else (title_en or title_fr),
                    "city": city,
                    "actor_type": actor_type,
                    "demonstration_data": demo,
                },
            }
            for _pk, ref, title_en, title_fr, location, city, actor_type, demo in rows
            if location
        ]
        body = json.dumps(
            {"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False
        )
        return HttpResponse(body, content_type="application/json")
