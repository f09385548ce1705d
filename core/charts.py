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
                    _f(x),
                    _f(y),
                    serie.color,
                    serie.name,
                    not_rated_label,
                )
            )
        else:
            x, y = point(index, value)
            tooltip = format_html("<title>{} — {}: {}</title>", serie.name, axes[index], _number(value))
            parts.append(_marker(serie.marker, x, y, serie.color, tooltip))
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
        parts.append(_marker(serie.marker, 19, y - 4, serie.color, ""))
        parts.append(format_html('<text x="36" y="{}" font-size="12" fill="#1f2a24">{}</text>', y, serie.name))
    return parts


def _marker(shape: str, x: float, y: float, colour: str, tooltip) -> str:
    """Return a point of a series: a circle or a square, so that series differ by shape as well as colour."""
    if shape == "square":
        return str(
            format_html(
                '<rect x="{}" y="{}" width="8" height="8" fill="{}">{}</rect>', _f(x - 4), _f(y - 4), colour, tooltip
            )
        )
    return str(format_html('<circle cx="{}" cy="{}" r="4" fill="{}">{}</circle>', _f(x), _f(y), colour, tooltip))


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
            path = " ".join(f"{_f(x)},{_f(y)}" for x, y in drawn)
            parts.append(f'<polyline points="{path}" fill="none" stroke="#2e5e8c" stroke-width="1.5"/>')
        for index, value in enumerate(values):
            if value is None:
                continue
            x, y = point(index, value)
            last = index == len(values) - 1
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="{}" fill="{}"><title>{}: {}</title></circle>',
                    _f(x),
                    _f(y),
                    3 if last else 2,
                    "#1d3f5e" if last else "#2e5e8c",
                    labels[index],
                    _number(value),
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 -- every interpolated text is escaped above


@dataclass(frozen=True)
class TimeSeries:
    name: str
    points: list[tuple[float, float]]  # (time as a fractional year, value)
    color: str
    dash: str = ""
    marker: str = "circle"


@dataclass(frozen=True)
class TimeMarker:
    at: float  # a fractional year
    label: str  # short, drawn on the chart (e.g. "A1")
    title: str  # what it marks, in the legend and the tooltip


def fractional_year(value) -> float:
    """Return a date (or a year) as a fractional year, for a time axis."""
    if isinstance(value, int | float):
        return float(value)
    return value.year + (value.timetuple().tm_yday - 1) / 366


@dataclass(frozen=True)
class _TimeFrame:
    """Where a time-series chart draws: its size, its plot area and the ranges of its two axes."""

    width: int
    height: int
    left: int
    right: int
    top: int
    plot_w: float
    plot_h: float
    first: int  # years at the ends of the time axis
    last: int
    low: float  # values at the ends of the value axis
    high: float

    def px(self, x: float) -> float:
        return self.left + self.plot_w * (x - self.first) / (self.last - self.first)

    def py(self, y: float) -> float:
        return self.top + self.plot_h * (1 - (y - self.low) / (self.high - self.low))


def _time_frame(series: list[TimeSeries], markers: list[TimeMarker], width: int, height: int) -> _TimeFrame:
    """Return the frame that holds every point and marker, with room below the plot for a legend row of each."""
    left, right, top = 56, 16, 28
    legend_rows = len(series) + len(markers)
    bottom = 36 + 16 * legend_rows
    height = max(height, top + 140 + bottom)
    xs = [x for s in series for x, _ in s.points] + [m.at for m in markers]
    ys = [y for s in series for _, y in s.points]
    first = math.floor(min(xs)) if xs else 2019
    last = math.ceil(max(xs)) if xs else first + 1
    if last <= first:
        last = first + 1
    low, high = (min(ys), max(ys)) if ys else (0.0, 1.0)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    low, high = low - pad, high + pad
    if low < 0 <= min(ys, default=0):
        low = 0.0
    return _TimeFrame(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        plot_w=width - left - right,
        plot_h=height - top - bottom,
        first=first,
        last=last,
        low=low,
        high=high,
    )


def _time_axes(frame: _TimeFrame, unit: str) -> list:
    """Return the value gridlines with their labels, the unit, and the time axis with a tick every year or so."""
    left, top, plot_h = frame.left, frame.top, frame.plot_h
    parts = []
    for tick in range(5):
        value = frame.low + (frame.high - frame.low) * tick / 4
        y = frame.py(value)
        parts.append(f'<line x1="{left}" y1="{_f(y)}" x2="{frame.width - frame.right}" y2="{_f(y)}" stroke="#e1e6e3"/>')
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#55605a">{}</text>',
                left - 4,
                _f(y + 3),
                f"{value:.3g}",
            )
        )
    if unit:
        parts.append(format_html('<text x="4" y="{}" font-size="10" fill="#55605a">{}</text>', top - 10, unit))
    step = max(1, math.ceil((frame.last - frame.first) / 10))
    for year in range(frame.first, frame.last + 1, step):
        x = frame.px(year)
        parts.append(
            f'<line x1="{_f(x)}" y1="{top + plot_h}" x2="{_f(x)}" y2="{top + plot_h + 4}" stroke="#55605a"/>'
            f'<text x="{_f(x)}" y="{top + plot_h + 16}" font-size="10" text-anchor="middle" '
            f'fill="#55605a">{year}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{frame.width - frame.right}" y2="{top + plot_h}" stroke="#55605a"/>'
    )
    return parts


def _time_markers(frame: _TimeFrame, markers: list[TimeMarker]) -> list:
    """Return each marker as a dashed vertical line across the plot, labelled on top."""
    return [
        format_html(
            '<g class="time-marker"><line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#8a4b08" '
            'stroke-dasharray="4 3" stroke-width="1.5"/><text x="{0}" y="{3}" font-size="10" text-anchor="middle" '
            'fill="#8a4b08" font-weight="bold">{4}</text><title>{4}: {5}</title></g>',
            _f(frame.px(marker.at)),
            frame.top,
            frame.top + frame.plot_h,
            frame.top - 4,
            marker.label,
            marker.title,
        )
        for marker in markers
    ]


def _time_lines(frame: _TimeFrame, series: list[TimeSeries]) -> list:
    """Return each series as a line through its points (when it has two), each point with its tooltip."""
    parts = []
    for position, serie in enumerate(series):
        colour = escape(serie.color)
        dash = f' stroke-dasharray="{escape(serie.dash)}"' if serie.dash else ""
        points = sorted(serie.points)
        if len(points) >= 2:
            path = " ".join(f"{_f(frame.px(x))},{_f(frame.py(y))}" for x, y in points)
            parts.append(
                f'<polyline class="time-series" data-series="{position}" points="{path}" fill="none" '
                f'stroke="{colour}" stroke-width="2"{dash}/>'
            )
        for x, y in points:
            tooltip = format_html("<title>{} — {}: {}</title>", serie.name, f"{x:.0f}", _number(y))
            parts.append(_marker(serie.marker, frame.px(x), frame.py(y), serie.color, tooltip))
    return parts


def _time_legend(frame: _TimeFrame, series: list[TimeSeries], markers: list[TimeMarker]) -> list:
    """Return the legend below the plot: a row for each series, then a row for each marker."""
    left = frame.left
    parts = []
    y = frame.top + frame.plot_h + 34
    for serie in series:
        dash = f' stroke-dasharray="{escape(serie.dash)}"' if serie.dash else ""
        parts.append(
            f'<line x1="{left}" y1="{y - 4}" x2="{left + 22}" y2="{y - 4}" stroke="{escape(serie.color)}" '
            f'stroke-width="2"{dash}/>'
        )
        parts.append(_marker(serie.marker, left + 11, y - 4, serie.color, ""))
        legend = '<text x="{}" y="{}" font-size="11" fill="#1f2a24">{}</text>'
        parts.append(format_html(legend, left + 28, y, serie.name))
        y += 16
    for marker in markers:
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" fill="#1f2a24"><tspan font-weight="bold" fill="#8a4b08">{}</tspan>'
                " {}</text>",
                left,
                y,
                marker.label,
                marker.title,
            )
        )
        y += 16
    return parts


def time_series_svg(
    *,
    series: list[TimeSeries],
    markers: list[TimeMarker],
    title: str,
    description: str,
    unit: str = "",
    width: int = 640,
    height: int = 280,
    element_id: str = "time-series",
) -> SafeString:
    """Return an accessible SVG chart of values over time, with events (e.g. actions started) marked on the same axis.

    Each series has its colour, dash pattern and point shape; markers are dashed vertical lines labelled on top and
    named in the legend below the plot.
    """
    frame = _time_frame(series, markers, width, height)
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" '
            'aria-labelledby="{2}-title {2}-desc" class="time-series-chart" '
            'font-family="DejaVu Sans, Vazirmatn, sans-serif">'
            '<title id="{2}-title">{3}</title><desc id="{2}-desc">{4}</desc>',
            frame.width,
            frame.height,
            element_id,
            title,
            description,
        ),
        *_time_axes(frame, unit),
        *_time_markers(frame, markers),
        *_time_lines(frame, series),
        *_time_legend(frame, series, markers),
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 -- every interpolated text is escaped above
