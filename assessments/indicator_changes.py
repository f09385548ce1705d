"""An indicator across editions: its value in each as a point of its series, and the change between two editions
with the guards that say when it is comparable (pure functions of already-fetched rows)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from .models import Assessment, Indicator, IndicatorValue, stored_label

ARROWS = {1: "↑", -1: "↓", 0: "→"}


@dataclass
class EditionPoint:
    """An indicator's value in one edition, with what makes it comparable: unit, reference year, source."""

    edition_year: int
    has_value: bool
    display: str
    number: float | None  # what a chart draws (yes is 1, no is 0); None without a numeric value
    unit: str
    reference_year: int | None
    source: str
    source_url: str


@dataclass
class IndicatorChange:
    code: str
    name: str
    category: str  # category code
    before: EditionPoint | None
    after: EditionPoint | None
    comparable: bool
    reason: str  # why the change is not given, when it is not comparable
    arrow: str
    change: str  # the size of the change, with its unit
    trend: str  # "better", "worse", "same", or "" when the indicator has no preferred direction
    trend_label: str
    notes: list[str] = field(default_factory=list)
    points: list[EditionPoint] = field(default_factory=list)  # every edition of the series, oldest first


def format_number(number: Decimal, *, sign: bool = False) -> str:
    """Return a number as read in the current language, to two decimals at most, signed when `sign` (+2, −1, ±0)."""
    rounded = number.quantize(Decimal("0.01"))
    # 250, not 2.5E+2; 18.5, not 18.50
    rounded = rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded.normalize()
    text = formats.number_format(abs(rounded) if sign else rounded, use_l10n=True)
    if not sign:
        return text
    return ("+" if rounded > 0 else "−" if rounded < 0 else "±") + text


def _unit(value: IndicatorValue, indicator: Indicator) -> str:
    return stored_label(" ".join((value.unit or indicator.unit).split()))


def edition_point(assessment: Assessment, value: IndicatorValue | None, indicator: Indicator) -> EditionPoint:
    """Return the value of an indicator in an edition as a point of its series."""
    if value is None or not value.has_value:
        return EditionPoint(
            edition_year=assessment.year,
            has_value=False,
            display=str(_("no data")),
            number=None,
            unit="",
            reference_year=None,  # 'no data' refers to no year
            source="",
            source_url="",
        )
    value.indicator = indicator  # display_value reads it
    number = None
    if value.value_number is not None:
        number = float(value.value_number)
    elif value.value_boolean is not None:
        number = 1.0 if value.value_boolean else 0.0
    return EditionPoint(
        edition_year=assessment.year,
        has_value=True,
        display=value.display_value,
        number=number,
        unit=_unit(value, indicator),
        reference_year=value.reference_year,
        source=value.source_label,
        source_url=value.source_url,
    )


def _not_comparable(indicator, before, after, reason, notes=()) -> IndicatorChange:
    return IndicatorChange(
        code=indicator.code,
        name=indicator.name,
        category="",
        before=before,
        after=after,
        comparable=False,
        reason=str(reason),
        arrow="",
        change="",
        trend="",
        trend_label="",
        notes=[str(note) for note in notes],
    )


def _change_text(indicator: Indicator, before: EditionPoint, after: EditionPoint, delta: Decimal) -> str:
    """Return the change as read: yes → no, percentage points, or the difference in the unit and in per cent."""
    if indicator.value_type == Indicator.ValueType.BOOLEAN:
        return f"{before.display} → {after.display}"
    if indicator.value_type == Indicator.ValueType.PERCENTAGE:
        return _("%(delta)s percentage points") % {"delta": format_number(delta, sign=True)}
    change = f"{format_number(delta, sign=True)} {after.unit}".strip()
    if before.number:
        relative = delta / abs(Decimal(str(before.number))) * 100
        change += f" ({format_number(relative.quantize(Decimal(1)), sign=True)} %)"
    return change


def _trend(indicator: Indicator, sign: int) -> tuple[str, str]:
    """Return whether a change of this sign goes the indicator's desired way, and how that reads."""
    preferred = {Indicator.Direction.HIGHER: 1, Indicator.Direction.LOWER: -1}.get(indicator.direction, 0)
    if sign == 0:
        return "same", _("no change")
    if preferred == 0:
        return "", ""
    if sign == preferred:
        return "better", _("in the desired direction")
    return "worse", _("against the desired direction")


def indicator_change(*, indicator: Indicator, before: EditionPoint, after: EditionPoint) -> IndicatorChange:
    """Return the change of an indicator between two editions, or why it is not given (the comparability guards).

    Compared only when both editions hold a value of a numeric or yes/no indicator, in the same unit, and the later
    value refers to a later year than the earlier one (a value copied over unchanged measures no change).
    """
    for point in (before, after):
        if not point.has_value:
            return _not_comparable(indicator, before, after, _("no value in %(year)s") % {"year": point.edition_year})
    if indicator.value_type == Indicator.ValueType.TEXT or before.number is None or after.number is None:
        return _not_comparable(indicator, before, after, _("text values are not compared"))
    if before.unit.casefold() != after.unit.casefold():
        units = {"before": before.unit or "—", "after": after.unit or "—"}
        reason = _("units differ (%(before)s vs %(after)s)") % units
        return _not_comparable(indicator, before, after, reason)
    notes = []
    years = (before.reference_year, after.reference_year)
    if None in years:
        notes.append(_("reference year not known"))
    else:
        notes.append(_("reference years %(before)s and %(after)s") % {"before": years[0], "after": years[1]})
        if years[1] <= years[0]:
            reason = (
                _("same reference year (%(year)s): not measured again") % {"year": years[0]}
                if years[0] == years[1]
                else _("the later edition refers to an earlier year (%(after)s before %(before)s)")
                % {"before": years[0], "after": years[1]}
            )
            return _not_comparable(indicator, before, after, reason)
    delta = Decimal(str(after.number)) - Decimal(str(before.number))
    sign = (delta > 0) - (delta < 0)
    change = _change_text(indicator, before, after, delta)
    trend, trend_label = _trend(indicator, sign)
    return IndicatorChange(
        code=indicator.code,
        name=indicator.name,
        category="",
        before=before,
        after=after,
        comparable=True,
        reason="",
        arrow=ARROWS[sign],
        change=change,
        trend=trend,
        trend_label=str(trend_label),
        notes=[str(note) for note in notes],
    )
