"""The network's coverage of the recommended actions: counts per cell, visibility of drafts, a fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment, Framework, RecommendedAction
from cities.models import City
from network import selectors as network
from network.selectors import network_coverage
from tests.factories import AssessmentFactory, ChallengeFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def assessment_of(slug: str, status=Assessment.Status.PUBLISHED, year=2019) -> Assessment:
    return AssessmentFactory(
        city=City.objects.get(slug=slug), framework=Framework.objects.get(slug="mufpp-2019"), year=year, status=status
    )


def actions(*numbers: int) -> list[RecommendedAction]:
    return list(RecommendedAction.objects.filter(framework__slug="mufpp-2019", number__in=numbers))


def cell(coverage, number: int, slug: str):
    row = next(row for row in coverage.rows if row.action.number == number)
    index = next(i for i, column in enumerate(coverage.columns) if column.city.slug == slug)
    return row.cells[index]


def linked_content(assessment, number: int, initiatives: int, challenges: int) -> None:
    for _ in range(initiatives):
        InitiativeFactory(assessment=assessment).actions.set(actions(number))
    for _ in range(challenges):
        ChallengeFactory(assessment=assessment, category=actions(number)[0].category).actions.set(actions(number))


def test_the_matrix_has_the_37_recommended_actions_by_category_and_the_14_cities_by_duo(reference_data):
    coverage = network_coverage(user=anonymous_user())

    assert len(coverage.rows) == 37
    assert [row.action.number for row in coverage.rows] == list(range(1, 38))
    assert len(coverage.categories) == 6
    assert len(coverage.columns) == 14
    assert len(coverage.duos) == 7
    for group in coverage.duos:
        assert [column.city.role for column in group.columns] == [City.Role.FRENCH, City.Role.PARTNER]
    assert coverage.total.total == 0
    assert coverage.tracks_planned  # the workshops' action plans are a source


def test_a_cell_counts_the_initiatives_and_challenges_linked_to_its_action_in_the_city_published_assessment(
    reference_data,
):
    fez, sfax = assessment_of("fez"), assessment_of("sfax")
    linked_content(fez, 3, initiatives=2, challenges=1)
    linked_content(fez, 4, initiatives=1, challenges=0)
    linked_content(sfax, 3, initiatives=0, challenges=2)
    both = InitiativeFactory(assessment=fez)
    both.actions.set(actions(3, 4))  # one initiative may serve several actions: it counts in each

    coverage = network_coverage(user=anonymous_user())

    assert cell(coverage, 3, "fez").as_dict() == {"initiatives": 3, "challenges": 1, "planned": 0}
    assert cell(coverage, 4, "fez").as_dict() == {"initiatives": 2, "challenges": 0, "planned": 0}
    assert cell(coverage, 3, "sfax").as_dict() == {"initiatives": 0, "challenges": 2, "planned": 0}
    assert cell(coverage, 3, "montpellier").total == 0
    row_3 = next(row for row in coverage.rows if row.action.number == 3)
    assert row_3.total.as_dict() == {"initiatives": 3, "challenges": 3, "planned": 0}
    fez_column = next(column for column in coverage.columns if column.city.slug == "fez")
    assert fez_column.total.as_dict() == {"initiatives": 5, "challenges": 1, "planned": 0}
    assert coverage.total.total == 8


def test_only_the_latest_readable_assessment_of_a_city_counts(reference_data):
    linked_content(assessment_of("fez", year=2019), 3, initiatives=2, challenges=0)
    linked_content(assessment_of("fez", year=2023), 3, initiatives=1, challenges=0)

    assert cell(network_coverage(user=anonymous_user()), 3, "fez").initiatives == 1


def test_drafts_do_not_count_for_anonymous_visitors_but_do_for_the_team(reference_data, team_member):
    linked_content(assessment_of("fez", status=Assessment.Status.DRAFT), 3, initiatives=2, challenges=1)
    linked_content(assessment_of("lyon"), 3, initiatives=1, challenges=0)

    public = network_coverage(user=anonymous_user())
    team = network_coverage(user=team_member)

    assert cell(public, 3, "fez").total == 0
    assert cell(team, 3, "fez").as_dict() == {"initiatives": 2, "challenges": 1, "planned": 0}
    assert cell(public, 3, "lyon").initiatives == cell(team, 3, "lyon").initiatives == 1
    fez_public = next(column for column in public.columns if column.city.slug == "fez")
    fez_team = next(column for column in team.columns if column.city.slug == "fez")
    assert fez_public.assessment is None and not fez_public.is_draft
    assert fez_team.is_draft


def test_a_category_filter_keeps_only_its_actions_and_totals_them(reference_data):
    linked_content(assessment_of("fez"), 1, initiatives=1, challenges=0)  # governance
    linked_content(assessment_of("lyon"), 37, initiatives=1, challenges=0)  # food waste

    coverage = network_coverage(user=anonymous_user(), category="governance")

    assert [group.category.code for group in coverage.categories] == ["governance"]
    assert [row.action.number for row in coverage.rows] == [1, 2, 3, 4, 5, 6]
    assert coverage.total.initiatives == 1
    assert len(coverage.all_categories) == 6
    assert len(network_coverage(user=anonymous_user(), category="no-such-category").rows) == 37


def test_a_planned_action_source_plugs_into_the_matrix(reference_data, monkeypatch):
    fez = City.objects.get(slug="fez")
    action_5 = actions(5)[0]

    def action_plans(*, user, action_ids, city_ids):
        return {(action_5.pk, fez.pk): 2}

    monkeypatch.setattr(network, "PLANNED_ACTION_SOURCES", [action_plans])
    coverage = network_coverage(user=anonymous_user())

    assert coverage.tracks_planned
    assert cell(coverage, 5, "fez").as_dict() == {"initiatives": 0, "challenges": 0, "planned": 2}
    assert coverage.total.planned == 2


def grow_data(cities: list[str], per_city: int) -> None:
    for slug in cities:
        assessment = assessment_of(slug)
        for number in range(1, per_city + 1):
            linked_content(assessment, number, initiatives=2, challenges=1)


@pytest.mark.parametrize("who", ["anonymous", "team"])
def test_the_number_of_queries_does_not_grow_with_the_data(reference_data, team_member, who):
    user = team_member if who == "team" else anonymous_user()
    grow_data(["fez"], per_city=1)
    with CaptureQueriesContext(connection) as small:
        network_coverage(user=user)
    grow_data(["lyon", "sfax", "durban", "nantes"], per_city=8)
    assessment_of("fez", status=Assessment.Status.DRAFT, year=2024)
    with CaptureQueriesContext(connection) as large:
        coverage = network_coverage(user=user)

    assert coverage.total.initiatives >= 64
    assert len(small) == len(large) == 6  # five for the matrix, one for the action plans


def anonymous_user():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_a_planned_action_counts_for_the_city_of_its_workshop(reference_data):
    from django.utils import timezone

    from cities.models import Duo
    from tests.factories import ProposalFactory
    from workshops.services import proposal_to_action, workshop_create

    duo = Duo.objects.get(slug="montpellier-fez")
    fez = duo.partner_city
    workshop = workshop_create(city=fez, title_en="Fez workshop", starts_at=timezone.now(), is_published=True)
    proposal = ProposalFactory(workshop=workshop, title_en="A farmers' market")
    action = proposal_to_action(proposal=proposal, duo=duo)
    recommended = RecommendedAction.objects.get(number=29)
    action.recommended_actions.set([recommended])

    coverage = network_coverage(user=anonymous_user())

    row = next(row for row in coverage.rows if row.action.number == 29)
    cells = {column.city.slug: cell for column, cell in zip(coverage.columns, row.cells, strict=True)}
    assert cells["fez"].planned == 1
    assert cells["montpellier"].planned == 0
