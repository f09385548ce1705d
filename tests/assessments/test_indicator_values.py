"""Typed indicator values: each value must fit its indicator's type and range; 'no data' is explicit, never zero."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from assessments.models import Indicator, IndicatorValue, validate_indicator_value
from tests.factories import AssessmentFactory, CategoryAssessmentFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(db):
    return AssessmentFactory()


def indicator_of(assessment, value_type, **fields):
    return IndicatorFactory(category__framework=assessment.framework, value_type=value_type, **fields)


def value_of(assessment, indicator, **fields) -> IndicatorValue:
    return IndicatorValue(assessment=assessment, indicator=indicator, **fields)


def errors_of(value: IndicatorValue) -> dict:
    with pytest.raises(ValidationError) as info:
        value.full_clean()
    return info.value.message_dict


@pytest.mark.parametrize("number", ["0", "0.5", "57.3", "100"])
def test_a_percentage_between_0_and_100_inclusive_is_accepted(assessment, number):
    value = value_of(assessment, indicator_of(assessment, "percentage"), value_number=Decimal(number))

    value.full_clean()
    value.save()

    assert value.display_value == f"{Decimal(number).normalize():f} %"


@pytest.mark.parametrize("number", ["140", "-1", "100.01"])
def test_a_percentage_outside_0_to_100_is_refused(assessment, number):
    value = value_of(assessment, indicator_of(assessment, "percentage"), value_number=Decimal(number))

    assert "between 0 and 100" in errors_of(value)["value_number"][0]


def test_a_boolean_indicator_refuses_a_number(assessment):
    value = value_of(assessment, indicator_of(assessment, "boolean"), value_number=Decimal(1))

    assert "value_boolean" in errors_of(value)


@pytest.mark.parametrize(("answer", "shown"), [(True, "yes"), (False, "no")])
def test_a_boolean_indicator_accepts_yes_and_no(assessment, answer, shown):
    value = value_of(assessment, indicator_of(assessment, "boolean"), value_boolean=answer)

    value.full_clean()

    assert value.has_value
    assert value.display_value == shown


def test_a_scale_indicator_refuses_a_value_above_its_maximum(assessment):
    scale = indicator_of(assessment, "scale", scale_min=0, scale_max=5)

    assert "0–5" in errors_of(value_of(assessment, scale, value_number=Decimal(6)))["value_number"][0]


def test_a_scale_indicator_refuses_a_value_that_is_not_a_whole_number(assessment):
    scale = indicator_of(assessment, "scale", scale_min=0, scale_max=5)

    assert "whole number" in errors_of(value_of(assessment, scale, value_number=Decimal("2.5")))["value_number"][0]


@pytest.mark.parametrize("number", [0, 3, 5])
def test_a_scale_indicator_accepts_whole_values_within_its_range(assessment, number):
    scale = indicator_of(assessment, "scale", scale_min=0, scale_max=5)

    value_of(assessment, scale, value_number=Decimal(number)).full_clean()

    assert validate_indicator_value(indicator=scale, no_data=False, number=Decimal(number), boolean=None, text="") == {}


def test_a_text_indicator_refuses_a_number(assessment):
    value = value_of(assessment, indicator_of(assessment, "text"), value_number=Decimal(3))

    assert "value_text" in errors_of(value)


def test_a_number_indicator_refuses_a_text(assessment):
    value = value_of(assessment, indicator_of(assessment, "number"), value_text="many")

    assert "value_number" in errors_of(value)


def test_no_data_together_with_a_value_is_refused(assessment):
    value = value_of(assessment, indicator_of(assessment, "number"), no_data=True, value_number=Decimal(0))

    assert "no_data" in errors_of(value)


def test_a_value_that_is_neither_given_nor_marked_no_data_is_refused(assessment):
    value = value_of(assessment, indicator_of(assessment, "number"), value_text="   ")

    assert "Give a value" in errors_of(value)["no_data"][0]


@pytest.mark.parametrize("value_type", ["number", "percentage", "boolean", "text"])
def test_no_data_alone_is_accepted_and_shown_as_no_data_never_as_zero(assessment, value_type):
    value = value_of(assessment, indicator_of(assessment, value_type), no_data=True)

    value.full_clean()
    value.save()

    assert not value.has_value
    assert value.display_value == "no data"
    assert "0" not in value.display_value
    assert str(value).endswith(": no data")


def test_zero_is_a_value_and_is_shown_as_zero(assessment):
    value = value_of(assessment, indicator_of(assessment, "number"), value_number=Decimal("0.0000"))

    value.full_clean()

    assert value.has_value
    assert value.display_value == "0"


@pytest.mark.parametrize("year", [1899, 2101])
def test_a_reference_year_outside_1900_to_2100_is_refused(assessment, year):
    value = value_of(assessment, indicator_of(assessment, "number"), value_number=Decimal(1), reference_year=year)

    assert "reference_year" in errors_of(value)


@pytest.mark.parametrize("year", [1900, 2019, 2100])
def test_a_reference_year_within_1900_to_2100_is_accepted(assessment, year):
    value_of(assessment, indicator_of(assessment, "number"), value_number=Decimal(1), reference_year=year).full_clean()


def test_an_indicator_cannot_be_given_two_values_in_the_same_assessment(assessment):
    indicator = indicator_of(assessment, "number")
    value_of(assessment, indicator, value_number=Decimal(1)).save()

    assert "__all__" in errors_of(value_of(assessment, indicator, value_number=Decimal(2)))


def test_a_scale_indicator_without_a_range_is_refused(assessment):
    indicator = IndicatorFactory.build(
        category=IndicatorFactory(category__framework=assessment.framework).category,
        framework=assessment.framework,
        value_type=Indicator.ValueType.SCALE,
        scale_min=None,
        scale_max=None,
    )

    with pytest.raises(ValidationError, match="minimum and a maximum"):
        indicator.full_clean()
    with pytest.raises(IntegrityError):
        indicator.save()


def test_a_scale_whose_maximum_is_not_above_its_minimum_is_refused(assessment):
    indicator = IndicatorFactory(category__framework=assessment.framework)
    indicator.value_type, indicator.scale_min, indicator.scale_max = "scale", 5, 5

    with pytest.raises(ValidationError) as info:
        indicator.full_clean()

    assert "scale_max" in info.value.message_dict


def test_a_category_rating_above_10_is_refused(assessment):
    reading = CategoryAssessmentFactory(assessment=assessment)
    reading.rating, reading.rating_rationale = 11, "Excellent."

    with pytest.raises(ValidationError) as info:
        reading.full_clean()

    assert "rating" in info.value.message_dict


def test_a_category_rating_without_its_rationale_is_refused(assessment):
    reading = CategoryAssessmentFactory(assessment=assessment)
    reading.rating = 7
    reading.rating_rationale = "  "

    with pytest.raises(ValidationError) as info:
        reading.full_clean()

    assert "rating_rationale" in info.value.message_dict


def test_an_unrated_category_needs_no_rationale(assessment):
    reading = CategoryAssessmentFactory(assessment=assessment, rating=None)

    reading.full_clean()

    assert reading.rating is None


@pytest.mark.parametrize(("language", "shown"), [("en", "57.3 %"), ("fr", "57,3 %")])
def test_a_value_is_written_with_the_decimal_mark_of_the_readers_language(assessment, language, shown):
    value = value_of(assessment, indicator_of(assessment, "percentage"), value_number=Decimal("57.30"))

    with translation.override(language):
        assert value.display_value == shown


def test_ticking_no_data_empties_the_year_confidence_and_unit_when_cleaned(assessment):
    value = value_of(
        assessment, indicator_of(assessment, "number"), no_data=True, reference_year=2018, confidence="high", unit="kg"
    )

    value.full_clean()

    assert (value.reference_year, value.confidence, value.unit) == (None, "", "")


def test_a_no_data_row_is_saved_without_year_confidence_or_unit_even_when_only_no_data_is_updated(assessment):
    value = value_of(
        assessment, indicator_of(assessment, "number"), value_number=Decimal(3), reference_year=2018, confidence="low"
    )
    value.unit = "kg"
    value.save()

    value.no_data, value.value_number = True, None
    value.save(update_fields=["no_data", "value_number"])

    value.refresh_from_db()
    assert (value.reference_year, value.confidence, value.unit) == (None, "", "")


def test_the_database_refuses_a_no_data_row_with_a_confidence(assessment):
    value = value_of(assessment, indicator_of(assessment, "number"), no_data=True)
    value.save()

    with pytest.raises(IntegrityError):
        IndicatorValue.objects.filter(pk=value.pk).update(confidence="high")
