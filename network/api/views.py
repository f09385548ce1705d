"""Read-only API of the network overview: the coverage of the recommended actions by the duo cities."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.services import MUFPP_SLUG
from core.public_cache import public_api_response

from ..selectors import network_coverage


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
    total = CoverageCellSerializer()


class NetworkCoverageSerializer(serializers.Serializer):
    framework = serializers.SlugField()
    planned_actions_tracked = serializers.BooleanField(help_text="Whether planned actions are counted yet.")
    cities = CoverageCitySerializer(many=True)
    rows = CoverageRowSerializer(many=True)
    totals = serializers.DictField(child=CoverageCellSerializer(), help_text="Per city slug, over the rows returned.")
    total = CoverageCellSerializer()


def coverage_data(coverage) -> dict:
    """Return the coverage matrix as plain data, one row per recommended action, cells keyed by city slug."""
    columns = coverage.columns
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
                "cells": {column.city.slug: cell.as_dict() for column, cell in zip(columns, row.cells, strict=True)},
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
        parameters=[OpenApiParameter("category", str, description="Only the actions of this category (its code).")],
        responses=NetworkCoverageSerializer,
    )
    def get(self, request):
        return public_api_response(self, request, "network-coverage", lambda: self._coverage(request))

    def _coverage(self, request) -> Response:
        coverage = network_coverage(user=request.user, category=request.query_params.get("category") or None)
        return Response(NetworkCoverageSerializer(coverage_data(coverage)).data)
