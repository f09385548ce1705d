"""Read-only API of missions, workshops, action plans, simulation scenarios and food infrastructure."""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cities.models import City
from cities.predicates import duo_city_ids
from core.predicates import is_team

from ..models import Action, Infrastructure, Mission, Participant, Scenario, ScenarioRound, Workshop
from ..selectors import actions_with_plan_data
from .serializers import (
    ActionSerializer,
    InfrastructureSerializer,
    MissionSerializer,
    ScenarioSerializer,
    WorkshopSerializer,
)


class MissionFilter(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city__slug")

    class Meta:
        model = Mission
        fields = ["city", "status"]


class MissionViewSet(viewsets.ReadOnlyModelViewSet):
    """The team's missions in the partner cities (published ones; every one for the team)."""

    serializer_class = MissionSerializer
    filterset_class = MissionFilter
    lookup_field = "slug"
    search_fields = ["title_en", "title_fr"]
    ordering_fields = ["start", "title"]

    def get_queryset(self):
        missions = Mission.objects.select_related("city").order_by("-start", "slug")
        return missions if is_team(self.request.user) else missions.published()


class WorkshopFilter(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city__slug")
    mission = django_filters.CharFilter(field_name="mission__slug")
    scenario = django_filters.CharFilter(field_name="scenario__slug")
    # Not "format": DRF reads ?format= as the response format (?format=json), so that filter could never apply.
    workshop_format = django_filters.ChoiceFilter(field_name="format", choices=Workshop.Format.choices)

    class Meta:
        model = Workshop
        fields = ["city", "mission", "scenario", "workshop_format", "vote"]


class WorkshopViewSet(viewsets.ReadOnlyModelViewSet):
    """Published workshops (the team, and a duo's partners for their own cities, see the others too). Private
    notes and participants' emails are never given; participants are named only with their consent."""

    serializer_class = WorkshopSerializer
    filterset_class = WorkshopFilter
    lookup_field = "slug"
    search_fields = ["title_en", "title_fr"]
    ordering_fields = ["starts_at", "title"]

    def get_queryset(self):
        user = self.request.user
        workshops = Workshop.objects.select_related("city", "mission", "scenario").prefetch_related(
            Prefetch("participants", Participant.objects.select_related("organisation").order_by("name"))
        )
        if not is_team(user):
            workshops = workshops.filter(is_published=True) | workshops.filter(city_id__in=duo_city_ids(user))
        return workshops.order_by("-starts_at", "slug")


class ActionFilter(django_filters.FilterSet):
    duo = django_filters.CharFilter(field_name="duo__slug")
    city = django_filters.CharFilter(method="filter_city")
    indicator = django_filters.CharFilter(field_name="indicators__code")
    workshop = django_filters.CharFilter(field_name="proposal__workshop__slug")

    class Meta:
        model = Action
        fields = ["duo", "city", "indicator", "workshop", "status"]

    def filter_city(self, queryset, name, value):
        return queryset.filter(duo__french_city__slug=value) | queryset.filter(duo__partner_city__slug=value)


class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    """The duos' action plans: each action with its milestones and progress (the share of milestones done).
    Internal notes are given only to the team and the duo's partners (null for anyone else)."""

    serializer_class = ActionSerializer
    filterset_class = ActionFilter
    search_fields = ["title_en", "title_fr"]
    ordering_fields = ["start", "end", "status"]

    def get_queryset(self):
        return (
            actions_with_plan_data(Action.objects.visible_to(self.request.user))
            .order_by("duo__slug", "start", "id")
            .distinct()
        )


class ScenarioViewSet(viewsets.ReadOnlyModelViewSet):
    """The library of food-disruption scenarios (ATLASS format) and their rounds of escalating events."""

    queryset = Scenario.objects.prefetch_related(Prefetch("rounds", ScenarioRound.objects.order_by("number"))).order_by(
        "title"
    )
    serializer_class = ScenarioSerializer
    lookup_field = "slug"
    search_fields = ["title_en", "title_fr", "hazard"]


class InfrastructureFilter(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city__slug")

    class Meta:
        model = Infrastructure
        fields = ["city", "kind", "status"]


class InfrastructureViewSet(viewsets.ReadOnlyModelViewSet):
    """The food infrastructure of the territories: mills, processing workshops, abattoirs, storage, markets…"""

    serializer_class = InfrastructureSerializer
    filterset_class = InfrastructureFilter
    search_fields = ["name", "owner"]
    ordering_fields = ["kind", "name"]

    def get_queryset(self):
        cities = City.objects.all() if is_team(self.request.user) else City.objects.published()
        return (
            Infrastructure.objects.filter(city__in=cities).select_related("city").order_by("city__slug", "kind", "name")
        )

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT}, description="The food infrastructure as a GeoJSON FeatureCollection."
    )
    @action(detail=False, url_path="geojson", pagination_class=None)
    def geojson(self, request):
        features = [
            {
                "type": "Feature",
                "geometry": item.location,
                "properties": {
                    "id": item.pk,
                    "name": item.name,
                    "kind": item.kind,
                    "status": item.status,
                    "owner": item.owner,
                    "capacity": item.capacity,
                    "city": item.city.slug,
                    "demonstration_data": item.is_demo,
                },
            }
            for item in self.filter_queryset(self.get_queryset())
            if item.location
        ]
        return Response({"type": "FeatureCollection", "features": features})
