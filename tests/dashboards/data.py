"""A duo with as much data as asked, built in bulk: the query-budget tests and `make bench` measure it at two sizes."""

from decimal import Decimal

from assessments.models import Assessment, CategoryAssessment, Indicator, IndicatorValue, Initiative
from cities.models import Duo
from tests.factories import (
    AssessmentFactory,
    CategoryFactory,
    ChallengeFactory,
    CityFactory,
    DuoFactory,
    FrameworkFactory,
    RecommendedActionFactory,
)

SIZES = {
    "small": {"editions": 1, "indicators": 6, "initiatives": 2},
    "large": {"editions": 3, "indicators": 60, "initiatives": 50},
}


def duo_with_data(*, name: str, editions: int, indicators: int, initiatives: int) -> Duo:
    """Return a published duo whose two cities have `editions` published assessments each, with a value for each of
    `indicators` indicators, six rated categories, a challenge per category and `initiatives` initiatives."""
    framework = FrameworkFactory(slug=f"framework-{name}", name_en=f"Framework {name}")
    categories = [
        CategoryFactory(framework=framework, code=f"category-{n}", order=n, name_en=f"Category {n}") for n in range(6)
    ]
    actions = [
        RecommendedActionFactory(framework=framework, category=c, number=n + 1, title_en=f"Action {n + 1}")
        for n, c in enumerate(categories)
    ]
    indicator_rows = Indicator.objects.bulk_create(
        Indicator(
            framework=framework,
            category=categories[n % 6],
            code=f"{name}-ind-{n}",
            number=n + 1,
            name_en=f"Indicator {n}",
            unit="t",
            per_capita=n % 3 == 0,
        )
        for n in range(indicators)
    )
    cities = [
        CityFactory(
            name_en=f"{name.title()} {role}",
            name_fr=None,
            slug=f"{name}-{role}",
            country=country,
            role=role,
            population=population,
            population_year=2020,
            population_unit="",
            location={"type": "Point", "coordinates": [lon, lat]},
        )
        for role, country, population, lon, lat in (
            ("french", "FR", 500_000, 4.8, 45.7),
            ("partner", "MA", 1_100_000, -5.0, 34.0),
        )
    ]
    duo = DuoFactory(
        slug=f"{name}-duo", name_en=f"{name.title()} duo", name_fr=None, french_city=cities[0], partner_city=cities[1]
    )
    for side, city in enumerate(cities):
        for edition in range(editions):
            assessment = AssessmentFactory(
                city=city,
                framework=framework,
                year=2015 + 2 * edition,
                slug=f"{city.slug}-{edition}",
                status=Assessment.Status.PUBLISHED,
                summary_en=None,
            )
            CategoryAssessment.objects.bulk_create(
                CategoryAssessment(
                    assessment=assessment,
                    category=c,
                    rating=(8 if side == 0 else 3) if n % 2 == 0 else 5,
                    rating_rationale_en="Because.",
                )
                for n, c in enumerate(categories)
            )
            IndicatorValue.objects.bulk_create(
                IndicatorValue(assessment=assessment, indicator=i, value_number=Decimal(100 + n), reference_year=2015)
                for n, i in enumerate(indicator_rows)
            )
            for n, category in enumerate(categories):
                challenge = ChallengeFactory(
                    assessment=assessment, category=category, title_en=f"Challenge {n}", severity="high"
                )
                challenge.actions.add(actions[n])
            made = Initiative.objects.bulk_create(
                Initiative(
                    assessment=assessment,
                    ref=f"{assessment.slug}-initiative-{n}",
                    title_en=f"Initiative {n} of {city.slug}",
                    actor_type=Initiative.ActorType.ASSOCIATION,
                    location={"type": "Point", "coordinates": [city.longitude + n / 1000, city.latitude]},
                )
                for n in range(initiatives)
            )
            Initiative.categories.through.objects.bulk_create(
                Initiative.categories.through(initiative=i, category=categories[n % 6]) for n, i in enumerate(made)
            )
            Initiative.actions.through.objects.bulk_create(
                Initiative.actions.through(initiative=i, recommendedaction=actions[n % 6]) for n, i in enumerate(made)
            )
    return duo
