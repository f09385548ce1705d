"""Read-only API of the published experiments: their communes, funding, partners, tools and published sessions."""

from django.db.models import Prefetch
from rest_framework import viewsets

from cities.models import City

from ..models import Experiment, Observation, Session, Tool, ToolPhoto
from ..selectors import sessions_with_feedback
from .serializers import ExperimentListSerializer, ExperimentSerializer


class ExperimentViewSet(viewsets.ReadOnlyModelViewSet):
    """Published experiments only, for everyone: the API is the public's view of them."""

    lookup_field = "slug"
    filterset_fields = ["status"]
    search_fields = ["title"]

    def get_serializer_class(self):
        return ExperimentSerializer if self.action == "retrieve" else ExperimentListSerializer

    def get_queryset(self):
        queryset = (
            Experiment.objects.published()
            .select_related("territory")
            .prefetch_related(Prefetch("communes", City.objects.order_by("name")))
            .order_by("-start", "slug")
        )
        if self.action != "retrieve":
            return queryset
        return queryset.prefetch_related(
            "fundings",
            "partners",
            Prefetch(
                "tools",
                Tool.objects.select_related("commune")
                .prefetch_related(
                    Prefetch("observations", Observation.objects.order_by("-date", "-id")),
                    Prefetch("photos", ToolPhoto.objects.order_by("id")),
                )
                .order_by("commune__name", "kind", "id"),
            ),
            Prefetch(
                "sessions",
                sessions_with_feedback(Session.objects.published()).order_by("date", "id"),
                to_attr="published_sessions",
            ),
        )
