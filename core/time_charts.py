"""Server-rendered SVG charts of values over time (an indicator's series with the actions marked on it), the same in
pages and in PDF reports."""

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .charts import coord, point_marker, short_number


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
        parts.append(
            f'<line x1="{left}" y1="{coord(y)}" x2="{frame.width - frame.right}" y2="{coord(y)}" stroke="#e1e6e3"/>'
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#55605a">{}</text>',
                left - 4,
                coord(y + 3),
                f"{value:.3g}",
            )
        )
    if unit:
        parts.append(format_html('<text x="4" y="{}" font-size="10" fill="#55605a">{}</text>', top - 10, unit))
    step = max(1, math.ceil((frame.last - frame.first) / 10))
    for year in range(frame.first, frame.last + 1, step):
        x = frame.px(year)
        parts.append(
            f'<line x1="{coord(x)}" y1="{top + plot_h}" x2="{coord(x)}" y2="{top + plot_h + 4}" stroke="#55605a"/>'
            f'<text x="{coord(x)}" y="{top + plot_h + 16}" font-size="10" text-anchor="middle" '
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
            coord(frame.px(marker.at)),
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
            path = " ".join(f"{coord(frame.px(x))},{coord(frame.py(y))}" for x, y in points)
            parts.append(
                f'<polyline class="time-series" data-series="{position}" points="{path}" fill="none" '
                f'stroke="{colour}" stroke-width="2"{dash}/>'
            )
        for x, y in points:
            tooltip = format_html("<title>{} — {}: {}</title>", serie.name, f"{x:.0f}", short_number(y))
            parts.append(point_marker(serie.marker, frame.px(x), frame.py(y), serie.color, tooltip))
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
        parts.append(point_marker(serie.marker, left + 11, y - 4, serie.color, ""))
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
