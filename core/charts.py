"""Server-rendered SVG radars and sparklines, the same in pages and in PDF reports (WeasyPrint runs no JavaScript)."""

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per axis; None means "not rated" and is never drawn as zero
    color: str
    # Told apart without colour too: a dash pattern for the line ("" for solid) and the shape of the points.
    dash: str = ""
    marker: str = "circle"  # or "square"


def radar_description(*, axes: list[str], series: list[Series], not_rated: str, maximum: int = 10) -> str:
    """Return the text a radar chart is read as: each series with every point ("Fez 2021: Governance 6/10, …")."""
    return ". ".join(
        f"{serie.name}: "
        + ", ".join(
            f"{axis} {not_rated if value is None else f'{value}/{maximum}'}"
            for axis, value in zip(axes, serie.values, strict=True)
        )
        for serie in series
    )


def radar_svg(
    *,
    axes: list[str],
    series: list[Series],
    maximum: float = 10,
    title: str,
    description: str = "",
    size: int = 420,
    not_rated_label: str = "not rated",
    element_id: str = "radar",
) -> SafeString:
    """Return an accessible SVG radar chart of one or more series over the axes, scaled 0..maximum."""
    count = len(axes)
    if count < 3:
        raise ValueError("A radar chart needs at least three axes.")
    margin = size * 0.24
    centre = size / 2
    radius = centre - margin

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * max(0.0, min(value, maximum)) / maximum
        return centre + distance * math.cos(angle), centre + distance * math.sin(angle)

    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" width="{0}" height="{0}" role="img" '
            'aria-labelledby="{1}-title {1}-desc" class="radar-chart" font-family="DejaVu Sans, Vazirmatn, sans-serif">'
            '<title id="{1}-title">{2}</title><desc id="{1}-desc">{3}</desc>',
            size,
            element_id,
            title,
            description,
        ),
        *_radar_grid(axes, maximum, centre, point),
    ]
    for position, serie in enumerate(series):
        parts.extend(_radar_series(position, serie, axes, maximum, not_rated_label, point))
    parts.extend(_radar_legend(series, size))
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 -- every interpolated text is escaped above


def _radar_grid(axes: list[str], maximum: float, centre: float, point) -> list:
    """Return the rings every two units with their values, and a spoke per axis with its label beyond the outer ring."""
    count = len(axes)
    parts = []
    for step in range(2, int(maximum) + 1, 2):
        ring = " ".join("{:.1f},{:.1f}".format(*point(i, step)) for i in range(count))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#c8d1cc" stroke-width="1"/>')
        if step < maximum:  # the outer ring's value would collide with the first axis label
            x, y = point(0, step)
            parts.append(f'<text x="{x + 3:.1f}" y="{y + 4:.1f}" font-size="10" fill="#55605a">{step}</text>')
    for index, label in enumerate(axes):
        x, y = point(index, maximum)
        parts.append(f'<line x1="{centre:.1f}" y1="{centre:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#c8d1cc"/>')
        lx, ly = point(index, maximum * 1.12)
        anchor = "middle" if abs(lx - centre) < 1 else ("start" if lx > centre else "end")
        parts.append(_label(lx, ly, anchor, label))
    return parts


def _radar_series(position: int, serie: Series, axes: list[str], maximum: float, not_rated_label: str, point) -> list:
    """Return one series: its area or line through the rated axes, and a point on every axis (hollow if not rated)."""
    parts = []
    colour = escape(serie.color)
    dash = f' stroke-dasharray="{escape(serie.dash)}"' if serie.dash else ""
    rated = [(i, v) for i, v in enumerate(serie.values) if v is not None]
    if len(rated) >= 2:
        path = " ".join("{:.1f},{:.1f}".format(*point(i, v)) for i, v in rated)
        common = f'class="radar-series" data-series="{position}" stroke="{colour}" stroke-width="2.5"{dash}'
        # An area is drawn only when every axis is rated; otherwise the line would suggest values that do not exist.
        if len(rated) == len(axes):
            opacity = "0.18" if position == 0 else "0.08"
            parts.append(f'<polygon points="{path}" fill="{colour}" fill-opacity="{opacity}" {common}/>')
        else:
            gap = "" if dash else ' stroke-dasharray="6 3"'
            parts.append(f'<polyline points="{path}" fill="none" {common}{gap}/>')
    for index, value in enumerate(serie.values):
        if value is None:
            x, y = point(index, maximum * 0.04)
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="4" fill="#fff" stroke="{}" stroke-dasharray="2 2">'
                    "<title>{}: {}</title></circle>",
                    coord(x),
                    coord(y),
                    serie.color,
                    serie.name,
                    not_rated_label,
                )
            )
        else:
            x, y = point(index, value)
            tooltip = format_html("<title>{} — {}: {}</title>", serie.name, axes[index], short_number(value))
            parts.append(point_marker(serie.marker, x, y, serie.color, tooltip))
    return parts


def _radar_legend(series: list[Series], size: int) -> list:
    """Return the legend in the bottom-left corner: each series' line, point shape and name."""
    parts = []
    legend_y = size - 12 - 16 * (len(series) - 1)
    for offset, serie in enumerate(series):
        y = legend_y + 16 * offset
        dash = f' stroke-dasharray="{escape(serie.dash)}"' if serie.dash else ""
        parts.append(
            f'<line x1="8" y1="{y - 4}" x2="30" y2="{y - 4}" stroke="{escape(serie.color)}" stroke-width="2.5"{dash}/>'
        )
        parts.append(point_marker(serie.marker, 19, y - 4, serie.color, ""))
        parts.append(format_html('<text x="36" y="{}" font-size="12" fill="#1f2a24">{}</text>', y, serie.name))
    return parts


def point_marker(shape: str, x: float, y: float, colour: str, tooltip) -> str:
    """Return a point of a series: a circle or a square, so that series differ by shape as well as colour."""
    if shape == "square":
        return str(
            format_html(
                '<rect x="{}" y="{}" width="8" height="8" fill="{}">{}</rect>',
                coord(x - 4),
                coord(y - 4),
                colour,
                tooltip,
            )
        )
    return str(format_html('<circle cx="{}" cy="{}" r="4" fill="{}">{}</circle>', coord(x), coord(y), colour, tooltip))


def coord(value: float) -> str:
    """Return an SVG coordinate, to a tenth."""
    return f"{value:.1f}"


def short_number(value: float) -> str:
    """Return a value as a tooltip shows it, without trailing zeros."""
    return f"{value:g}"


def _label(x: float, y: float, anchor: str, text: str, width: int = 16) -> str:
    """Return an SVG text label wrapped on words into lines of about `width` characters."""
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    top = y - 6 * (len(lines) - 1)
    spans = "".join(
        str(format_html('<tspan x="{}" y="{}">{}</tspan>', coord(x), coord(top + 12 * i), part))
        for i, part in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" font-size="11" fill="#1f2a24">{spans}</text>'


def sparkline_svg(
    *, values: list[float | None], labels: list[str], title: str, width: int = 120, height: int = 32
) -> SafeString:
    """Return a small accessible SVG line of values over labelled points (e.g. editions); None is a gap, not zero.

    The title names every point, so that the figures are read out; pages also print them in a table beside it.
    """
    known = [v for v in values if v is not None]
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" '
            'class="sparkline"><title>{2}</title>',
            width,
            height,
            title,
        )
    ]
    if known:
        low, high = min(known), max(known)
        span = (high - low) or 1
        step = (width - 8) / max(len(values) - 1, 1)

        def point(index: int, value: float) -> tuple[float, float]:
            y = height - 5 - (height - 10) * ((value - low) / span if high != low else 0.5)
            return 4 + step * index, y

        drawn = [point(i, v) for i, v in enumerate(values) if v is not None]
        if len(drawn) >= 2:
            path = " ".join(f"{coord(x)},{coord(y)}" for x, y in drawn)
            parts.append(f'<polyline points="{path}" fill="none" stroke="#2e5e8c" stroke-width="1.5"/>')
        for index, value in enumerate(values):
            if value is None:
                continue
            x, y = point(index, value)
            last = index == len(values) - 1
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="{}" fill="{}"><title>{}: {}</title></circle>',
                    coord(x),
                    coord(y),
                    3 if last else 2,
                    "#1d3f5e" if last else "#2e5e8c",
                    labels[index],
                    short_number(value),
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 -- every interpolated text is escaped above
