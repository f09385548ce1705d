"""The assessments API: what the lists and details hold, their filters, read-only access and query budgets."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    CityFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InitiativeFactory,
    OrganisationFactory,
    PillarFactory,
    RecommendedActionFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED = Assessment.Status.PUBLISHED
LISTS = ["/api/assessments/", "/api/indicator-values/", "/api/initiatives/", "/api/initiatives/geojson/"]


@pytest.fixture
def framework(db):
    framework = FrameworkFactory(slug="mufpp-test")
    for code in ("governance", "food_waste"):
        category = CategoryFactory(framework=framework, code=code)
        IndicatorFactory.create_batch(5, category=category, framework=framework)
    return framework


def populate(framework, *, assessments: int, initiatives: int, values: int) -> list[Assessment]:
    """Create published assessments, each with tagged, located initiatives and indicator values."""
    indicators = list(framework.indicators.all())
    categories = list(framework.categories.all())
    pillars = PillarFactory.create_batch(2)
    action = RecommendedActionFactory(category=categories[0], framework=framework)
    created = []
    for _ in range(assessments):
        assessment = AssessmentFactory(framework=framework, status=PUBLISHED)
        for category in categories:
            CategoryAssessmentFactory(assessment=assessment, category=category, rating=5, rating_rationale="Fair.")
        for indicator in indicators[:values]:
            IndicatorValueFactory(assessment=assessment, indicator=indicator, value_number=Decimal(3))
        for _ in range(initiatives):
            initiative = InitiativeFactory(assessment=assessment, organisation=OrganisationFactory())
            initiative.categories.set(categories)
            initiative.pillars.set(pillars)
            initiative.actions.set([action])
        created.append(assessment)
    return created


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", LISTS)
def test_list_query_count_does_not_grow_with_the_data(anonymous, framework, url):
    populate(framework, assessments=1, initiatives=3, values=2)
    small = query_count(anonymous, url)

    populate(framework, assessments=3, initiatives=20, values=10)
    large = query_count(anonymous, url)

    assert small == large


@pytest.mark.parametrize("url", LISTS)
def test_list_query_count_does_not_grow_with_the_data_for_the_team(client, team_member, framework, url):
    client.force_login(team_member)
    populate(framework, assessments=1, initiatives=3, values=2)
    small = query_count(client, url)

    populate(framework, assessments=3, initiatives=20, values=10)
    AssessmentFactory(framework=framework)
    large = query_count(client, url)

    assert small == large


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/api/assessments/", 2),  # count, page
        ("/api/indicator-values/", 2),
        ("/api/initiatives/", 5),  # count, page, categories, pillars, actions
        ("/api/initiatives/geojson/", 1),  # the located initiatives, with only the columns the features show
    ],
)
def test_lists_keep_their_query_budget(anonymous, framework, django_assert_num_queries, url, budget):
    populate(framework, assessments=3, initiatives=20, values=10)

    with django_assert_num_queries(budget):
        assert anonymous.get(url).status_code == 200


def test_assessment_detail_query_count_does_not_grow_with_the_data(anonymous, framework):
    [small] = populate(framework, assessments=1, initiatives=1, values=1)
    [large] = populate(framework, assessments=1, initiatives=20, values=10)

    assert query_count(anonymous, f"/api/assessments/{small.slug}/") == query_count(
        anonymous, f"/api/assessments/{large.slug}/"
    )


def test_assessment_detail_gives_each_category_reading_with_its_completeness(anonymous, framework):
    [assessment] = populate(framework, assessments=1, initiatives=0, values=7)

    data = anonymous.get(f"/api/assessments/{assessment.slug}/").json()

    assert data["framework"] == "mufpp-test"
    assert data["city"]["slug"] == assessment.city.slug
    readings = {item["category"]: item for item in data["categories"]}
    assert readings["governance"]["completeness"] == {"with_value": 5, "total": 5, "percent": 100}
    assert readings["food_waste"]["completeness"] == {"with_value": 2, "total": 5, "percent": 40}
    assert readings["governance"]["rating"] == 5
    assert readings["governance"]["rating_rationale"] == "Fair."


def test_indicator_values_give_typed_values_and_no_data_as_null(anonymous, framework):
    assessment = AssessmentFactory(framework=framework, status=PUBLISHED)
    number, missing = framework.indicators.all()[:2]
    IndicatorValueFactory(assessment=assessment, indicator=number, value_number=Decimal("12.50"))
    IndicatorValueFactory(assessment=assessment, indicator=missing, value_number=None, no_data=True)

    results = {item["indicator"]: item for item in anonymous.get("/api/indicator-values/").json()["results"]}

    assert (results[number.code]["value"], results[number.code]["display_value"]) == (12.5, "12.5")
    assert (results[missing.code]["value"], results[missing.code]["display_value"]) == (None, "no data")
    assert results[missing.code]["no_data"] is True


def test_assessments_filter_by_city_and_year(anonymous, framework):
    sfax = CityFactory(name_en="Sfax", country="TN")
    AssessmentFactory(city=sfax, framework=framework, year=2019, status=PUBLISHED)
    AssessmentFactory(city=sfax, framework=framework, year=2023, status=PUBLISHED)
    AssessmentFactory(framework=framework, year=2019, status=PUBLISHED)

    by_city = anonymous.get("/api/assessments/", {"city": "sfax"}).json()
    by_both = anonymous.get("/api/assessments/", {"city": "sfax", "year": 2023}).json()

    assert {item["slug"] for item in by_city["results"]} == {"sfax-2019", "sfax-2023"}
    assert [item["slug"] for item in by_both["results"]] == ["sfax-2023"]


def test_initiatives_filter_by_category_without_duplicates(anonymous, framework):
    [assessment] = populate(framework, assessments=1, initiatives=2, values=0)

    data = anonymous.get("/api/initiatives/", {"category": "governance"}).json()

    assert data["count"] == 2
    assert {item["ref"] for item in data["results"]} == set(assessment.initiatives.values_list("ref", flat=True))
    assert set(data["results"][0]["categories"]) == {"governance", "food_waste"}


@pytest.mark.parametrize("url", ["/api/assessments/", "/api/indicator-values/", "/api/initiatives/"])
def test_the_assessments_api_refuses_writes_even_from_the_team(client, team_member, url):
    client.force_login(team_member)

    assert client.post(url, {}, content_type="application/json").status_code == 405
