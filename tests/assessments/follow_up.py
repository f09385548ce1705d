"""Fez's 2019 baseline and its 2026 follow-up, started and published through the services as the team would."""

from datetime import date
from decimal import Decimal

from assessments.editions import assessment_follow_up_start
from assessments.models import Indicator, Initiative
from assessments.services import assessment_publish, assessment_submit
from tests.factories import (
    ActionFactory,
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InitiativeFactory,
)

BASELINE = [5, 3, 6, 4, 7, 2]
FOLLOW_UP = [7, 3, 5, 6, 7, 4]


def baseline(duo, *, framework=None):
    """Return the framework, its indicators by code and the published 2019 baselines of both cities of the duo."""
    framework = framework or FrameworkFactory(slug="change-framework")
    categories = [
        CategoryFactory(framework=framework, order=n, code=f"topic-{n}", name_en=f"Topic {n}") for n in range(6)
    ]
    indicators = {
        "waste": IndicatorFactory(
            framework=framework,
            category=categories[5],
            code="waste",
            name_en="Food waste collected",
            unit="t",
            direction=Indicator.Direction.LOWER,
        ),
        "organic": IndicatorFactory(
            framework=framework,
            category=categories[1],
            code="organic",
            name_en="Organic meals in canteens",
            unit="%",
            value_type=Indicator.ValueType.PERCENTAGE,
            direction=Indicator.Direction.HIGHER,
        ),
        "markets": IndicatorFactory(
            framework=framework,
            category=categories[3],
            code="markets",
            name_en="Farmers' markets",
            unit="markets",
            direction=Indicator.Direction.HIGHER,
        ),
        "budget": IndicatorFactory(
            framework=framework,
            category=categories[0],
            code="budget",
            name_en="Food policy budget",
            unit="MAD",
        ),
    }
    editions = {}
    for city in duo.cities:
        assessment = AssessmentFactory(city=city, framework=framework, year=2019, status="published")
        for category, rating in zip(categories, BASELINE, strict=True):
            CategoryAssessmentFactory(
                assessment=assessment, category=category, rating=rating, rating_rationale_en="Baseline reading."
            )
        for code, number, year in (("waste", "1200", 2017), ("organic", "12.5", 2018), ("markets", "4", 2019)):
            IndicatorValueFactory(
                assessment=assessment,
                indicator=indicators[code],
                value_number=Decimal(number),
                reference_year=year,
                unit=indicators[code].unit,
                source_title=f"Municipal survey {year}",
            )
        IndicatorValueFactory(
            assessment=assessment,
            indicator=indicators["budget"],
            value_number=Decimal("900000"),
            reference_year=2019,
            unit="MAD",
        )
        InitiativeFactory(assessment=assessment, title_en=f"Farmers' market of {city.name}", start_year=2015)
        InitiativeFactory(assessment=assessment, title_en=f"Rooftop gardens of {city.name}", start_year=2016)
        editions[city.slug] = assessment
    return framework, indicators, editions


def fez_follow_up(*, fez_2019, indicators, team):
    """Start Fez's 2026 follow-up from its 2019 baseline, record what changed, and publish it."""
    follow_up = assessment_follow_up_start(previous=fez_2019, year=2026, by=team)
    for reading in follow_up.category_assessments.select_related("category").order_by("category__order"):
        reading.rating = FOLLOW_UP[reading.category.order]
        reading.rating_rationale = "Follow-up reading."
        reading.save()
    for code, number, year in (("waste", "950", 2025), ("organic", "31", 2025), ("markets", "4", 2019)):
        IndicatorValueFactory(
            assessment=follow_up,
            indicator=indicators[code],
            value_number=Decimal(number),
            reference_year=year,
            unit=indicators[code].unit,
            source_title=f"Municipal survey {year}",
        )
    IndicatorValueFactory(  # the budget now in euros: not comparable
        assessment=follow_up,
        indicator=indicators["budget"],
        value_number=Decimal("95000"),
        reference_year=2025,
        unit="EUR",
    )
    Initiative.objects.filter(assessment=follow_up, title_en__startswith="Rooftop").update(
        status=Initiative.Status.ENDED
    )
    InitiativeFactory(assessment=follow_up, title_en="Anti-waste kitchen of Fez", start_year=2024)
    assessment_submit(assessment=follow_up, by=team)
    assessment_publish(assessment=follow_up, by=team)
    follow_up.refresh_from_db()
    return follow_up


def waste_action(duo, indicator, *, start=date(2021, 3, 1)):
    """Return an action of the duo's plan meant to cut the food waste, started in 2021."""
    action = ActionFactory(duo=duo, title_en="Anti-waste plan for markets", start=start, status="in_progress")
    action.indicators.add(indicator)
    return action
