"""What the reports share: their sources, the data of a city and its assessment, charts and locator maps."""

from dataclasses import asdict

from django.conf import settings
from django.utils.translation import gettext as _

from assessments.editions import EditionChange, change_radar, city_edition_change
from assessments.models import Assessment, Framework, Initiative, stored_label
from assessments.selectors import assessment_latest_published, assessment_overview
from cities.models import City
from core.charts import Series, radar_svg
from core.dates import date_format

from ..errors import ReportError
from ..maps import Place, locator_map_svg
from ..pdf import svg_figure

FRENCH_COLOUR, PARTNER_COLOUR = "#2e7d32", "#c25e00"
MAP_SOURCE = {
    "title": "Natural Earth 1:110m (admin-0 countries), simplified",
    "url": "https://www.naturalearthdata.com/",
    "licence": "Public domain",
}


def report_error(message: str) -> Exception:
    return ReportError(message)


def date_text(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


class Sources:
    """The sources and licences of the data a document shows, each listed once, in the order met."""

    def __init__(self):
        self.items: dict[tuple, dict] = {}

    def add(self, *, title: str = "", url: str = "", licence: str = "", used_for: str = "") -> None:
        title, url, licence = (title or "").strip(), (url or "").strip(), (licence or "").strip()
        if not (title or url):
            return
        item = self.items.setdefault(
            (title, url, licence), {"title": title, "url": url, "licence": licence, "uses": []}
        )
        if used_for and used_for not in item["uses"]:
            item["uses"].append(used_for)

    def as_list(self) -> list[dict]:
        return list(self.items.values())


def rating_chart(*, axes: list[str], series: list[Series], title: str, element_id: str) -> str:
    description = "; ".join(
        f"{serie.name}: "
        + ", ".join(
            f"{axis} {value if value is not None else _('not rated')}"
            for axis, value in zip(axes, serie.values, strict=True)
        )
        for serie in series
    )
    return str(
        svg_figure(
            radar_svg(
                axes=axes,
                series=series,
                title=title,
                description=description,
                not_rated_label=_("not rated"),
                element_id=element_id,
            )
        )
    )


def assessment_data(city: City, sources: Sources, *, details: bool = True) -> dict | None:
    """Return the city's latest published assessment: ratings and chart, and with `details` everything else."""
    assessment = assessment_latest_published(city=city)
    if assessment is None:
        return None
    overview = assessment_overview(assessment=assessment)
    axes = [str(item.category) for item in overview.categories]
    change, tracks = city_edition_change(
        current=assessment,
        readable=list(Assessment.objects.published().for_city(city).select_related("framework")),
        categories=[item.category for item in overview.categories],
        indicators=[indicator for item in overview.categories for indicator, _value in item.rows],
        current_initiatives=overview.initiatives,
    )
    if assessment.framework.source:
        sources.add(title=assessment.framework.source, used_for=_("Assessment framework"))
    data = {
        "year": assessment.year,
        "edition": assessment.get_edition_display(),
        "framework": str(assessment.framework),
        "summary": assessment.summary,
        "is_demo": assessment.is_demo,
        "rating_columns": [city.name],
        "ratings": [
            {"category": axis, "ratings": [item.rating]} for axis, item in zip(axes, overview.categories, strict=True)
        ],
        "chart": ""
        if len(axes) < 3
        else rating_chart(
            axes=axes,
            series=[Series(f"{city.name} {assessment.year}", overview.ratings, FRENCH_COLOUR)],
            title=_("Ratings of the categories, %(name)s (0 to 10)") % {"name": city.name},
            element_id=f"radar-{city.slug}",
        ),
        "initiative_count": len(tracks),
        "change": change_data(city.name, change, element_id=f"change-{city.slug}") if change else None,
    }
    if change is not None and data["chart"]:
        data["chart"] = data["change"]["chart"]  # both editions overlaid, as on the city's page
    if not details:
        return data
    _indicator_sources(city, overview, sources)
    data.update(
        {
            "categories": [_category_data(item) for item in overview.categories],
            "challenges": _challenges_data(overview),
            "initiatives": [
                {
                    **initiative_data(track.initiative),
                    "state_label": track.state_label,
                    "history": " · ".join(f"{step.year}: {step.label.lower()}" for step in track.steps),
                }
                for track in tracks
            ],
        }
    )
    return data


def _indicator_sources(city: City, overview, sources: Sources) -> None:
    """Add the source of every indicator value the assessment reports to the annex."""
    for item in overview.categories:
        for _indicator, value in item.rows:
            if value is not None and value.has_value:
                sources.add(
                    title=value.source_label,
                    url=value.source_url,
                    licence=value.licence,
                    used_for=_("Indicator values, %(name)s") % {"name": city.name},
                )


def _category_data(item) -> dict:
    """Return one category of an assessment: its reading and its indicators' values."""
    return {
        "code": item.category.code,
        "name": str(item.category),
        "rating": item.rating,
        "rationale": item.reading.rating_rationale if item.reading else "",
        "challenges_text": item.reading.challenges if item.reading else "",
        "strengths": item.reading.strengths if item.reading else "",
        "completeness": item.completeness.percent,
        "values": [_value_data(indicator, value) for indicator, value in item.rows],
    }


def _value_data(indicator, value) -> dict:
    """Return an indicator's value as the report shows it, "no data" when it has none."""
    has_value = bool(value and value.has_value)
    return {
        "indicator": indicator.name,
        "code": indicator.code,
        "value": value.display_value if has_value else _("no data"),
        "has_value": has_value,
        "unit": stored_label(value.unit or indicator.unit) if has_value else "",
        # 'no data' has no year or confidence to show (nor a unit, above)
        "year": value.reference_year if has_value else None,
        "source": value.source_label if value else "",
        "source_url": value.source_url if value else "",
        "confidence": str(value.get_confidence_display()) if has_value and value.confidence else "",
        "licence": value.licence if value else "",
    }


def _challenges_data(overview) -> list[dict]:
    return [
        {
            "title": c.title,
            "description": c.description,
            "severity": str(c.get_severity_display()),
            "category": next((str(i.category) for i in overview.categories if i.category.pk == c.category_id), ""),
        }
        for c in overview.challenges
    ]


def change_data(name: str, change: EditionChange, *, element_id: str) -> dict:
    """Return a change between two editions as plain values, with the radar of both editions overlaid."""
    return {**asdict(change), "name": name, "chart": str(svg_figure(change_radar(name, change, element_id=element_id)))}


def initiative_data(initiative: Initiative) -> dict:
    return {
        "title": initiative.title,
        "description": initiative.description,
        "actor": str(initiative.get_actor_type_display()),
        "organisation": initiative.organisation.name if initiative.organisation else "",
        "start_year": initiative.start_year,
        "status": str(initiative.get_status_display()),
        "categories": [str(c) for c in initiative.categories.all()],
        # The project's own media URL, whatever the storage: the fetcher reads it through the storage API, and an
        # S3 link (signed, so different at every call) would neither be fetched nor keep the data's hash stable.
        "photo": settings.MEDIA_URL + initiative.photo.name if initiative.photo else "",
        "photo_credit": initiative.photo_credit,
    }


def city_data(city: City, sources: Sources, *, details: bool = True) -> dict:
    sources.add(title=city.population_source, used_for=_("Population of %(name)s") % {"name": city.name})
    sources.add(title=city.location_source, used_for=_("Location of %(name)s") % {"name": city.name})
    return {
        "slug": city.slug,
        "name": city.name,
        "country": str(city.country.name),
        "role": str(city.get_role_display()),
        "role_code": city.role,
        "kind": str(city.get_kind_display()),
        "population": city.population,
        "population_year": city.population_year,
        "population_unit": city.population_unit,
        "population_source": city.population_source,
        "mufpp_signed": city.mufpp_signed,
        "languages": ", ".join(city.language_names),
        "latitude": city.latitude,
        "longitude": city.longitude,
        "assessment": assessment_data(city, sources, details=details),
    }


def map_place(city: dict, label: str | None = "") -> Place | None:
    if city["latitude"] is None:
        return None
    return Place(city["name"], city["latitude"], city["longitude"], city["role_code"], label)


def locator_map(
    *, cities: list[dict], duos: list[tuple[int, int]], title: str, element_id: str, unlabelled=(), **options
) -> str:
    """Return the locator map of the located cities, with a line for each duo (pairs of indexes into `cities`).

    Cities whose role is in `unlabelled` get a dot without a name (an inset map names them).
    """
    places, index = [], {}
    for position, city in enumerate(cities):
        place = map_place(city, None if city["role_code"] in unlabelled else "")
        if place is not None:
            index[position] = len(places)
            places.append(place)
    links = [(index[a], index[b]) for a, b in duos if a in index and b in index]
    unlocated = [city["name"] for city in cities if city["latitude"] is None]
    description = ", ".join(f"{p.name} ({p.lat:.1f}, {p.lon:.1f})" for p in places)
    if unlocated:
        description += ". " + _("Not located: %(names)s") % {"names": ", ".join(unlocated)}
    return str(
        svg_figure(
            locator_map_svg(
                places=places, links=links, title=title, description=description, element_id=element_id, **options
            )
        )
    )


def framework_sources(sources: Sources) -> None:
    for framework in Framework.objects.filter(is_active=True).exclude(source=""):
        sources.add(title=framework.source, used_for=_("Assessment framework"))
