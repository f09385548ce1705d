"""The main pages and API lists keep a fixed number of queries, whatever the amount of data (query budgets).

Each address is read once with one duo's worth of data, then again with three more duos: the number of queries must
not grow, and must stay within its budget. The cache is emptied before each read, so the budget is the uncached one.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment, Initiative
from cities.models import Duo
from tests.factories import (
    ActionFactory,
    AssessmentFactory,
    DuoFactory,
    InitiativeFactory,
    MissionFactory,
    ProposalFactory,
    WorkshopFactory,
)

# Address: the most queries it may take (an anonymous visitor, nothing cached).
BUDGETS = {
    "/en/": 4,
    "/en/cities/": 3,
    "/en/duos/": 3,
    "/en/library/": 9,
    "/en/network/": 5,
    "/en/missions/": 2,
    "/en/workshops/": 3,
    "/api/missions/": 2,
    "/api/workshops/": 3,
    "/api/actions/": 6,
    "/api/infrastructure/": 1,
    "/api/frameworks/": 3,
    "/api/recommended-actions/": 2,
    "/api/network/coverage/": 4,
    "/en/framework/": 5,
    "/en/scenarios/": 2,
    "/en/experiments/": 2,
    "/en/open-data/": 2,
    "/en/newsletter/archive/": 2,
    "/api/cities/": 2,
    "/api/cities/geojson/": 1,
    "/api/duos/": 2,
    "/api/categories/": 2,
    "/api/indicators/": 3,
    "/api/assessments/": 2,
    "/api/indicator-values/": 1,
    "/api/initiatives/": 5,
    "/api/initiatives/geojson/": 1,
    "/api/scenarios/": 1,
    "/api/infrastructure/geojson/": 1,
    "/api/experiments/": 1,
}
# The pages of the first duo, its cities and one of its initiatives: the same queries when the network grows.
DETAIL_BUDGETS = {
    "city": 14,
    "duo": 2,
    "dashboard": 16,
    "plan": 7,
    "initiative": 5,
}


def grow(duos: int) -> None:
    """Add published duos, each with an assessment, initiatives, a workshop, an action of its plan and a mission."""
    for _ in range(duos):
        duo = DuoFactory()
        for city in duo.cities:
            assessment = AssessmentFactory(city=city, status=Assessment.Status.PUBLISHED)
            InitiativeFactory.create_batch(2, assessment=assessment)
            MissionFactory(city=city, is_published=True)
        workshop = WorkshopFactory(city=duo.french_city)
        ActionFactory(duo=duo, title_en=f"Action of {duo.slug}")
        ActionFactory(duo=duo, proposal=ProposalFactory(workshop=workshop))


def queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", list(BUDGETS))
def test_the_page_or_list_takes_the_same_queries_with_more_data_and_keeps_its_budget(client, reference_data, url):
    grow(1)
    client.get(url)  # what is read once per process (the site's footer, the content types) is read now
    few = queries(client, url)

    grow(3)
    many = queries(client, url)

    assert many == few, f"{url}: {few} queries with one duo, {many} with four"
    assert many <= BUDGETS[url], f"{url}: {many} queries, over its budget of {BUDGETS[url]}"


def detail_url(page: str, duo) -> str:
    city = duo.french_city
    if page == "initiative":
        return reverse("assessments:initiative-detail", args=[Initiative.objects.filter(assessment__city=city)[0].ref])
    name = {"city": "city-detail", "duo": "cities:duo-detail", "dashboard": "duo-dashboard", "plan": "plans:duo-plan"}
    return reverse(name[page], args=[city.slug if page == "city" else duo.slug])


@pytest.mark.parametrize("page", list(DETAIL_BUDGETS))
def test_the_pages_of_a_duo_take_the_same_queries_when_the_network_grows(client, reference_data, page):
    grow(1)
    duo = Duo.objects.order_by("pk").last()  # the one grow() made, with its assessments, initiatives and plan
    url = detail_url(page, duo)
    client.get(url)
    few = queries(client, url)

    grow(3)
    many = queries(client, url)

    assert many == few, f"{url}: {few} queries with one duo, {many} with four"
    assert many <= DETAIL_BUDGETS[page], f"{url}: {many} queries, over its budget of {DETAIL_BUDGETS[page]}"
