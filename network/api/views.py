"""Read-only API of the network overview: the coverage of the recommended actions by the duo cities."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.services import MUFPP_SLUG
from core.pagination import StrictPageNumberPagination
from core.public_cache import public_api_response

from ..selectors import DUOS_PER_PAGE, network_coverage


class CoverageCellSerializer(serializers.Serializer):
    initiatives = serializers.IntegerField(help_text="Initiatives linked to the action.")
    challenges = serializers.IntegerField(help_text="Challenges linked to the action.")
    planned = serializers.IntegerField(help_text="Action-plan actions linked to it (0 until plans are recorded).")


class CoverageCitySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    duo = serializers.SlugField()
    assessment = serializers.SlugField(allow_null=True, help_text="The assessment counted, or null.")
    assessment_status = serializers.CharField(allow_null=True)


class CoverageRowSerializer(serializers.Serializer):
    action = serializers.IntegerField(help_text="Number of the recommended action.")
    category = serializers.SlugField()
    title = serializers.CharField()
    cells = serializers.DictField(child=CoverageCellSerializer(), help_text="Keyed by city slug.")
    total = CoverageCellSerializer(help_text="Over every city of the network, all pages.")


class NetworkCoverageSerializer(serializers.Serializer):
    count = serializers.IntegerField(
        help_text=f"Duos in the network; their cities are given by pages of {DUOS_PER_PAGE} duos."
    )
    next = serializers.URLField(allow_null=True, help_text="The next page of duos, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page of duos, or null.")
    framework = serializers.SlugField()
    planned_actions_tracked = serializers.BooleanField(help_text="Whether planned actions are counted yet.")
    cities = CoverageCitySerializer(many=True, help_text="The cities of this page's duos.")
    rows = CoverageRowSerializer(many=True)
    totals = serializers.DictField(child=CoverageCellSerializer(), help_text="Per city slug, over the rows returned.")
    total = CoverageCellSerializer(help_text="Over the rows returned and every city of the network, all pages.")


EVERY_COLUMN = slice(None)


def coverage_data(coverage, shown: slice = EVERY_COLUMN) -> dict:
    """Return the coverage matrix as plain data, one row per recommended action, cells keyed by city slug, for the
    columns shown (a page's cities; every city by default)."""
    columns = coverage.columns[shown]
    return {
        "framework": MUFPP_SLUG,
        "planned_actions_tracked": coverage.tracks_planned,
        "cities": [
            {
                "slug": column.city.slug,
                "name": column.city.name,
                "duo": column.duo.slug,
                "assessment": column.assessment["slug"] if column.assessment else None,
                "assessment_status": column.assessment["status"] if column.assessment else None,
            }
            for column in columns
        ],
        "rows": [
            {
                "action": row.action.number,
                "category": row.action.category.code,
                "title": row.action.title,
                "cells": {
                    column.city.slug: cell.as_dict() for column, cell in zip(columns, row.cells[shown], strict=True)
                },
                "total": row.total.as_dict(),
            }
            for row in coverage.rows
        ],
        "totals": {column.city.slug: column.total.as_dict() for column in columns},
        "total": coverage.total.as_dict(),
    }


class NetworkCoverageView(APIView):
    """The MUFPP recommended actions × the duo cities: initiatives, challenges and planned actions linked to each.

    Each city is counted in its latest assessment the caller may read (published ones for the public).
    """

    @extend_schema(
        operation_id="network_coverage",
        parameters=[
            OpenApiParameter("category", str, description="Only the actions of this category (its code)."),
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1, "maximum": 999_999_999},
                description=f"The page of duos, {DUOS_PER_PAGE} a page (default 1).",
            ),
        ],
        responses={200: NetworkCoverageSerializer, 404: OpenApiResponse(description="No such page of duos.")},
    )
    def get(self, request):
        paginator = DuoPagination()
        paginator.get_page_number(request, None)  # a page that is no number is a 400 before any work
        return public_api_response(self, request, "network-coverage", lambda: self._coverage(request, paginator))

    def _coverage(self, request, paginator) -> Response:
        coverage = network_coverage(user=request.user, category=request.query_params.get("category") or None)
        duos = paginator.paginate_queryset(coverage.duos, request, view=self)
        first = sum(len(group.columns) for group in coverage.duos[: paginator.page.start_index() - 1])
        shown = slice(first, first + sum(len(group.columns) for group in duos))
        data = {
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            **coverage_data(coverage, shown),
        }
        return Response(NetworkCoverageSerializer(data).data)


class DuoPagination(StrictPageNumberPagination):
    """The matrix's columns by pages of duos, as on the page: a whole network's would be thousands of cells a row."""

    page_size_query_param = None

    def get_page_size(self, request):
        return DUOS_PER_PAGE
