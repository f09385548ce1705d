"""The duo dashboard page, its CSV export and its API: what each viewer sees, the same numbers everywhere, a bounded
number of queries whatever the data, and a public cache that never serves stale or private data."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment, CategoryAssessment
from newsletter.services import consent_text_shown
from tests.dashboards.data import SIZES, duo_with_data
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    ChallengeFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InitiativeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
URL = "/{lang}/duos/lyon-ho-chi-minh-city/dashboard/"
API_URL = "/api/duos/lyon-ho-chi-minh-city/dashboard/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def lyon_hcmc(duo_a):
    """Lyon (published 2019, strong on category 0) and Ho Chi Minh City (published 2018, weak on category 0, and a
    2021 draft shared with the duo's partners)."""
    framework = FrameworkFactory()
    categories = [
        CategoryFactory(framework=framework, order=n, code=f"cat-{n}", name_en=f"Topic {n}", name_fr=f"Thème {n}")
        for n in range(6)
    ]
    tonnes = IndicatorFactory(category=categories[0], framework=framework, unit="t", per_capita=True, code="waste")
    share = IndicatorFactory(category=categories[1], framework=framework, unit="%", code="share")
    lyon, hcmc = duo_a.french_city, duo_a.partner_city
    lyon_2019 = AssessmentFactory(city=lyon, framework=framework, year=2019, status="published", is_demo=True)
    hcmc_2018 = AssessmentFactory(city=hcmc, framework=framework, year=2018, status="published")
    draft = AssessmentFactory(city=hcmc, framework=framework, year=2021, status="draft", shared_with_partners=True)
    for n, category in enumerate(categories):
        CategoryAssessmentFactory(
            assessment=lyon_2019, category=category, rating=8 if n == 0 else 5, rating_rationale_en="r"
        )
        CategoryAssessmentFactory(
            assessment=hcmc_2018, category=category, rating=3 if n == 0 else 5, rating_rationale_en="r"
        )
        CategoryAssessmentFactory(assessment=draft, category=category, rating=1, rating_rationale_en="r")
    IndicatorValueFactory(assessment=lyon_2019, indicator=tonnes, value_number=50, reference_year=2019)
    IndicatorValueFactory(assessment=hcmc_2018, indicator=tonnes, value_number=900, reference_year=2015)
    IndicatorValueFactory(assessment=lyon_2019, indicator=share, value_number=20, unit="kg", reference_year=2019)
    ChallengeFactory(assessment=hcmc_2018, category=categories[0], title_en="Losses in markets", severity="high")
    ChallengeFactory(assessment=draft, category=categories[0], title_en="Secret draft challenge", severity="critical")
    for title in ("Compost", "Food bank"):
        InitiativeFactory(assessment=lyon_2019, title_en=title).categories.add(categories[0])
    return duo_a


def test_anonymous_visitor_sees_both_published_assessments_side_by_side_in_english(client, lyon_hcmc):
    response = client.get(URL.format(lang="en") + "?category=all")  # the indicators of every category
    assert response.status_code == 200
    html = response.content.decode()
    dashboard = response.context["dashboard"]
    assert [(c.name, c.assessment.year) for c in dashboard.cities] == [("Lyon", 2019), ("Ho Chi Minh City", 2018)]
    assert 'role="img"' in html and '<title id="duo-ratings-chart-title">' in html
    assert "Ratings out of 10 and data completeness of Lyon and Ho Chi Minh City" in html
    assert "demonstration data" in html
    assert "Secret draft challenge" not in html
    assert "years differ by 4" in html
    assert "no data in Ho Chi Minh City" in html
    [theme] = [t for t in dashboard.opportunities if t.action is None]
    assert (theme.source, theme.category) == ("lyon", "cat-0")
    assert "Ho Chi Minh City rates topic 0 3/10 and reports “Losses in markets” (high)" in html
    assert 'href="/en/duos/lyon-ho-chi-minh-city/dashboard/comparison.csv"' in html


def test_anonymous_visitor_reads_the_dashboard_in_french(client, lyon_hcmc):
    response = client.get(URL.format(lang="fr"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Thème 0" in html and "Topic 0" not in html
    assert "Secret draft challenge" not in html


def test_partner_of_the_duo_sees_the_shared_draft_and_the_public_never_does(client, lyon_hcmc, partner_a):
    client.force_login(partner_a)
    response = client.get(URL.format(lang="en"))
    html = response.content.decode()
    assert response.context["dashboard"].cities[1].assessment.year == 2021
    assert "Secret draft challenge" in html and "not public" in html
    client.logout()
    for lang in ("en", "fr"):
        public = client.get(URL.format(lang=lang)).content.decode()
        assert "Secret draft challenge" not in public
    assert "Secret draft challenge" not in client.get(API_URL).content.decode()


def test_partner_of_another_duo_sees_only_published_assessments(client, lyon_hcmc, partner_b):
    client.force_login(partner_b)
    response = client.get(URL.format(lang="fr"))
    assert response.context["dashboard"].cities[1].assessment.year == 2018
    assert "Secret draft challenge" not in response.content.decode()


def test_team_member_sees_the_latest_assessment_of_any_status_marked_as_not_public(client, lyon_hcmc, team_member):
    client.force_login(team_member)
    response = client.get(URL.format(lang="en"))
    hcmc = response.context["dashboard"].cities[1]
    assert (hcmc.assessment.year, hcmc.assessment.is_published) == (2021, False)
    assert response.context["dashboard"].has_draft


def test_a_city_without_assessment_shows_no_data_and_the_page_still_works(client, duo_a):
    response = client.get(URL.format(lang="en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No data: no assessment of this city can be shown yet." in html
    assert "No data: the comparison needs an assessment of each city." in html
    assert client.get(API_URL).json()["cities"][0]["assessment"] is None


def test_an_unpublished_duo_is_not_found_for_the_public(client, duo_a):
    duo_a.is_published = False
    duo_a.save()
    assert client.get(URL.format(lang="en")).status_code == 404
    assert client.get(API_URL).status_code == 404


def test_csv_export_holds_the_rows_of_the_comparison_table(client, lyon_hcmc):
    dashboard = client.get(URL.format(lang="en") + "?category=all").context["dashboard"]
    response = client.get(URL.format(lang="en") + "comparison.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="lyon-ho-chi-minh-city-comparison.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Category", "Indicator code", "Indicator", "Lyon: value"]
    assert [row[1] for row in rows[1:]] == [row.code for row in dashboard.comparison]
    waste = next(row for row in rows if row[1] == "waste")
    assert waste[3:11] == ["50", "t", "2019", "50", "900", "t", "2015", "900"]
    assert waste[12] == "yes" and "years differ by 4" in waste[13]
    share = next(row for row in rows if row[1] == "share")
    assert share[12] == "no" and share[13] == "no data in Ho Chi Minh City"


@pytest.mark.parametrize("as_partner", [False, True])
def test_api_returns_the_same_numbers_as_the_page(client, lyon_hcmc, partner_a, as_partner):
    if as_partner:
        client.force_login(partner_a)
    page = client.get(URL.format(lang="en") + "?category=all").context["dashboard"]
    api = client.get(API_URL, HTTP_ACCEPT="application/json")
    assert api.status_code == 200
    assert api.json() == json.loads(json.dumps(page.as_dict(), cls=DjangoJSONEncoder))
    assert api.json()["cities"][1]["assessment"]["year"] == (2021 if as_partner else 2018)


def test_api_dashboard_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/duos/{slug}/dashboard/" in schema


@pytest.mark.parametrize("query", ["", "?category=category-3", "?category=all"])
@pytest.mark.parametrize("viewer", ["anonymous", "team"])
def test_dashboard_issues_the_same_number_of_queries_whatever_the_amount_of_data(client, viewer, query):
    if viewer == "team":
        client.force_login(UserFactory(username="team", role="team"))
    counts = {}
    for size, amount in SIZES.items():
        duo = duo_with_data(name=size, **amount)
        cache.clear()
        consent_text_shown()  # every page's footer reads it from the cache, warm in practice
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/en/duos/{duo.slug}/dashboard/{query}")
        assert response.status_code == 200
        counts[size] = len(queries)
    assert counts["small"] == counts["large"] <= 15, counts
    assert Assessment.objects.filter(city__slug="large-french").count() == 3


def test_public_dashboard_is_cached_and_refreshed_when_a_rating_changes(client, lyon_hcmc):
    first = client.get(URL.format(lang="en"))
    assert first.context["dashboard"].categories[0].sides[0].rating == 8
    with CaptureQueriesContext(connection) as queries:
        client.get(URL.format(lang="en"))
    assert len(queries) <= 3  # served from the cache: the dashboard is not read again
    reading = CategoryAssessment.objects.get(assessment__city__slug="lyon", category__code="cat-0")
    reading.rating = 2
    reading.save()
    again = client.get(URL.format(lang="en"))
    assert again.context["dashboard"].categories[0].sides[0].rating == 2
    assert client.get(API_URL).json()["categories"][0]["sides"][0]["rating"] == 2


def test_the_duo_page_links_to_its_dashboard(client, duo_a):
    html = client.get("/en/duos/lyon-ho-chi-minh-city/").content.decode()
    assert 'href="/en/duos/lyon-ho-chi-minh-city/dashboard/"' in html


def test_linking_an_initiative_to_a_category_refreshes_the_public_dashboard(client, lyon_hcmc):
    before = client.get(API_URL).json()
    lyon_2019 = Assessment.objects.get(city__slug="lyon")
    InitiativeFactory(assessment=lyon_2019, title_en="Late initiative").categories.add(
        lyon_2019.framework.categories.get(code="cat-1")
    )
    after = client.get(API_URL).json()
    assert len(after["cities"][0]["initiatives"]) == len(before["cities"][0]["initiatives"]) + 1
    assert any(i["title"] == "Late initiative" for i in after["categories"][1]["sides"][0]["initiatives"])
