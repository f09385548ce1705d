"""Comparability guards of the indicator comparison: units, reference years, missing values, per-inhabitant values."""

from decimal import Decimal
from types import SimpleNamespace

from assessments.models import Indicator, IndicatorValue
from dashboards.comparison import compare_indicator

LYON = SimpleNamespace(name="Lyon", population=500_000, population_year=2021)
HCMC = SimpleNamespace(name="Ho Chi Minh City", population=9_000_000, population_year=2019)


def indicator(**fields):
    return Indicator(code="mufpp-08", name="Food markets", unit="markets", **fields)


def value(number, **fields):
    return IndicatorValue(value_number=Decimal(number), **{"reference_year": 2019, **fields})


def test_values_with_the_same_unit_up_to_case_and_spaces_are_comparable():
    row = compare_indicator(indicator=indicator(), values=[value(10, unit=" Markets "), value(30)], cities=[LYON, HCMC])
    assert row.comparable
    assert row.notes == []
    assert [cell.display for cell in row.cells] == ["10", "30"]


def test_values_whose_units_differ_are_not_compared():
    row = compare_indicator(
        indicator=indicator(), values=[value(10, unit="t"), value(30, unit="kg")], cities=[LYON, HCMC]
    )
    assert not row.comparable
    assert row.notes == ["not comparable: units differ (t vs kg)"]


def test_reference_years_more_than_two_years_apart_are_flagged():
    row = compare_indicator(
        indicator=indicator(),
        values=[value(10, reference_year=2014), value(30, reference_year=2019)],
        cities=[LYON, HCMC],
    )
    assert row.notes == ["years differ by 5"]
    close = compare_indicator(
        indicator=indicator(), values=[value(10, reference_year=2017), value(30)], cities=[LYON, HCMC]
    )
    assert close.notes == []


def test_a_missing_value_or_an_explicit_no_data_says_where_data_is_missing():
    row = compare_indicator(indicator=indicator(), values=[None, IndicatorValue(no_data=True)], cities=[LYON, HCMC])
    assert not row.comparable
    assert row.notes == ["no data in Lyon", "no data in Ho Chi Minh City"]
    assert [cell.display for cell in row.cells] == ["no data", "no data"]


def test_per_capita_indicators_are_given_per_100000_inhabitants_with_the_population_years():
    row = compare_indicator(indicator=indicator(per_capita=True), values=[value(10), value(90)], cities=[LYON, HCMC])
    assert [cell.per_inhabitants for cell in row.cells] == ["2", "1"]
    assert row.per_inhabitants_label == "per 100\u202f000 inhabitants"
    assert row.notes == ["per inhabitant: population of Lyon (2021) and Ho Chi Minh City (2019)"]


def test_no_per_inhabitant_value_without_a_population_or_for_other_indicators():
    unknown = SimpleNamespace(name="Nowhere", population=None, population_year=None)
    row = compare_indicator(indicator=indicator(per_capita=True), values=[value(10), value(90)], cities=[LYON, unknown])
    assert [cell.per_inhabitants for cell in row.cells] == [None, None]
    assert row.notes == ["no per-inhabitant value: a population is unknown"]
    plain = compare_indicator(indicator=indicator(), values=[value(10), value(90)], cities=[LYON, HCMC])
    assert [cell.per_inhabitants for cell in plain.cells] == [None, None]


def test_amounts_in_local_currency_of_cities_in_different_countries_are_not_compared():
    lyon = SimpleNamespace(name="Lyon", population=1, population_year=2021, country="FR")
    hcmc = SimpleNamespace(name="Ho Chi Minh City", population=1, population_year=2019, country="VN")
    row = compare_indicator(
        indicator=Indicator(code="basket", name="Food basket", unit="local currency"),
        values=[value(10), value(90_000)],
        cities=[lyon, hcmc],
    )
    assert not row.comparable
    assert row.notes == ["not comparable: local currencies of different countries"]
