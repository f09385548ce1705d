"""An indicator over time: its values across assessment editions as a time series, one line per city, placed at the
year each value describes, with whatever dated events other apps mark on the same axis (the starts of the actions
meant to move it)."""

from django.utils.translation import gettext as _

from core.time_charts import TimeMarker, TimeSeries, time_series_svg

from .models import Indicator, IndicatorValue

SERIES_STYLES = (  # colour, dash, marker: told apart without colour too
    ("#2e7d32", "", "circle"),
    ("#c25e00", "6 3", "square"),
    ("#3949ab", "2 3", "circle"),
    ("#6d4c41", "8 3 2 3", "square"),
)


def value_year(value: IndicatorValue) -> int:
    """Return the year a value describes: its reference year, or its edition's year when not known."""
    return value.reference_year or value.assessment.year


def value_number(value: IndicatorValue) -> float | None:
    """Return the value as a number on the chart's axis (yes = 1, no = 0), or None when it has none."""
    if not value.has_value:
        return None
    if value.value_number is not None:
        return float(value.value_number)
    if value.value_boolean is not None:
        return 1.0 if value.value_boolean else 0.0
    return None


def indicator_chart(
    *, indicator: Indicator, values: list[IndicatorValue], markers: list[TimeMarker], element_id: str
) -> str:
    """Return the SVG time series of an indicator's values, one line per city, with the markers on the same axis."""
    by_city: dict[str, list[tuple[float, float]]] = {}
    described = []
    for value in values:
        value.indicator = indicator  # display_value reads it
        number = value_number(value)
        city = value.assessment.city.name
        if number is None:
            continue
        by_city.setdefault(city, []).append((float(value_year(value)), number))
        described.append(f"{city} {value_year(value)}: {value.display_value}")
    if not by_city:
        return ""
    series = [
        TimeSeries(name=city, points=points, color=colour, dash=dash, marker=marker)
        for (city, points), (colour, dash, marker) in zip(by_city.items(), SERIES_STYLES * 4, strict=False)
    ]
    description = "; ".join(described)
    if markers:
        description += ". " + "; ".join(f"{marker.label}: {marker.title}" for marker in markers)
    return str(
        time_series_svg(
            series=series,
            markers=markers,
            title=_("%(name)s over time, by the year each value describes") % {"name": indicator.name},
            description=description,
            unit=indicator.unit_label,
            element_id=element_id,
        )
    )
