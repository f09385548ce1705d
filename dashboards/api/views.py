"""The duo dashboard in the API: the same selector, the same numbers and the same visibility as the page."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from cities.selectors import duo_for

from ..selectors import dashboard_read


@extend_schema(
    operation_id="duo_dashboard",
    responses={200: OpenApiTypes.OBJECT},
    description=(
        "The dashboard of a duo, as its page shows it: for each city (French city first) the assessment read "
        "(`cities[].assessment`, null when there is none); per category the rating (null when not rated), the data "
        "completeness, challenges and initiatives (`categories[].sides`, in the order of `cities`); the indicator "
        "comparison (`comparison`: cells, `comparable`, `notes`, per-inhabitant values); the cooperation "
        "opportunities, best first, each with its score, inspiring initiatives and reason; the programme timeline. "
        "Anonymous callers get published assessments only; a partner of the duo also sees the drafts shared with "
        "partners; the team sees the latest assessment of any status."
    ),
    tags=["duos"],
)
@api_view(["GET"])
def duo_dashboard(request, slug):
    dashboard = dashboard_read(duo=duo_for(request.user, slug), user=request.user)
    return Response(dashboard.as_dict())
