"""The closed loop between the action plans and the indicators: the starts of the actions meant to move an indicator,
as markers on its time axis (drawn by assessments.trends), and, per action, whether its indicators moved in the
intended direction since it started.

The intended direction of an action on an indicator is the indicator's own (higher or lower is better): an action of
the plan is meant to move its indicators the better way. Everything said is explained by the values, their years
and their sources.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from assessments.models import Assessment, Indicator, IndicatorValue
from assessments.trends import value_number, value_year
from core.dates import date_format
from core.time_charts import TimeMarker, fractional_year


def action_markers(actions) -> list[TimeMarker]:
    """Return the start of each dated action as a marker, labelled A1, A2… in the order given."""
    return [
        TimeMarker(
            at=fractional_year(action.start),
            label=f"A{number}",
            title=_("%(title)s, started %(date)s")
            % {"title": action.title, "date": date_format(action.start, "DATE_FORMAT")},
        )
        for number, action in enumerate(actions, start=1)
        if action.start
    ]


# --- Did the indicators move as the actions intended?


@dataclass
class Reading:
    display: str
    unit: str
    year: int
    edition: int
    source: str
    source_url: str


@dataclass
class Outcome:
    indicator_code: str
    indicator_name: str
    intended: str  # "increase", "decrease" or ""
    intended_label: str
    city: str
    before: Reading | None
    after: Reading | None
    verdict: str  # as_intended, against, unchanged, not_comparable, not_measured, no_baseline, no_direction, no_start
    verdict_label: str
    arrow: str = ""


@dataclass
class ActionOutcomes:
    action_id: int
    title: str
    start: object  # a date, or None
    status_label: str
    outcomes: list[Outcome] = field(default_factory=list)


def _reading(value: IndicatorValue) -> Reading:
    return Reading(
        display=value.display_value,
        unit=value.unit_label.strip(),
        year=value_year(value),
        edition=value.assessment.year,
        source=value.source_label,
        source_url=value.source_url,
    )


def indicator_outcome(*, indicator: Indicator, city: str, values: list[IndicatorValue], start) -> Outcome:
    """Return whether the indicator moved in its intended direction in the city since `start` (a date).

    The value before is the latest one describing a year before the action started; the value after, the latest one
    describing the year it started or later. Both must hold a number in the same unit.
    """
    intended = {Indicator.Direction.HIGHER: "increase", Indicator.Direction.LOWER: "decrease"}.get(
        indicator.direction, ""
    )
    labels = {"increase": _("increase"), "decrease": _("decrease"), "": _("no intended direction")}
    common = {
        "indicator_code": indicator.code,
        "indicator_name": indicator.name,
        "intended": intended,
        "intended_label": str(labels[intended]),
        "city": city,
    }
    if start is None:
        return Outcome(**common, before=None, after=None, verdict="no_start", verdict_label=str(_("no start date")))
    for value in values:
        value.indicator = indicator
    measured = sorted(
        (v for v in values if value_number(v) is not None), key=lambda v: (value_year(v), v.assessment.year)
    )
    before = next((v for v in reversed(measured) if value_year(v) < start.year), None)
    after = next((v for v in reversed(measured) if value_year(v) >= start.year), None)
    readings = {"before": _reading(before) if before else None, "after": _reading(after) if after else None}
    if before is None:
        label = _("no value measured before it started (%(year)s)") % {"year": start.year}
        return Outcome(**common, **readings, verdict="no_baseline", verdict_label=str(label))
    if after is None:
        label = _("not measured again since it started (%(year)s)") % {"year": start.year}
        return Outcome(**common, **readings, verdict="not_measured", verdict_label=str(label))
    if readings["before"].unit.casefold() != readings["after"].unit.casefold():
        label = _("not comparable: units differ (%(before)s vs %(after)s)") % {
            "before": readings["before"].unit or "—",
            "after": readings["after"].unit or "—",
        }
        return Outcome(**common, **readings, verdict="not_comparable", verdict_label=str(label))
    delta = Decimal(str(value_number(after))) - Decimal(str(value_number(before)))
    sign = (delta > 0) - (delta < 0)
    arrow = {1: "↑", -1: "↓", 0: "→"}[sign]
    wanted = {"increase": 1, "decrease": -1}.get(intended, 0)
    if sign == 0:
        verdict, label = "unchanged", _("no change")
    elif wanted == 0:
        verdict, label = "no_direction", _("moved, but the indicator has no intended direction")
    elif sign == wanted:
        verdict, label = "as_intended", _("moved in the intended direction")
    else:
        verdict, label = "against", _("moved against the intended direction")
    return Outcome(**common, **readings, verdict=verdict, verdict_label=str(label), arrow=arrow)


def action_outcomes(*, actions, cities, user) -> list[ActionOutcomes]:
    """Return, for each action that targets indicators, their outcome in each of the cities since it started.

    `actions` have their indicators prefetched; one query reads every value the user may read.
    """
    actions = [action for action in actions if action.indicators.all()]
    indicators = {indicator.pk: indicator for action in actions for indicator in action.indicators.all()}
    values: dict[tuple[int, int], list[IndicatorValue]] = {}
    if indicators:
        for value in IndicatorValue.objects.filter(
            indicator_id__in=indicators, assessment__in=Assessment.objects.visible_to(user), assessment__city__in=cities
        ).select_related("assessment__city"):
            values.setdefault((value.indicator_id, value.assessment.city_id), []).append(value)
    result = []
    for action in actions:
        item = ActionOutcomes(
            action_id=action.pk, title=action.title, start=action.start, status_label=str(action.get_status_display())
        )
        for indicator in action.indicators.all():
            for city in cities:
                item.outcomes.append(
                    indicator_outcome(
                        indicator=indicator,
                        city=city.name,
                        values=values.get((indicator.pk, city.pk), []),
                        start=action.start,
                    )
                )
        result.append(item)
    return result
