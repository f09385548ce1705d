"""The data of each report, as plain values (so that its hash says whether the document changed)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from assessments.selectors import assessment_latest_published, assessment_overview
from cities.models import City
from core.charts import Series, radar_svg


def _assessment_data(city: City) -> dict | None:
    assessment = assessment_latest_published(city=city)
    if assessment is None:
        return None
    overview = assessment_overview(assessment=assessment)
    axes = [str(item.category) for item in overview.categories]
    return {
        "year": assessment.year,
        "framework": str(assessment.framework),
        "summary": assessment.summary,
        "is_demo": assessment.is_demo,
        "chart": str(
            radar_svg(
                axes=axes,
                series=[Series(f"{city.name} {assessment.year}", overview.ratings, "#2e7d32")],
                title=_("Ratings of the categories, %(name)s (0 to 10)") % {"name": city.name},
                description="; ".join(
                    f"{axis}: {rating if rating is not None else _('not rated')}"
                    for axis, rating in zip(axes, overview.ratings, strict=True)
                ),
                not_rated_label=_("not rated"),
                element_id=f"radar-{city.slug}",
            )
        ),
        "categories": [
            {
                "name": str(item.category),
                "rating": item.rating,
                "rationale": item.reading.rating_rationale if item.reading else "",
                "challenges_text": item.reading.challenges if item.reading else "",
                "strengths": item.reading.strengths if item.reading else "",
                "completeness": item.completeness.percent,
                "values": [
                    {
                        "indicator": indicator.name,
                        "code": indicator.code,
                        "value": value.display_value if value else _("no data"),
                        "has_value": bool(value and value.has_value),
                        "unit": (value.unit if value else "") or indicator.unit,
                        "year": value.reference_year if value else None,
                        "source": value.source_title if value else "",
                        "source_url": value.source_url if value else "",
                        "confidence": value.get_confidence_display() if value and value.confidence else "",
                        "licence": value.licence if value else "",
                    }
                    for indicator, value in item.rows
                ],
            }
            for item in overview.categories
        ],
        "challenges": [
            {"title": c.title, "description": c.description, "severity": c.get_severity_display()}
            for c in overview.challenges
        ],
        "initiatives": [
            {
                "title": i.title,
                "description": i.description,
                "actor": i.get_actor_type_display(),
                "organisation": i.organisation.name if i.organisation else "",
                "start_year": i.start_year,
                "photo_credit": i.photo_credit,
            }
            for i in overview.initiatives
        ],
    }


def _city_data(city: City) -> dict:
    return {
        "slug": city.slug,
        "name": city.name,
        "country": str(city.country.name),
        "role": city.get_role_display(),
        "population": city.population,
        "population_year": city.population_year,
        "population_unit": city.population_unit,
        "population_source": city.population_source,
        "latitude": city.latitude,
        "longitude": city.longitude,
        "assessment": _assessment_data(city),
    }


def city_document(subject: str) -> dict:
    """Return the data of the assessment report of the published city `subject`."""
    try:
        city = get_object_or_404(City.objects.published(), slug=subject)
    except Http404:
        from .services import ReportError

        raise ReportError(_("No published city %(slug)s.") % {"slug": subject}) from None
    return {"title": _("Food system assessment: %(name)s") % {"name": city.name}, "city": _city_data(city)}


BUILDERS = {"city": city_document}
TEMPLATES = {"city": "pdf/city_report.html"}
