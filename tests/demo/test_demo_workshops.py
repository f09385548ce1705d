"""The demo loader adds labelled missions, workshops, a duo's action plan and a simulation, once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from cities.models import City, Duo
from workshops.models import (
    Action,
    Ballot,
    Infrastructure,
    Milestone,
    Mission,
    RankingEntry,
    Scenario,
    SimulationGroup,
    Workshop,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(reference_data, settings, tmp_path):
    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())


def counts() -> dict:
    models = (Mission, Workshop, Ballot, RankingEntry, Action, Milestone, Scenario, SimulationGroup, Infrastructure)
    return {model.__name__: model.objects.count() for model in models} | {"cities": City.objects.count()}


def test_demo_loader_creates_a_mission_for_each_partner_city_with_the_real_facts(demo):
    missions = Mission.objects.select_related("city")
    assert {mission.city.slug for mission in missions} == set(City.objects.partners().values_list("slug", flat=True))
    assert all(mission.is_demo and mission.is_published for mission in missions)
    hcmc = missions.get(city__slug="ho-chi-minh-city")
    assert (hcmc.start.year, hcmc.start.month, hcmc.end.month) == (2019, 2, 4)
    sfax = missions.get(city__slug="sfax")
    assert (sfax.start.month, sfax.end.month) == (10, 12)
    fez = missions.get(city__slug="fez")
    assert fez.film_duration_minutes == 29
    assert "ALIMENTERRE 2020" in fez.film_synopsis_en


def test_demo_fez_workshop_has_an_open_vote_with_no_ballot(demo):
    fez = Workshop.objects.get(slug="fez-action-planning")

    assert fez.is_published and fez.is_demo
    assert fez.vote == Workshop.Vote.OPEN
    assert fez.ballots.count() == 0
    assert fez.participants.count() == 12
    assert 0 < fez.participants.filter(consents_to_be_named=True).count() < 12
    assert fez.proposals.count() == 8
    assert fez.proposals.filter(challenges__isnull=False).exists()
    assert fez.proposals.filter(actions__isnull=False).distinct().count() == 8


def test_demo_lyon_workshop_has_a_closed_vote_and_the_duo_plan(demo):
    lyon = Workshop.objects.get(slug="lyon-action-planning")

    assert lyon.vote == Workshop.Vote.CLOSED
    assert lyon.ballots.count() > 0
    assert RankingEntry.objects.filter(proposal__workshop=lyon).count() == lyon.proposals.count()
    actions = Action.objects.filter(duo__slug="lyon-ho-chi-minh-city")
    assert actions.count() == 3
    assert all(action.proposal.workshop_id == lyon.pk and action.updates.exists() for action in actions)
    milestones = list(Milestone.objects.filter(action__in=actions))
    today = timezone.localdate()
    assert any(milestone.is_overdue(today) for milestone in milestones)
    assert any(milestone.done_on for milestone in milestones)


def test_demo_simulation_plays_the_snowstorm_in_the_perche(demo):
    perche = City.objects.get(slug="perche")
    session = Workshop.objects.get(city=perche, format=Workshop.Format.SIMULATION)

    assert perche.kind == City.Kind.REGIONAL_NATURAL_PARK and perche.role == City.Role.TERRITORY
    assert session.scenario.rounds.count() == 4
    assert "Snowstorm" in session.scenario.title_en
    assert Scenario.objects.count() == 4
    assert all(scenario.rounds.count() >= 3 for scenario in Scenario.objects.all())
    assert "22 January 2024" in session.minutes_en and "26 participants" in session.minutes_en
    assert session.groups.count() >= 2
    assert all(group.roles.exists() and group.decisions.exists() for group in session.groups.all())
    assert session.vulnerabilities.exists()
    assert session.proposals.filter(title_en__icontains="mills").exists()
    kinds = set(Infrastructure.objects.filter(city=perche).values_list("kind", flat=True))
    assert {"mill", "market", "food_bank"} <= kinds
    assert all(item.location for item in Infrastructure.objects.filter(city=perche))


def test_demo_workshops_loader_run_twice_adds_nothing(demo):
    first = counts()

    call_command("load_demo", stdout=io.StringIO())

    assert counts() == first


def test_demo_pages_open(client, demo):
    for url in (
        "/en/missions/",
        "/fr/missions/fez-2019/",
        "/en/workshops/",
        "/fr/workshops/fez-action-planning/",
        "/en/workshops/lyon-action-planning/",
        "/en/workshops/perche-snowstorm-simulation/",
        "/en/workshops/calendar.ics",
    ):
        assert client.get(url).status_code == 200, url


def test_demo_duo_timelines_follow_their_missions_and_action_plan(demo, client):
    duo = Duo.objects.get(slug="lyon-ho-chi-minh-city")
    mission = Mission.objects.get(slug="ho-chi-minh-city-2019")
    first_action = Action.objects.filter(duo=duo).order_by("start").first()
    assert (duo.phase, duo.mission_start, duo.mission_end) == ("monitoring", mission.start, mission.end)
    assert duo.monitoring_start == first_action.start
    statuses = [phase["status"] for phase in duo.phases()]
    assert statuses == ["done", "done", "current"]

    html = client.get(f"/en/duos/{duo.slug}/dashboard/").content.decode()
    timeline = html.split('id="timeline-heading"', 1)[1].split("</ol>", 1)[0]
    assert "dates to be set" not in timeline and "dates not recorded" in timeline  # the assessment is not dated
    assert "current phase" in timeline.split("Monitoring", 1)[1]


def test_a_duo_timeline_set_by_the_team_is_left_alone_by_the_demo_loader(reference_data, settings, tmp_path):
    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path
    Duo.objects.filter(slug="grenoble-sfax").update(phase="mission")
    call_command("load_demo", stdout=io.StringIO())
    duo = Duo.objects.get(slug="grenoble-sfax")
    assert (duo.phase, duo.mission_start) == ("mission", None)
