"""The city page with its food-system assessment, in English and French: published only, sourced, bounded in queries."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from assessments.models import Assessment, Category, Challenge, Framework, Indicator, Initiative
from cities.models import City
from tests.cities.test_pages import json_data
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    ChallengeFactory,
    CityFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InitiativeFactory,
    PartnerCityFactory,
    PillarFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

RATINGS = [6, 7, 3, None, 5, 8]  # one category left unrated: shown as "not rated", never as zero


@pytest.fixture
def fez_assessment(reference_data):
    """Fez's published 2019 assessment along the MUFPP framework, with sourced values, a challenge and initiatives."""
    fez = City.objects.get(slug="fez")
    framework = Framework.objects.get(slug="mufpp-2019")
    assessment = AssessmentFactory(
        city=fez,
        framework=framework,
        year=2019,
        status=Assessment.Status.PUBLISHED,
        is_demo=True,
        summary_en="Fez feeds itself from its hinterland.",
        summary_fr="Fès se nourrit de son arrière-pays.",
    )
    for category, rating in zip(framework.categories.order_by("order"), RATINGS, strict=True):
        CategoryAssessmentFactory(
            assessment=assessment,
            category=category,
            rating=rating,
            rating_rationale_en=f"Rationale of {category.code}." if rating is not None else "",
            challenges_en=f"Challenges of {category.code}.",
            strengths_en=f"Strengths of {category.code}.",
        )
    numeric, missing = framework.indicators.filter(value_type=Indicator.ValueType.NUMBER)[:2]
    IndicatorValueFactory(
        assessment=assessment,
        indicator=numeric,
        value_number=Decimal("4213"),
        reference_year=2017,
        source_title="Haut-Commissariat au Plan",
        source_url="https://www.hcp.ma/",
        confidence="medium",
        licence="CC BY 4.0",
    )
    IndicatorValueFactory(assessment=assessment, indicator=missing, value_number=None, no_data=True)
    ChallengeFactory(
        assessment=assessment,
        category=framework.categories.get(code="food_waste"),
        title_en="Losses in wholesale markets",
        title_fr="Pertes dans les marchés de gros",
        severity=Challenge.Severity.HIGH,
    )
    InitiativeFactory(
        assessment=assessment,
        title_en="School canteens sourcing local organic food",
        title_fr="Cantines scolaires approvisionnées en bio local",
        location={"type": "Point", "coordinates": [-5.0, 34.05]},
    )
    InitiativeFactory(
        assessment=assessment, title_en="Farmers' market", title_fr="Marché de producteurs", location=None
    )
    return assessment


def ratings_in_table(html: str) -> dict[str, str]:
    rows = re.findall(r'<tr data-category="([\w-]+)">\s*<th scope="row">.*?</th>\s*<td class="rating">(.*?)</td>', html)
    return {code: re.sub(r"<[^>]+>", "", cell) for code, cell in rows}


def ratings_in_chart(html: str) -> list[str]:
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    return re.findall(r"<circle[^>]*><title>(.*?)</title></circle>", svg)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_fez_page_shows_the_published_assessment_with_its_ratings_as_a_chart_and_a_table(
    anonymous, fez_assessment, language
):
    response = anonymous.get(f"/{language}/cities/fez/")

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["assessment"] == fez_assessment
    assert fez_assessment.summary_en in html if language == "en" else fez_assessment.summary_fr in html
    assert 'class="radar-chart"' in html and 'role="img"' in html
    codes = [c.code for c in Category.objects.filter(framework=fez_assessment.framework).order_by("order")]
    table = ratings_in_table(html)
    with translation.override(language):
        not_rated = gettext("not rated")
    assert table == {
        code: (not_rated if rating is None else f"{rating}/10") for code, rating in zip(codes, RATINGS, strict=True)
    }
    chart = ratings_in_chart(html)
    assert len(chart) == 6
    for title, rating in zip(chart, RATINGS, strict=True):
        assert title.endswith(f": {not_rated}" if rating is None else f": {rating}")
    assert "demonstration data" in html if language == "en" else "données de démonstration" in html


def test_fez_page_gives_each_value_with_its_source_year_confidence_and_licence(anonymous, fez_assessment):
    html = anonymous.get("/en/cities/fez/").content.decode()

    value = fez_assessment.indicator_values.get(no_data=False)
    row = re.search(rf'<tr data-indicator="{value.indicator.code}">(.*?)</tr>', html, re.S).group(1)
    assert ">4213<" in row
    assert '<a href="https://www.hcp.ma/" rel="noopener">Haut-Commissariat au Plan</a>' in row
    assert "2017" in row and "Medium" in row and "CC BY 4.0" in row


@pytest.mark.parametrize(("language", "no_data"), [("en", "no data"), ("fr", "pas de données")])
def test_an_explicit_no_data_is_shown_as_such_and_never_as_zero(anonymous, fez_assessment, language, no_data):
    html = anonymous.get(f"/{language}/cities/fez/").content.decode()

    value = fez_assessment.indicator_values.get(no_data=True)
    row = re.search(rf'<tr data-indicator="{value.indicator.code}">(.*?)</tr>', html, re.S).group(1)
    cell = re.search(r'<td class="value">(.*?)</td>', row).group(1)
    assert cell == f'<span class="no-data">{no_data}</span>'
    assert "0" not in cell


@pytest.mark.parametrize(("language", "title"), [("en", "Losses in wholesale markets"), ("fr", "Pertes dans les")])
def test_fez_page_lists_the_challenges_with_their_severity(anonymous, fez_assessment, language, title):
    html = anonymous.get(f"/{language}/cities/fez/").content.decode()

    assert title in html
    assert '<span class="badge severity-high">' in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_fez_initiatives_are_listed_and_put_on_the_map(anonymous, fez_assessment, language):
    response = anonymous.get(f"/{language}/cities/fez/")

    data = json_data(response, "city")
    assert [city["slug"] for city in data["cities"]] == ["fez"]
    located = fez_assessment.initiatives.get(location__isnull=False)
    expected_title = "School canteens sourcing local organic food" if language == "en" else "Cantines scolaires"
    [marker] = data["initiatives"]
    assert marker["title"].startswith(expected_title)
    assert marker["url"] == f"/{language}/library/{located.ref}/"
    assert (marker["lat"], marker["lon"]) == pytest.approx((34.05, -5.0))
    html = response.content.decode()
    assert html.count('class="initiative"') == 2


def test_a_city_without_a_published_assessment_says_so(anonymous, reference_data):
    response = anonymous.get("/en/cities/sfax/")

    assert response.status_code == 200
    assert "No published assessment yet." in response.content.decode()
    assert "initiatives" not in json_data(response, "city")


def test_older_published_editions_are_listed_and_can_be_opened(anonymous, fez_assessment):
    older = AssessmentFactory(
        city=fez_assessment.city,
        framework=fez_assessment.framework,
        year=2015,
        status=Assessment.Status.PUBLISHED,
        summary_en="The 2015 baseline.",
    )

    page = anonymous.get("/en/cities/fez/").content.decode()
    assert 'href="?edition=2015"' in page
    response = anonymous.get("/en/cities/fez/?edition=2015")
    assert response.context["assessment"] == older
    assert "The 2015 baseline." in response.content.decode()


@pytest.fixture
def fez_draft(fez_assessment):
    """A newer draft of Fez, shared with the partners of the Montpellier–Fez duo."""
    draft = AssessmentFactory(
        city=fez_assessment.city,
        framework=fez_assessment.framework,
        year=2024,
        status=Assessment.Status.DRAFT,
        shared_with_partners=True,
        summary_en="Unpublished draft summary.",
    )
    InitiativeFactory(assessment=draft, title_en="Unpublished draft initiative")
    return draft


def test_a_draft_never_reaches_the_public_page(anonymous, fez_draft):
    response = anonymous.get("/en/cities/fez/")

    html = response.content.decode()
    assert response.context["assessment"].status == Assessment.Status.PUBLISHED
    assert "Unpublished draft" not in html
    assert "?edition=2024" not in html
    assert anonymous.get("/en/cities/fez/?edition=2024").status_code == 404


def test_a_partner_of_another_duo_cannot_read_the_draft(client, fez_draft):
    lyon_partner = UserFactory(username="lyon", role="partner", city=City.objects.get(slug="lyon"))
    client.force_login(lyon_partner)

    html = client.get("/en/cities/fez/").content.decode()
    assert "Unpublished draft" not in html
    assert client.get("/en/cities/fez/?edition=2024").status_code == 404


def test_the_team_may_open_a_draft_edition_marked_as_not_public(client, fez_draft, team_member):
    client.force_login(team_member)

    latest = client.get("/en/cities/fez/")
    assert latest.context["assessment"].status == Assessment.Status.PUBLISHED
    draft = client.get("/en/cities/fez/?edition=2024").content.decode()
    assert "Unpublished draft summary." in draft
    assert "not public" in draft


def _city_with_assessment(*, initiatives: int, values: int) -> City:
    city = PartnerCityFactory()
    category = CategoryFactory()
    framework = category.framework
    categories = [category, *(CategoryFactory(framework=framework) for _ in range(5))]
    assessment = AssessmentFactory(city=city, framework=framework, status=Assessment.Status.PUBLISHED)
    for index, item in enumerate(categories):
        CategoryAssessmentFactory(assessment=assessment, category=item, rating=index, rating_rationale_en="Why.")
        ChallengeFactory(assessment=assessment, category=item)
    for index in range(values):
        indicator = IndicatorFactory(framework=framework, category=categories[index % 6])
        IndicatorValueFactory(assessment=assessment, indicator=indicator, no_data=index % 3 == 0, value_number=None)
    for _ in range(initiatives):
        initiative = InitiativeFactory(assessment=assessment)
        initiative.categories.set(categories[:2])
    return city


def _queries_of(client, url) -> int:
    client.get(url)  # warms what every page caches (the footer's consent text)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_city_page_needs_the_same_number_of_queries_whatever_the_size_of_its_assessment(anonymous):
    small = _city_with_assessment(initiatives=2, values=3)
    large = _city_with_assessment(initiatives=30, values=10)
    pillar = PillarFactory(code="p", order=0, name_en="Pillar")
    Initiative.objects.filter(assessment__city=large).first().pillars.add(pillar)

    small_count = _queries_of(anonymous, small.get_absolute_url())
    assert small_count == _queries_of(anonymous, large.get_absolute_url())
    assert small_count <= 16


def test_a_city_page_without_assessment_stays_within_its_query_budget(anonymous):
    city = CityFactory()

    assert _queries_of(anonymous, city.get_absolute_url()) <= 4
