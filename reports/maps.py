"""Locator maps for the PDF reports: an SVG of the land around the cities, drawn on the server from coordinates.

The land outline is Natural Earth 1:110m (public domain), simplified to half a degree (see data/README.md). The
projection is equirectangular, with the longitudes shrunk by the cosine of the map's middle latitude so that a
regional map keeps its shapes.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

LAND_FILE = Path(__file__).parent / "data" / "land-110m.json"
NORTH, SOUTH = 84.0, -58.0  # the world map leaves out Antarctica and the high Arctic
PADDING = 8.0  # degrees of land around the outermost cities
MIN_SPAN = 24.0  # degrees: a map never zooms in closer than this
FRENCH_COLOUR, PARTNER_COLOUR, OTHER_COLOUR = "#1b5e20", "#b35900", "#455a64"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    role: str = ""  # "french", "partner" or anything else
    label: str | None = ""  # what is written next to the dot: the name when empty, nothing when None


@cache
def land_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Return the land outline as rings of (longitude, latitude) points."""
    data = json.loads(LAND_FILE.read_text())
    return tuple(tuple(zip(ring[0::2], ring[1::2], strict=True)) for ring in data["rings"])


def _extent(places: list[Place], world: bool, padding: float, min_span: float) -> tuple[float, float, float, float]:
    """Return west, south, east, north of the map: the whole world, or the region around the places."""
    if world or not places:
        return -180.0, SOUTH, 180.0, NORTH
    west, east = min(p.lon for p in places) - padding, max(p.lon for p in places) + padding
    south, north = min(p.lat for p in places) - padding, max(p.lat for p in places) + padding
    if east - west < min_span:
        middle = (east + west) / 2
        west, east = middle - min_span / 2, middle + min_span / 2
    if north - south < min_span * 0.6:
        middle = (north + south) / 2
        south, north = middle - min_span * 0.3, middle + min_span * 0.3
    return max(west, -180.0), max(south, -85.0), min(east, 180.0), min(north, 85.0)


@dataclass(frozen=True)
class _Projection:
    """The map's extent and its equirectangular projection onto a picture `width` wide."""

    west: float
    south: float
    east: float
    north: float
    shrink: float  # how much the longitudes are shrunk, by the cosine of the middle latitude
    scale: float
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.shrink * self.scale, (self.north - lat) * self.scale


def _projection(places: list[Place], world: bool, padding: float, min_span: float, width: int) -> _Projection:
    west, south, east, north = _extent(places, world, padding, min_span)
    shrink = math.cos(math.radians((north + south) / 2)) if not world else 1.0
    scale = width / ((east - west) * shrink)
    height = round((north - south) * scale)
    return _Projection(west, south, east, north, shrink, scale, width, height)


def _graticule(projection: _Projection, world: bool) -> str:
    """Return the meridians and parallels, every 30, 10 or 5 degrees as the map covers more or less of the world."""
    west, south, east, north = projection.west, projection.south, projection.east, projection.north
    step = 30 if world or east - west > 90 else 10 if east - west > 20 else 5
    lines = []
    for lon in range(-180, 181, step):
        if west <= lon <= east:
            x = projection.xy(lon, 0)[0]
            lines.append(f"M{x:.1f} 0V{projection.height}")
    for lat in range(-90, 91, step):
        if south <= lat <= north:
            y = projection.xy(0, lat)[1]
            lines.append(f"M0 {y:.1f}H{projection.width}")
    return f'<path d="{"".join(lines)}" stroke="#cfdde4" stroke-width="0.6" fill="none"/>'


def _land(projection: _Projection) -> str:
    """Return the outline of the land rings that reach into the map."""
    land = []
    for ring in land_rings():
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        if (
            max(lons) < projection.west
            or min(lons) > projection.east
            or max(lats) < projection.south
            or min(lats) > projection.north
        ):
            continue
        points = [projection.xy(lon, lat) for lon, lat in ring]
        land.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return f'<path d="{"".join(land)}" fill="#d9e2d5" stroke="#b9c7b3" stroke-width="0.5"/>'


def _links(projection: _Projection, places: list[Place], links: list[tuple[int, int]]) -> list[str]:
    parts = []
    for first, second in links:
        (x1, y1) = projection.xy(places[first].lon, places[first].lat)
        (x2, y2) = projection.xy(places[second].lon, places[second].lat)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#37474f" stroke-width="1.2" '
            'stroke-dasharray="4 3"/>'
        )
    return parts


def _place_marks(projection: _Projection, places: list[Place]) -> list:
    """Return each place as a dot in the colour of its role, with its label beside it unless it has none."""
    parts = []
    for place in places:
        x, y = projection.xy(place.lon, place.lat)
        colour = {"french": FRENCH_COLOUR, "partner": PARTNER_COLOUR}.get(place.role, OTHER_COLOUR)
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="4" fill="{}" stroke="#fff" stroke-width="1"/>',
                f"{x:.1f}",
                f"{y:.1f}",
                colour,
            )
        )
        if place.label is None:
            continue
        right = x < projection.width - 120  # labels go left of the dots near the right edge
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" fill="#1f2a24" text-anchor="{}">{}</text>',
                f"{x + 7 if right else x - 7:.1f}",
                f"{y + 4:.1f}",
                "start" if right else "end",
                place.label or place.name,
            )
        )
    return parts


def locator_map_svg(
    *,
    places: list[Place],
    links: list[tuple[int, int]] = (),
    title: str,
    description: str = "",
    world: bool = False,
    padding: float = PADDING,
    min_span: float = MIN_SPAN,
    width: int = 640,
    element_id: str = "map",
) -> SafeString:
    """Return an accessible SVG map of the land with the places as dots and `links` (pairs of place indexes) as lines.

    A map of the world when `world` is true or there is no place; otherwise the region around the places.
    """
    projection = _projection(places, world, padding, min_span, width)
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" '
            'aria-labelledby="{2}-title {2}-desc" class="locator-map" font-family="DejaVu Sans, sans-serif">'
            '<title id="{2}-title">{3}</title><desc id="{2}-desc">{4}</desc>'
            '<rect width="{0}" height="{1}" fill="#eef4f7"/>',
            width,
            projection.height,
            element_id,
            title,
            description,
        ),
        _graticule(projection, world),
        _land(projection),
        *_links(projection, places, links),
        *_place_marks(projection, places),
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 -- names and titles are escaped above
