"""The main pages and API lists keep a fixed number of queries, whatever the amount of data (query budgets).

Each address is read once with one duo's worth of data, then again with three more duos: the number of queries must
not grow, and must stay within its budget. The cache is emptied before each read, so the budget is the uncached one.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment
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
    "/en/cities/": 2,
    "/en/duos/": 2,
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
