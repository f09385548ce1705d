"""Read-only API of the framework, and of the assessments, values and initiatives the caller may read."""

import json

import django_filters
from django.db.models import F, Prefetch
from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

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


GEOJSON_LIMIT = 1000  # about 250 KB of features
GEOJSON_MAX_LIMIT = 5000


def _bounded_int(request, name: str, *, default: int, low: int, high: int | None) -> int:
    """Return the query parameter as an integer within [low, high], or raise a 400 naming it and why."""
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: [_("A whole number.")]}) from None
    if value < low or (high is not None and value > high):
        reason = (
            _("Must be between %(low)s and %(high)s.") % {"low": low, "high": high}
            if high is not None
            else _("Must be %(low)s or more.") % {"low": low}
        )
        raise ValidationError({name: [reason]})
    return value


def _page_url(request, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"], query["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


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

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        parameters=[
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": GEOJSON_MAX_LIMIT},
                description=f"Features per page (default {GEOJSON_LIMIT}).",
            ),
            OpenApiParameter("offset", {"type": "integer", "minimum": 0}, description="Features to skip (default 0)."),
        ],
        description="The initiatives with a location as a GeoJSON FeatureCollection, by pages in the manner of OGC API "
        "- Features: `numberReturned`, and `links` to the next and previous pages (rel `next`, `prev`).",
    )
    @action(detail=False, url_path="geojson", pagination_class=None)
    def geojson(self, request):
        # One lean query of the columns the features show (no tags fetched, no model built): served to the public
        # from the cache, compressed, with an ETag that turns a revisit into a 304. By pages: a whole network's
        # initiatives would be megabytes.
        limit = _bounded_int(request, "limit", default=GEOJSON_LIMIT, low=1, high=GEOJSON_MAX_LIMIT)
        offset = _bounded_int(request, "offset", default=0, low=0, high=None)
        return public_response(
            request, "initiatives-geojson", lambda: self._geojson_response(request, limit=limit, offset=offset)
        )

    def _geojson_response(self, request, *, limit: int, offset: int) -> HttpResponse:
        visible = Initiative.objects.filter(assessment__in=Assessment.objects.visible_to(self.request.user))
        rows = list(
            self.filter_queryset(visible)
            .exclude(location__isnull=True)
            .order_by("title", "pk")
            .distinct()
            .values_list("pk", "ref", "title_en", "title_fr", "location", "assessment__city__slug", "actor_type")
            .annotate(demo=F("assessment__is_demo"))[offset : offset + limit + 1]  # one more: is there a next page?
        )
        more, rows = len(rows) > limit, rows[:limit]
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
        links = [{"rel": "self", "type": "application/geo+json", "href": _page_url(request, limit, offset)}]
        if more:
            links.append(
                {"rel": "next", "type": "application/geo+json", "href": _page_url(request, limit, offset + limit)}
            )
        if offset:
            previous = max(0, offset - limit)
            links.append({"rel": "prev", "type": "application/geo+json", "href": _page_url(request, limit, previous)})
        collection = {
            "type": "FeatureCollection",
            "numberReturned": len(features),
            "features": features,
            "links": links,
        }
        body = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
        return HttpResponse(body, content_type="application/json")
