"""Data completeness: the share of a category's indicators that hold a value, computed in a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment, Indicator
from assessments.selectors import Completeness, assessment_overview, category_completeness_many
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    ChallengeFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InitiativeFactory,
    PillarFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    """A framework of three categories: four indicators, two indicators, none."""
    framework = FrameworkFactory(slug="completeness")
    governance = CategoryFactory(framework=framework, code="governance", order=1)
    waste = CategoryFactory(framework=framework, code="food_waste", order=2)
    CategoryFactory(framework=framework, code="empty", order=3)
    IndicatorFactory(category=governance, framework=framework, code="g-number", number=1)
    IndicatorFactory(category=governance, framework=framework, code="g-boolean", number=2, value_type="boolean")
    IndicatorFactory(category=governance, framework=framework, code="g-text", number=3, value_type="text")
    IndicatorFactory(category=governance, framework=framework, code="g-missing", number=4)
    IndicatorFactory(category=waste, framework=framework, code="w-no-data", number=5)
    IndicatorFactory(category=waste, framework=framework, code="w-zero", number=6, value_type="percentage")
    return framework


@pytest.fixture
def assessment(framework):
    assessment = AssessmentFactory(framework=framework, status=Assessment.Status.PUBLISHED)
    add = value_adder(assessment)
    add("g-number", value_number=Decimal(12))
    add("g-boolean", value_number=None, value_boolean=False)
    add("g-text", value_number=None, value_text="A council meets monthly.")
    add("w-no-data", value_number=None, no_data=True)
    return assessment


def value_adder(assessment):
    def add(code, **fields):
        return IndicatorValueFactory(assessment=assessment, indicator=Indicator.objects.get(code=code), **fields)

    return add


def by_code(overview) -> dict:
    return {item.category.code: item for item in overview.categories}


def test_completeness_is_the_share_of_a_categorys_indicators_with_a_value(assessment):
    categories = by_code(assessment_overview(assessment=assessment))

    assert categories["governance"].completeness == Completeness(with_value=3, total=4)
    assert categories["governance"].completeness.percent == 75


def test_an_explicit_no_data_counts_as_missing(assessment):
    completeness = by_code(assessment_overview(assessment=assessment))["food_waste"].completeness

    assert (completeness.with_value, completeness.total, completeness.percent) == (0, 2, 0)


def test_a_value_of_zero_or_no_counts_as_a_value(assessment):
    value_adder(assessment)("w-zero", value_number=Decimal(0))

    categories = by_code(assessment_overview(assessment=assessment))

    assert categories["food_waste"].completeness.percent == 50
    assert categories["governance"].completeness.with_value == 3  # 'no' (False) is an answer


def test_a_category_without_indicators_has_no_completeness_percent(assessment):
    empty = by_code(assessment_overview(assessment=assessment))["empty"]

    assert empty.completeness.total == 0
    assert empty.completeness.percent is None


def test_completeness_percent_is_rounded_to_a_whole_number():
    assert Completeness(with_value=2, total=3).percent == 67
    assert Completeness(with_value=0, total=3).percent == 0


def test_completeness_of_many_assessments_agrees_with_the_overview(assessment, framework):
    other = AssessmentFactory(framework=framework)
    value_adder(other)("w-zero", value_number=Decimal(50))

    many = category_completeness_many([assessment, other])

    for overview_item in assessment_overview(assessment=assessment).categories:
        if overview_item.completeness.total:
            assert many[assessment.pk][overview_item.category.pk] == overview_item.completeness
    codes = {category.pk: category.code for category in framework.categories.all()}
    other_percent = {codes[pk]: item.percent for pk, item in many[other.pk].items()}
    assert other_percent == {"governance": 0, "food_waste": 50}


def test_the_values_of_another_assessment_do_not_count(assessment, framework):
    other = AssessmentFactory(framework=framework)
    add = value_adder(other)
    for code in ("g-missing", "w-zero"):
        add(code, value_number=Decimal(1))

    categories = by_code(assessment_overview(assessment=assessment))

    assert categories["governance"].completeness.with_value == 3
    assert categories["food_waste"].completeness.with_value == 0


def test_completeness_of_many_assessments_takes_two_queries_whatever_their_number(framework, assessment):
    assessments = [assessment, *AssessmentFactory.create_batch(5, framework=framework)]

    with CaptureQueriesContext(connection) as one:
        category_completeness_many([assessment])
    with CaptureQueriesContext(connection) as six:
        category_completeness_many(assessments)

    assert len(one.captured_queries) == len(six.captured_queries) == 2


def test_the_overview_rows_show_no_data_for_missing_values(assessment):
    governance = by_code(assessment_overview(assessment=assessment))["governance"]

    shown = {indicator.code: value.display_value if value else "no data" for indicator, value in governance.rows}
    assert shown == {"g-number": "12", "g-boolean": "no", "g-text": "A council meets monthly.", "g-missing": "no data"}


def enrich(assessment, framework, *, initiatives: int, challenges: int) -> None:
    categories = list(framework.categories.all())
    pillar = PillarFactory()
    for category in categories:
        CategoryAssessmentFactory(assessment=assessment, category=category, rating=4, rating_rationale="Some.")
    for _ in range(challenges):
        ChallengeFactory(assessment=assessment, category=categories[0])
    for _ in range(initiatives):
        initiative = InitiativeFactory(assessment=assessment)
        initiative.categories.set(categories[:2])
        initiative.pillars.set([pillar])


def read_everything(overview) -> list:
    """Touch everything a page or report shows, so that lazy queries would be counted."""
    seen = [overview.ratings]
    for item in overview.categories:
        seen += [item.completeness.percent, item.rating]
        seen += [(indicator.code, value.display_value if value else None) for indicator, value in item.rows]
        seen += [(challenge.title, list(challenge.actions.all())) for challenge in item.challenges]
        seen += [
            (initiative.assessment.city.name, initiative.organisation, list(initiative.pillars.all()))
            for initiative in item.initiatives
        ]
    return seen


def test_the_overview_takes_a_fixed_number_of_queries_whatever_the_data(framework):
    small = AssessmentFactory(framework=framework)
    enrich(small, framework, initiatives=1, challenges=1)
    large = AssessmentFactory(framework=framework)
    enrich(large, framework, initiatives=15, challenges=8)
    add = value_adder(large)
    for indicator in framework.indicators.filter(value_type="number"):
        add(indicator.code, value_number=Decimal(7))

    counts = []
    for assessment in (small, large):
        assessment = Assessment.objects.select_related("framework").get(pk=assessment.pk)
        with CaptureQueriesContext(connection) as context:
            read_everything(assessment_overview(assessment=assessment))
        counts.append(len(context.captured_queries))

    assert counts[0] == counts[1]
    assert counts[1] <= 10


def test_the_overview_puts_challenges_and_initiatives_under_their_categories(framework):
    assessment = AssessmentFactory(framework=framework)
    enrich(assessment, framework, initiatives=2, challenges=3)

    categories = by_code(assessment_overview(assessment=assessment))

    assert len(categories["governance"].challenges) == 3
    assert len(categories["governance"].initiatives) == len(categories["food_waste"].initiatives) == 2
    assert categories["empty"].challenges == categories["empty"].initiatives == []
    assert categories["empty"].rating == 4


def test_the_api_gives_no_percent_for_a_category_without_indicators(anonymous, assessment, framework):
    for category in framework.categories.all():
        CategoryAssessmentFactory(assessment=assessment, category=category)

    data = anonymous.get(f"/api/assessments/{assessment.slug}/").json()

    percents = {item["category"]: item["completeness"]["percent"] for item in data["categories"]}
    assert percents == {"governance": 75, "food_waste": 0, "empty": None}
