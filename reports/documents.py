"""The data of each report, as plain values (so that its hash says whether the document changed).

Reports show what the public may read: published cities, duos and assessments, published workshops and the
public part of the action plans (read as an anonymous visitor). Nothing here depends on the day of the rendering.
"""

from dataclasses import asdict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import formats
from django.utils.translation import gettext as _

from assessments.editions import EditionChange, change_radar, city_edition_change
from assessments.models import Assessment, Category, Framework, Initiative, stored_label
from assessments.selectors import assessment_latest_published, assessment_overview
from cities.models import City, Duo
from core.charts import Series, radar_svg

from .errors import ReportError
from .maps import Place, locator_map_svg
from .pdf import svg_figure

FRENCH_COLOUR, PARTNER_COLOUR = "#2e7d32", "#c25e00"
MAP_SOURCE = {
    "title": "Natural Earth 1:110m (admin-0 countries), simplified",
    "url": "https://www.naturalearthdata.com/",
    "licence": "Public domain",
}


def _error(message: str) -> Exception:
    return ReportError(message)


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


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


def _rating_chart(*, axes: list[str], series: list[Series], title: str, element_id: str) -> str:
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


def _assessment_data(city: City, sources: Sources, *, details: bool = True) -> dict | None:
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
        else _rating_chart(
            axes=axes,
            series=[Series(f"{city.name} {assessment.year}", overview.ratings, FRENCH_COLOUR)],
            title=_("Ratings of the categories, %(name)s (0 to 10)") % {"name": city.name},
            element_id=f"radar-{city.slug}",
        ),
        "initiative_count": len(tracks),
        "change": _change_data(city.name, change, element_id=f"change-{city.slug}") if change else None,
    }
    if change is not None and data["chart"]:
        data["chart"] = data["change"]["chart"]  # both editions overlaid, as on the city's page
    if not details:
        return data
    for item in overview.categories:
        for _indicator, value in item.rows:
            if value is not None and value.has_value:
                sources.add(
                    title=value.source_label,
                    url=value.source_url,
                    licence=value.licence,
                    used_for=_("Indicator values, %(name)s") % {"name": city.name},
                )
    data.update(
        {
            "categories": [
                {
                    "code": item.category.code,
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
                            "value": value.display_value if value and value.has_value else _("no data"),
                            "has_value": bool(value and value.has_value),
                            "unit": stored_label(value.unit or indicator.unit) if value and value.has_value else "",
                            # 'no data' has no year or confidence to show (nor a unit, above)
                            "year": value.reference_year if value and value.has_value else None,
                            "source": value.source_label if value else "",
                            "source_url": value.source_url if value else "",
                            "confidence": str(value.get_confidence_display())
                            if value and value.has_value and value.confidence
                            else "",
                            "licence": value.licence if value else "",
                        }
                        for indicator, value in item.rows
                    ],
                }
                for item in overview.categories
            ],
            "challenges": [
                {
                    "title": c.title,
                    "description": c.description,
                    "severity": str(c.get_severity_display()),
                    "category": next(
                        (str(i.category) for i in overview.categories if i.category.pk == c.category_id), ""
                    ),
                }
                for c in overview.challenges
            ],
            "initiatives": [
                {
                    **_initiative_data(track.initiative),
                    "state_label": track.state_label,
                    "history": " · ".join(f"{step.year}: {step.label.lower()}" for step in track.steps),
                }
                for track in tracks
            ],
        }
    )
    return data


def _change_data(name: str, change: EditionChange, *, element_id: str) -> dict:
    """Return a change between two editions as plain values, with the radar of both editions overlaid."""
    return {**asdict(change), "name": name, "chart": str(svg_figure(change_radar(name, change, element_id=element_id)))}


def _initiative_data(initiative: Initiative) -> dict:
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


def _city_data(city: City, sources: Sources, *, details: bool = True) -> dict:
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
        "assessment": _assessment_data(city, sources, details=details),
    }


def _place(city: dict, label: str | None = "") -> Place | None:
    if city["latitude"] is None:
        return None
    return Place(city["name"], city["latitude"], city["longitude"], city["role_code"], label)


def _map(
    *, cities: list[dict], duos: list[tuple[int, int]], title: str, element_id: str, unlabelled=(), **options
) -> str:
    """Return the locator map of the located cities, with a line for each duo (pairs of indexes into `cities`).

    Cities whose role is in `unlabelled` get a dot without a name (an inset map names them).
    """
    places, index = [], {}
    for position, city in enumerate(cities):
        place = _place(city, None if city["role_code"] in unlabelled else "")
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


def _framework_sources(sources: Sources) -> None:
    for framework in Framework.objects.filter(is_active=True).exclude(source=""):
        sources.add(title=framework.source, used_for=_("Assessment framework"))


# --- The city report


def city_document(subject: str) -> dict:
    """Return the data of the assessment report of the published city `subject`."""
    city = City.objects.published().filter(slug=subject).first()
    if city is None:
        raise _error(_("No published city %(slug)s.") % {"slug": subject})
    sources = Sources()
    data = _city_data(city, sources)
    if data["assessment"] is None and city.role == City.Role.TERRITORY:
        # A park or a commune outside the duos without an assessment: its report would be empty.
        raise _error(_("%(name)s has no published assessment: there is no city report to make.") % {"name": city.name})
    title = _("Food system assessment: %(name)s") % {"name": city.name}
    data["map"] = _map(
        cities=[data], duos=[], title=_("Location of %(name)s") % {"name": city.name}, world=False, element_id="map"
    )
    sources.add(**MAP_SOURCE, used_for=_("Locator map"))
    assessment = data["assessment"]
    return {
        "kind": "city",
        "title": str(title),
        "subtitle": str(
            _("%(role)s · %(country)s · assessment %(year)s")
            % {"role": data["role"], "country": data["country"], "year": assessment["year"]}
            if assessment
            else _("%(role)s · %(country)s") % {"role": data["role"], "country": data["country"]}
        ),
        "is_demo": bool(assessment and assessment["is_demo"]),
        "city": data,
        "sources": sources.as_list(),
    }


# --- The duo report


def _workshops_data(section: dict) -> list[dict]:
    return [
        {
            "title": workshop.title,
            "city": workshop.city.name,
            "date": _date(workshop.starts_at.date()),
            "format": str(workshop.get_format_display()),
            "venue": workshop.venue,
            "proposals": workshop.proposal_count,
            "vote": str(workshop.get_vote_display()),
            "is_demo": workshop.is_demo,
            "ranking": [
                {
                    "rank": proposal.ranking.rank,
                    "title": proposal.title,
                    "score": None if proposal.ranking.score is None else f"{proposal.ranking.score:.2f}",
                    "ballots": proposal.ranking.ballots,
                }
                for proposal in workshop.ranked[:5]
            ],
        }
        for workshop in section["workshops"]
    ]


def _plan_data(duo: Duo) -> dict:
    from workshops.selectors import duo_plan, plan_summary

    cards = duo_plan(duo=duo, user=AnonymousUser())
    summary = plan_summary(cards)
    return {
        "actions": summary["actions"],
        "milestones": summary["milestones"],
        "by_status": [[str(label), count] for label, count in summary["by_status"]],
        "items": [
            {
                "title": card.action.title,
                "description": card.action.description,
                "status": str(card.action.get_status_display()),
                "start": _date(card.action.start),
                "end": _date(card.action.end),
                "budget": None
                if card.action.budget is None
                else f"{formats.number_format(card.action.budget, 0, force_grouping=True)} {card.action.currency}",
                "funding": card.action.funding_source,
                "owners": [owner.name for _side, owners in card.owners_by_side for owner in owners],
                "progress": card.progress,
                "is_demo": card.action.is_demo,
                "milestones": [
                    {"title": m.title, "due": _date(m.due), "done_on": _date(m.done_on)} for m in card.milestones
                ],
            }
            for card in cards
        ],
    }


def _duo_data(duo: Duo, sources: Sources, *, details: bool = True) -> dict:
    """Return the public dashboard of the duo as plain values: both cities, ratings, comparison, plan…"""
    from dashboards.dashboard import dashboard_extra_sections, duo_dashboard_data

    anonymous = AnonymousUser()
    dashboard = duo_dashboard_data(duo=duo, user=anonymous)
    cities = [_city_data(city, sources, details=False) for city in duo.cities]
    axes = [row.name for row in dashboard.categories]
    series = [
        Series(
            city["name"] + (f" {city['assessment']['year']}" if city["assessment"] else ""),
            [row.sides[position].rating for row in dashboard.categories],
            FRENCH_COLOUR if position == 0 else PARTNER_COLOUR,
        )
        for position, city in enumerate(cities)
    ]
    data = {
        "slug": duo.slug,
        "name": duo.name,
        "start_year": duo.start_year,
        "phase": str(duo.get_phase_display()),
        "description": duo.description,
        "existing_cooperation": duo.existing_cooperation,
        "cities": cities,
        "is_demo": dashboard.is_demo,
        "rating_columns": [city["name"] for city in cities],
        "ratings": [
            {"category": row.name, "ratings": [side.rating for side in row.sides]} for row in dashboard.categories
        ],
        "chart": ""
        if len(axes) < 3
        else _rating_chart(
            axes=axes,
            series=series,
            title=_("Ratings of the categories, %(name)s (0 to 10)") % {"name": duo.name},
            element_id=f"radar-{duo.slug}",
        ),
    }
    data["changes"] = [
        {
            **_change_data(item.name, item.change, element_id=f"change-chart-{item.slug}"),
            "anchor": f"change-{item.slug}",
            "initiatives": [
                {"title": i.title, "state_label": i.state_label, "history": i.history}
                for side in dashboard.cities
                if side.slug == item.slug
                for i in side.initiatives
            ],
        }
        for item in dashboard.changes
    ]
    # The indicators side by side, with their sources in the annex: in the duo report and in the compilation.
    names = {row.code: row.name for row in dashboard.categories}
    data["comparison"] = [
        {
            "category": names.get(row.category, row.category),
            "indicator": row.name,
            "cells": [
                {
                    "display": cell.display,
                    "unit": cell.unit,
                    "year": cell.year,
                    "has_value": cell.has_value,
                    "per_inhabitants": cell.per_inhabitants,
                }
                for cell in row.cells
            ],
            "comparable": row.comparable,
            "notes": row.notes,
            "per_inhabitants_label": row.per_inhabitants_label,
        }
        for row in dashboard.comparison
    ]
    _comparison_sources(duo, sources)
    if not details:
        return data
    sections = dashboard_extra_sections(duo=duo, user=anonymous)
    workshops = next(s for s in sections if "workshops" in s)
    data.update(
        {
            "map": _map(
                cities=cities,
                duos=[(0, 1)],
                title=_("Location of the cities of %(name)s") % {"name": duo.name},
                world=False,
                element_id="map",
            ),
            "opportunities": [
                {
                    "source": o.source_name,
                    "target": o.target_name,
                    "category": o.category_name,
                    "action": o.action,
                    "action_title": o.action_title,
                    "initiatives": [i.title for i in o.initiatives],
                    "reason": o.reason,
                }
                for o in dashboard.opportunities
            ],
            "timeline": [
                {"label": p.label, "start": _date(p.start), "end": _date(p.end), "status": p.status}
                for p in dashboard.timeline
            ],
            "workshops": _workshops_data(workshops),
            "plan": _plan_data(duo),
        }
    )
    data["workshops_demo"] = any(w["is_demo"] for w in data["workshops"])
    return data


def _comparison_sources(duo: Duo, sources: Sources) -> None:
    for city in duo.cities:
        assessment = assessment_latest_published(city=city)
        if assessment is None:
            continue
        for value in assessment.indicator_values.all():
            if value.has_value:
                sources.add(
                    title=value.source_label,
                    url=value.source_url,
                    licence=value.licence,
                    used_for=_("Indicator values, %(name)s") % {"name": city.name},
                )


def duo_document(subject: str) -> dict:
    """Return the data of the report of the published duo `subject`: both cities side by side."""
    duo = (
        Duo.objects.published()
        .with_cities()
        .filter(slug=subject, french_city__is_published=True, partner_city__is_published=True)
        .first()
    )
    if duo is None:
        raise _error(_("No published duo %(slug)s.") % {"slug": subject})
    sources = Sources()
    data = _duo_data(duo, sources)
    _framework_sources(sources)
    sources.add(**MAP_SOURCE, used_for=_("Locator map"))
    return {
        "kind": "duo",
        "title": str(_("City duo report: %(name)s") % {"name": duo.name}),
        "subtitle": " · ".join(f"{c['name']} ({c['country']})" for c in data["cities"]),
        "is_demo": data["is_demo"] or data["workshops_demo"],
        "duo": data,
        "sources": sources.as_list(),
    }


# --- The compilation report


def _library() -> list[dict]:
    """Return every published initiative once, under its first category (in the framework's order)."""
    initiatives = list(
        Initiative.objects.published()
        .select_related("organisation", "assessment__city")
        .prefetch_related("categories")
        .order_by("title", "pk")
    )
    groups: dict[str, dict] = {}
    for category in Category.objects.filter(initiatives__in=initiatives).distinct().order_by("framework_id", "order"):
        groups.setdefault(str(category), {"code": category.code, "name": str(category), "initiatives": []})
    other = {"code": "other", "name": str(_("Not classified")), "initiatives": []}
    for initiative in initiatives:
        categories = sorted(initiative.categories.all(), key=lambda c: (c.framework_id, c.order))
        item = _initiative_data(initiative) | {
            "city": initiative.assessment.city.name,
            "is_demo": initiative.assessment.is_demo,
        }
        (groups[str(categories[0])] if categories else other)["initiatives"].append(item)
    return [group for group in [*groups.values(), other] if group["initiatives"]]


def _coverage() -> dict:
    from network.selectors import network_coverage

    coverage = network_coverage(user=AnonymousUser())
    return {
        "total": coverage.total.as_dict() | {"all": coverage.total.total},
        "actions": len(coverage.rows),
        "actions_covered": sum(1 for row in coverage.rows if row.total.total),
        "categories": [
            {
                "name": str(group.category),
                "actions": len(group.rows),
                "covered": sum(1 for row in group.rows if row.total.total),
                "total": sum((row.total for row in group.rows), start=type(coverage.total)()).as_dict(),
            }
            for group in coverage.categories
        ],
        "cities": [
            {
                "name": column.city.name,
                "duo": column.duo.name,
                "assessed": column.assessment is not None,
                **column.total.as_dict(),
            }
            for column in coverage.columns
        ],
    }


def compilation_document(subject: str = "") -> dict:
    """Return the data of the programme's compilation: every duo and city, the library, the plans, the coverage."""
    duos = list(
        Duo.objects.published()
        .with_cities()
        .filter(french_city__is_published=True, partner_city__is_published=True)
        .order_by("french_city__name")
    )
    sources = Sources()
    items = []
    for duo in duos:
        item = _duo_data(duo, sources, details=False)
        item["plan"] = _plan_data(duo)
        items.append(item)
    cities = [city for item in items for city in item["cities"]]
    _framework_sources(sources)
    library = _library()
    world = _map(
        cities=cities,
        duos=[(2 * n, 2 * n + 1) for n in range(len(items))],
        title=_("The cities of the programme and their duos"),
        world=True,
        element_id="map-world",
        unlabelled={City.Role.FRENCH},  # too close together on a world map: the inset names them
    )
    french = [city for city in cities if city["role_code"] == City.Role.FRENCH]
    inset = _map(
        cities=french,
        duos=[],
        title=_("The French cities of the programme"),
        element_id="map-france",
        padding=1.5,
        min_span=10.0,
        width=300,
    )
    sources.add(**MAP_SOURCE, used_for=_("Locator map"))
    published = Assessment.objects.published().filter(city__is_published=True)
    return {
        "kind": "compilation",
        "title": str(_("Let's Food Cities: programme compilation")),
        "subtitle": str(
            _("%(duos)s city duos, %(cities)s cities")
            % {"duos": len(items), "cities": len({c["slug"] for c in cities})}
        ),
        "is_demo": published.filter(is_demo=True).exists() or any(item["is_demo"] for item in items),
        "map": world,
        "inset_map": inset,
        "duos": items,
        "library": library,
        "library_count": sum(len(group["initiatives"]) for group in library),
        "library_demo": any(i["is_demo"] for group in library for i in group["initiatives"]),
        "coverage": _coverage(),
        "sources": sources.as_list(),
    }


def experiment_document(subject: str) -> dict:
    """Return the data of the capitalisation report of a published experiment (built by the experiments app)."""
    from experiments.documents import ExperimentDocumentError
    from experiments.documents import experiment_document as build

    try:
        return build(subject)
    except ExperimentDocumentError as exc:
        raise _error(str(exc)) from exc


BUILDERS = {
    "city": city_document,
    "duo": duo_document,
    "compilation": compilation_document,
    "experiment": experiment_document,
}
TEMPLATES = {
    "city": "pdf/city_report.html",
    "duo": "pdf/duo_report.html",
    "compilation": "pdf/compilation_report.html",
    "experiment": "pdf/experiment_report.html",
}
