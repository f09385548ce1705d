"""Server-rendered SVG charts, the same in pages and in PDF reports (WeasyPrint runs no JavaScript)."""

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per axis; None means "not rated" and is never drawn as zero
    color: str


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
            'aria-labelledby="{1}-title {1}-desc" class="radar-chart" font-family="DejaVu Sans, sans-serif">'
            '<title id="{1}-title">{2}</title><desc id="{1}-desc">{3}</desc>',
            size,
            element_id,
            title,
            description,
        )
    ]
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
    for serie in series:
        rated = [(i, v) for i, v in enumerate(serie.values) if v is not None]
        if len(rated) >= 2:
            path = " ".join("{:.1f},{:.1f}".format(*point(i, v)) for i, v in rated)
            # An area is drawn only when every axis is rated; otherwise the line would suggest values that do not exist.
            if len(rated) == count:
                fill = f'fill="{escape(serie.color)}" fill-opacity="0.18"'
                parts.append(f'<polygon points="{path}" {fill} stroke="{escape(serie.color)}" stroke-width="2.5"/>')
            else:
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{escape(serie.color)}" stroke-width="2.5" '
                    'stroke-dasharray="6 3"/>'
                )
        for index, value in enumerate(serie.values):
            if value is None:
                x, y = point(index, maximum * 0.04)
                parts.append(
                    format_html(
                        '<circle cx="{}" cy="{}" r="4" fill="#fff" stroke="{}" stroke-dasharray="2 2">'
                        "<title>{}: {}</title></circle>",
                        _f(x),
                        _f(y),
                        serie.color,
                        serie.name,
                        not_rated_label,
                    )
                )
            else:
                x, y = point(index, value)
                parts.append(
                    format_html(
                        '<circle cx="{}" cy="{}" r="4" fill="{}"><title>{} — {}: {}</title></circle>',
                        _f(x),
                        _f(y),
                        serie.color,
                        serie.name,
                        axes[index],
                        _number(value),
                    )
                )
    legend_y = size - 12 - 16 * (len(series) - 1)
    for offset, serie in enumerate(series):
        y = legend_y + 16 * offset
        parts.append(
            format_html(
                '<rect x="12" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="30" y="{}" font-size="12" fill="#1f2a24">{}</text>',
                y - 10,
                serie.color,
                y,
                serie.name,
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 -- every interpolated text is escaped above


def _f(value: float) -> str:
    return f"{value:.1f}"


def _number(value: float) -> str:
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
        str(format_html('<tspan x="{}" y="{}">{}</tspan>', _f(x), _f(top + 12 * i), part))
        for i, part in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" font-size="11" fill="#1f2a24">{spans}</text>'
