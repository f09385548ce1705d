"""The duo report: both cities side by side, their comparison, the workshops and the public action plan."""

from django.contrib.auth.models import AnonymousUser
from django.utils import formats
from django.utils.translation import gettext as _

from assessments.selectors import assessment_latest_published
from cities.models import Duo
from core.charts import Series

from .common import (
    FRENCH_COLOUR,
    MAP_SOURCE,
    PARTNER_COLOUR,
    Sources,
    change_data,
    city_data,
    date_text,
    framework_sources,
    locator_map,
    rating_chart,
    report_error,
)


def _workshops_data(section: dict) -> list[dict]:
    return [
        {
            "title": workshop.title,
            "city": workshop.city.name,
            "date": date_text(workshop.starts_at.date()),
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


def plan_data(duo: Duo) -> dict:
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
                "start": date_text(card.action.start),
                "end": date_text(card.action.end),
                "budget": None
                if card.action.budget is None
                else f"{formats.number_format(card.action.budget, 0, force_grouping=True)} {card.action.currency}",
                "funding": card.action.funding_source,
                "owners": [owner.name for _side, owners in card.owners_by_side for owner in owners],
                "progress": card.progress,
                "is_demo": card.action.is_demo,
                "milestones": [
                    {"title": m.title, "due": date_text(m.due), "done_on": date_text(m.done_on)}
                    for m in card.milestones
                ],
            }
            for card in cards
        ],
    }


def _ratings_chart(duo: Duo, dashboard, cities: list[dict]) -> str:
    """Return the radar of both cities' category ratings, or "" when there are too few categories for one."""
    axes = [row.name for row in dashboard.categories]
    if len(axes) < 3:
        return ""
    series = [
        Series(
            city["name"] + (f" {city['assessment']['year']}" if city["assessment"] else ""),
            [row.sides[position].rating for row in dashboard.categories],
            FRENCH_COLOUR if position == 0 else PARTNER_COLOUR,
        )
        for position, city in enumerate(cities)
    ]
    return rating_chart(
        axes=axes,
        series=series,
        title=_("Ratings of the categories, %(name)s (0 to 10)") % {"name": duo.name},
        element_id=f"radar-{duo.slug}",
    )


def _changes_data(dashboard) -> list[dict]:
    """Return each city's change between editions, with its initiatives as tracked across them."""
    return [
        {
            **change_data(item.name, item.change, element_id=f"change-chart-{item.slug}"),
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


def _comparison_data(dashboard) -> list[dict]:
    """Return the indicators side by side, each under the name of its category."""
    names = {row.code: row.name for row in dashboard.categories}
    return [
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


def _opportunities_data(dashboard) -> list[dict]:
    return [
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
    ]


def duo_data(duo: Duo, sources: Sources, *, details: bool = True) -> dict:
    """Return the public dashboard of the duo as plain values: both cities, ratings, comparison, plan…"""
    from dashboards.dashboard import dashboard_extra_sections, duo_dashboard_data

    anonymous = AnonymousUser()
    dashboard = duo_dashboard_data(duo=duo, user=anonymous)
    cities = [city_data(city, sources, details=False) for city in duo.cities]
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
        "chart": _ratings_chart(duo, dashboard, cities),
    }
    data["changes"] = _changes_data(dashboard)
    # The indicators side by side, with their sources in the annex: in the duo report and in the compilation.
    data["comparison"] = _comparison_data(dashboard)
    _comparison_sources(duo, sources)
    if not details:
        return data
    sections = dashboard_extra_sections(duo=duo, user=anonymous)
    workshops = next(s for s in sections if "workshops" in s)
    data.update(
        {
            "map": locator_map(
                cities=cities,
                duos=[(0, 1)],
                title=_("Location of the cities of %(name)s") % {"name": duo.name},
                world=False,
                element_id="map",
            ),
            "opportunities": _opportunities_data(dashboard),
            "timeline": [
                {"label": p.label, "start": date_text(p.start), "end": date_text(p.end), "status": p.status}
                for p in dashboard.timeline
            ],
            "workshops": _workshops_data(workshops),
            "plan": plan_data(duo),
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
        raise report_error(_("No published duo %(slug)s.") % {"slug": subject})
    sources = Sources()
    data = duo_data(duo, sources)
    framework_sources(sources)
    sources.add(**MAP_SOURCE, used_for=_("Locator map"))
    return {
        "kind": "duo",
        "title": str(_("City duo report: %(name)s") % {"name": duo.name}),
        "subtitle": " · ".join(f"{c['name']} ({c['country']})" for c in data["cities"]),
        "is_demo": data["is_demo"] or data["workshops_demo"],
        "duo": data,
        "sources": sources.as_list(),
    }
