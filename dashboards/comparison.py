"""Comparability guards of the duo dashboard (pure): one indicator in both cities, with what makes the two values not
comparable said in notes (no data, different units or currencies, distant years) and per-inhabitant values where both
populations are known."""

from decimal import Decimal

from django.utils.translation import gettext as _

from assessments.models import Indicator, IndicatorValue, stored_label

from .sections import ComparisonRow, ValueCell

PER_INHABITANTS = 100_000  # per-inhabitant values are given per 100,000 inhabitants
YEARS_APART = 2  # reference years further apart than this are flagged


def _normalised_unit(unit: str) -> str:
    return " ".join(unit.split()).casefold()


def plain_value(value: IndicatorValue) -> str:
    """Return a value as files hold it, whatever the reader's language: 1234.5 (never "1 234,5 %"), yes/no, text."""
    if value.value_boolean is not None:
        return "yes" if value.value_boolean else "no"
    if value.value_number is not None:
        return format(value.value_number.normalize(), "f")
    return value.value_text


def _number(value: Decimal | float) -> str:
    text = format(Decimal(value).quantize(Decimal("0.01")).normalize(), "f")
    return text


def _value_cells(indicator: Indicator, values: list[IndicatorValue | None], cities: list) -> tuple[list, list]:
    """Return a cell for each city's value, and a note for each city without one."""
    notes, cells = [], []
    for city, value in zip(cities, values, strict=True):
        if value is None or not value.has_value:
            notes.append(_("no data in %(city)s") % {"city": city.name})
            cells.append(
                ValueCell(display=str(_("no data")), unit="", year=None, has_value=False)  # no year, no unit
            )
            continue
        value.indicator = indicator  # display_value reads it
        unit = stored_label((value.unit or indicator.unit).strip())
        if not unit and indicator.value_type == Indicator.ValueType.PERCENTAGE:
            unit = "%"
        cells.append(
            ValueCell(
                display=value.display_value,
                unit=unit,
                year=value.reference_year,
                has_value=True,
                value=plain_value(value),
            )
        )
    return cells, notes


def _comparability(cells: list[ValueCell], cities: list) -> tuple[bool, list]:
    """Return whether both values are comparable (both known, in the same unit and currency), and the notes why not
    or on their distant years."""
    notes = []
    comparable = all(cell.has_value for cell in cells)
    if not comparable:
        return comparable, notes
    left, right = (cell.unit for cell in cells)
    if _normalised_unit(left) != _normalised_unit(right):
        comparable = False
        notes.append(
            _("not comparable: units differ (%(left)s vs %(right)s)") % {"left": left or "—", "right": right or "—"}
        )
    elif "local currency" in _normalised_unit(left) and len({getattr(c, "country", None) for c in cities}) > 1:
        comparable = False
        notes.append(_("not comparable: local currencies of different countries"))
    years = [cell.year for cell in cells]
    if None not in years and abs(years[0] - years[1]) > YEARS_APART:
        notes.append(_("years differ by %(years)s") % {"years": abs(years[0] - years[1])})
    return comparable, notes


def _per_inhabitants(cells: list[ValueCell], numbers: list, cities: list) -> tuple[str, list]:
    """Give each cell its value per 100,000 inhabitants when both populations are known; return the label and note."""
    if not all(city.population for city in cities):
        return "", [_("no per-inhabitant value: a population is unknown")]
    label = _("per %(count)s inhabitants") % {"count": f"{PER_INHABITANTS:,}".replace(",", "\u202f")}
    for cell, number, city in zip(cells, numbers, cities, strict=True):
        cell.per_inhabitants = _number(Decimal(number) / Decimal(city.population) * PER_INHABITANTS)
    note = _("per inhabitant: population of %(left)s (%(left_year)s) and %(right)s (%(right_year)s)") % {
        "left": cities[0].name,
        "left_year": cities[0].population_year or "?",
        "right": cities[1].name,
        "right_year": cities[1].population_year or "?",
    }
    return label, [note]


def compare_indicator(*, indicator: Indicator, values: list[IndicatorValue | None], cities: list) -> ComparisonRow:
    """Return the comparison row of one indicator in both cities, with the notes that say what is not comparable.

    `cities` are the two cities (anything with name, population and population_year), in the order of `values`.
    """
    cells, notes = _value_cells(indicator, values, cities)
    comparable, comparability_notes = _comparability(cells, cities)
    notes.extend(comparability_notes)
    label = ""
    numbers = [value.value_number if value is not None and value.has_value else None for value in values]
    if comparable and indicator.per_capita and None not in numbers:
        label, per_inhabitant_notes = _per_inhabitants(cells, numbers, cities)
        notes.extend(per_inhabitant_notes)
    return ComparisonRow(
        category="",
        code=indicator.code,
        name=indicator.name,
        cells=cells,
        comparable=comparable,
        notes=[str(note) for note in notes],
        per_inhabitants_label=str(label),
    )
