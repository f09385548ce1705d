"""The capitalisation report of an experiment, as plain data: the communes, what was tried where, results and
lessons per tool, costs, participation, and how to reproduce what worked in another commune.

Like the other reports it shows what the public may read: a published experiment and its published sessions; the
feedback appears only as counts and averages, never a comment.
"""

import math
from collections import defaultdict
from html import escape

from django.utils import formats
from django.utils.translation import gettext as _

from core.dates import date_format
from core.geo import point_coordinates

from .models import Experiment, Tool
from .selectors import experiment_record, tools_that_worked


class ExperimentDocumentError(Exception):
    """No published experiment of that slug."""


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _money(value) -> str:
    return formats.number_format(value, 0, use_l10n=True, force_grouping=True) if value is not None else ""


def _rings(city) -> list[list[tuple[float, float]]]:
    outline = city.outline or {}
    polygons = (
        [outline.get("coordinates", [])]
        if outline.get("type") == "Polygon"
        else outline.get("coordinates", [])
        if outline.get("type") == "MultiPolygon"
        else []
    )
    return [[(float(lon), float(lat)) for lon, lat in polygon[0]] for polygon in polygons if polygon]


def communes_map_svg(territory, communes, *, width: int = 480, height: int = 300) -> str:
    """Return a small SVG map of the territory's outline and its communes (outlines, points, names); '' without any
    location. Drawn on the server, equirectangular with the latitude's cosine, since no script reaches a PDF."""
    shapes = [(city, _rings(city), point_coordinates(city.location)) for city in [territory, *communes]]
    points = [(lon, lat) for _city, rings, _p in shapes for ring in rings for lon, lat in ring]
    points += [(p[1], p[0]) for _city, _rings_, p in shapes if p]
    if not points:
        return ""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    scale_x = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * scale_x, 0.05)
    span_y = max(max(lats) - min(lats), 0.05)
    pad = 24
    ratio = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)

    def xy(lon, lat):
        return (
            round(pad + (lon - min(lons)) * scale_x * ratio, 1),
            round(height - pad - (lat - min(lats)) * ratio, 1),
        )

    parts = []
    for index, (city, rings, point) in enumerate(shapes):
        is_territory = index == 0
        for ring in rings:
            path = " ".join(f"{x},{y}" for x, y in (xy(lon, lat) for lon, lat in ring))
            fill = "#f3e5f5" if is_territory else "#e8f5e9"
            parts.append(f'<polygon points="{path}" fill="{fill}" stroke="#6a1b9a" stroke-width="1"/>')
        if point and not is_territory:
            x, y = xy(point[1], point[0])
            parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="#2e7d32" stroke="#1b5e20"/>')
            parts.append(f'<text x="{x + 6}" y="{y - 6}" font-size="11" fill="#222">{escape(city.name)}</text>')
    title = escape(_("The communes of the experiment in %(territory)s") % {"territory": territory.name})
    names = escape(", ".join(city.name for city in communes))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="communes-map-title communes-map-desc"><title id="communes-map-title">{title}</title>'
        f'<desc id="communes-map-desc">{names}</desc>{"".join(parts)}</svg>'
    )


def _tool_data(tool: Tool) -> dict:
    return {
        "id": tool.pk,
        "title": tool.title,
        "kind": str(tool.get_kind_display()),
        "kind_code": tool.kind,
        "commune": tool.commune.name,
        "description": tool.description,
        "status": str(tool.get_status_display()),
        "status_code": tool.status,
        "outcome": str(tool.get_outcome_display()),
        "outcome_code": tool.outcome,
        "lessons": tool.lessons,
        "cost": _money(tool.cost),
        "observations": [
            {"date": _date(observation.date), "note": observation.note} for observation in tool.observations.all()
        ],
        "photos": [
            {"url": photo.image.url, "caption": photo.caption, "credit": photo.credit} for photo in tool.photos.all()
        ][:2],
    }


def _session_data(session) -> dict:
    return {
        "title": session.title,
        "kind": str(session.get_kind_display()),
        "date": _date(session.date),
        "audience": session.audience,
        "attendance": session.attendance,
        "material": session.material,
        "feedback": session.feedback_count,
        "rating": round(session.feedback_rating, 1) if session.feedback_rating else None,
        "will_act": session.will_act_count,
    }


def _commune_data(item) -> dict:
    """Return one commune of the experiment: its tools, its sessions, what it cost and who came."""
    return {
        "name": item.commune.name,
        "kind": str(item.commune.get_kind_display()),
        "population": item.commune.population,
        "tools": [_tool_data(tool) for tool in item.tools],
        "sessions": [_session_data(session) for session in item.sessions],
        "cost": _money(item.cost),
        "attendance": item.attendance,
    }


def _photo_sources(communes: list[dict]) -> list[dict]:
    """Return the credit of every tool's photo, for the sources of the report."""
    return [
        {
            "title": photo["credit"],
            "url": "",
            "licence": "",
            "uses": [_("Photo: %(tool)s") % {"tool": tool["title"]}],
        }
        for item in communes
        for tool in item["tools"]
        for photo in tool["photos"]
    ]


def _totals_data(totals: dict) -> dict:
    return {
        "cost": _money(totals["cost"]),
        "granted": _money(totals["granted"]),
        "sought": _money(totals["sought"]),
        "attendance": totals["attendance"],
        "sessions": totals["sessions"],
        "awareness": totals["awareness"],
        "training": totals["training"],
        "feedback": totals["feedback"],
        "rating": round(totals["rating"], 1) if totals["rating"] is not None else None,
        "tools": totals["tools"],
        "tools_done": totals["tools_done"],
        "tools_worked": totals["tools_worked"],
    }


def experiment_document(subject: str) -> dict:
    """Return the data of the capitalisation report of the published experiment `subject`."""
    experiment = Experiment.objects.published().select_related("territory").filter(slug=subject).first()
    if experiment is None:
        raise ExperimentDocumentError(_("No published experiment %(slug)s.") % {"slug": subject})
    record = experiment_record(experiment=experiment, published_sessions_only=True)
    communes = [_commune_data(item) for item in record.communes]
    sources = _photo_sources(communes)
    # How to reproduce it: each kind of tool that worked, with where, what it cost and the lessons learnt.
    recipes = defaultdict(list)
    for tool in tools_that_worked(record):
        recipes[tool.get_kind_display()].append(_tool_data(tool))
    return {
        "kind": "experiment",
        "title": str(_("Capitalisation report: %(title)s") % {"title": experiment.title}),
        "subtitle": str(
            _("%(territory)s · %(start)s – %(end)s · %(count)s communes")
            % {
                "territory": experiment.territory.name,
                "start": _date(experiment.start),
                "end": _date(experiment.end),
                "count": len(communes),
            }
        ),
        "is_demo": experiment.is_demo,
        "territory": experiment.territory.name,
        "status": str(experiment.get_status_display()),
        "objectives": experiment.objectives,
        "summary": experiment.summary,
        "map": communes_map_svg(experiment.territory, [item.commune for item in record.communes]),
        "communes": communes,
        "fundings": [
            {
                "source": f.source,
                "amount": _money(f.amount),
                "currency": f.currency,
                "status": str(f.get_status_display()),
            }
            for f in record.fundings
        ],
        "partners": [
            {"kind": str(p.get_kind_display()), "organisation": p.organisation, "role": p.role} for p in record.partners
        ],
        "totals": _totals_data(record.totals),
        "recipes": [{"kind": str(kind), "tools": tools} for kind, tools in recipes.items()],
        "sources": sources,
    }
