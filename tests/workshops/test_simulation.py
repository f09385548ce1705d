"""A simulation session: from a scenario, through rounds of decisions, to proposals voted on and turned into actions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ParticipantFactory,
    RoleAssignmentFactory,
    ScenarioFactory,
    ScenarioRoundFactory,
    SimulationGroupFactory,
    VulnerabilityFactory,
    WorkshopFactory,
)
from workshops.models import Participant, Proposal, Workshop
from workshops.services import WorkshopError, ballot_cast, proposal_to_action, vote_close, vote_open
from workshops.simulation import simulation_debrief, simulation_round_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(duo_a):
    scenario = ScenarioFactory(title_en="Snowstorm", slug="snowstorm", hazard="Snowstorm")
    rounds = [
        ScenarioRoundFactory(scenario=scenario, number=n, title_en=title, events_en=events)
        for n, title, events in [(1, "Roads close", "Trucks stop."), (2, "Power cut", "Cold rooms fail.")]
    ]
    workshop = WorkshopFactory(
        city=duo_a.french_city,
        title_en="Regional park simulation",
        slug="park-simulation",
        format=Workshop.Format.SIMULATION,
        scenario=scenario,
        starts_at=timezone.now(),
        is_published=True,
    )
    group = SimulationGroupFactory(workshop=workshop, name="Group A")
    named = ParticipantFactory(
        workshop=workshop, name="Jeanne Fermière", kind=Participant.Kind.OTHER, consents_to_be_named=True
    )
    anonymous_player = ParticipantFactory(workshop=workshop, name="Secret Pompier", kind=Participant.Kind.OTHER)
    RoleAssignmentFactory(group=group, role="farmer", participant=named)
    RoleAssignmentFactory(group=group, role="firefighter", participant=anonymous_player)
    return {"workshop": workshop, "group": group, "rounds": rounds, "scenario": scenario}


def test_a_simulation_goes_from_rounds_to_voted_proposals_and_actions(session, duo_a):
    workshop, group, (first, second) = session["workshop"], session["group"], session["rounds"]
    simulation_round_record(group=group, round=first, decision="Requisition tractors to clear roads.")
    simulation_round_record(group=group, round=second, decision="Move stock to the school kitchen.")
    VulnerabilityFactory(workshop=workshop, description="No backup power in cold rooms.")

    proposals = simulation_debrief(
        workshop=workshop,
        proposals=[{"title_en": "Backup generators for cold rooms"}, {"title_en": "Snow-clearing roster with farmers"}],
    )
    assert all(proposal.source == Proposal.Source.SIMULATION for proposal in proposals)

    vote_open(workshop=workshop)
    criteria = list(workshop.criteria.all())
    for token, favourite in (("p1", proposals[0]), ("p2", proposals[0]), ("p3", proposals[1])):
        scores = {(p.pk, c.pk): (5 if p == favourite else 2) for p in proposals for c in criteria}
        ballot_cast(workshop=workshop, token=token, scores=scores)
    ranking = vote_close(workshop=workshop)
    assert ranking[0].proposal == proposals[0]

    action = proposal_to_action(proposal=proposals[0], duo=duo_a)
    assert action.proposal.workshop == workshop


def test_a_round_of_another_scenario_is_refused(session):
    other = ScenarioFactory(title_en="Heatwave", slug="heatwave", hazard="Heat")
    foreign = ScenarioRoundFactory(scenario=other, number=1, title_en="Hot", events_en="Heat.")

    with pytest.raises(WorkshopError):
        simulation_round_record(group=session["group"], round=foreign, decision="Drink water.")


def test_the_session_page_shows_rounds_groups_roles_decisions_and_proposals(anonymous, session):
    workshop = session["workshop"]
    simulation_round_record(group=session["group"], round=session["rounds"][0], decision="Requisition tractors.")
    VulnerabilityFactory(workshop=workshop, description="No backup power in cold rooms.")
    simulation_debrief(workshop=workshop, proposals=[{"title_en": "Backup generators"}])

    page = anonymous.get(reverse("plans:simulation-detail", kwargs={"slug": workshop.slug})).content.decode()

    for text in (
        "Snowstorm",
        "Roads close",
        "Group A",
        "Farmer",
        "Requisition tractors.",
        "No backup power",
        "Backup generators",
    ):
        assert text in page
    assert "Jeanne Fermière" in page and "Secret Pompier" not in page


def test_an_unpublished_session_is_not_found_for_the_public(anonymous, session):
    Workshop.objects.filter(pk=session["workshop"].pk).update(is_published=False)

    assert anonymous.get(reverse("plans:simulation-detail", kwargs={"slug": "park-simulation"})).status_code == 404


def test_the_scenario_library_lists_scenarios_with_their_rounds_and_sessions(anonymous, session):
    page = anonymous.get(reverse("plans:scenario-list")).content.decode()

    assert "Snowstorm" in page and "Power cut" in page and "Regional park simulation" in page


def test_the_admin_refuses_a_decision_in_a_round_of_another_scenario(client, superuser, session):
    other = ScenarioFactory(title_en="Heatwave", slug="heatwave", hazard="Heatwave")
    foreign_round = ScenarioRoundFactory(scenario=other, number=1, title_en="Dry wells", events_en="No water.")
    group, (first, _second) = session["group"], session["rounds"]
    client.force_login(superuser)
    url = reverse("admin:workshops_simulationgroup_change", args=[group.pk])

    def post(round_):
        return client.post(
            url,
            {
                "workshop": group.workshop_id,
                "name": "Group A",
                "roles-TOTAL_FORMS": "0",
                "roles-INITIAL_FORMS": "0",
                "decisions-TOTAL_FORMS": "1",
                "decisions-INITIAL_FORMS": "0",
                "decisions-0-round": round_.pk,
                "decisions-0-decision": "Open the municipal cold room.",
            },
        )

    refused = post(foreign_round)
    assert refused.status_code == 200
    assert "This round belongs to another scenario than the session" in refused.text
    assert not group.decisions.exists()

    assert post(first).status_code == 302
    assert group.decisions.get().round == first
