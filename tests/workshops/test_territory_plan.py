"""A territory outside the duos (an ATLASS-style regional park) keeps its own local action plan: the proposals of its
disruption simulations go through the same vote and become its actions."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from cities.models import City
from tests.factories import CityFactory, MilestoneFactory, ProposalFactory, UserFactory
from workshops import services
from workshops.models import Action, Proposal, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def park():
    return CityFactory(name_en="Perche park", slug="perche-park", role=City.Role.TERRITORY, is_published=True)


@pytest.fixture
def simulation(park):
    workshop = services.workshop_create(
        city=park, title_en="Snowstorm simulation", starts_at=timezone.now(), format=Workshop.Format.SIMULATION
    )
    workshop.is_published = True
    workshop.save(update_fields=["is_published"])
    for order, title in enumerate(["Inventory the mills", "Shared cold rooms", "Village hall shelters"]):
        ProposalFactory(workshop=workshop, title_en=title, order=order, source=Proposal.Source.SIMULATION)
    return workshop


def close_with_a_winner(workshop, winner: str) -> None:
    services.vote_open(workshop=workshop)
    services.ballot_cast(
        workshop=workshop,
        token="phone-1",
        scores={
            (p.pk, c.pk): 5 if p.title == winner else 2
            for p in workshop.proposals.all()
            for c in workshop.criteria.all()
        },
    )
    services.vote_close(workshop=workshop)


def test_a_simulation_proposal_becomes_an_action_of_the_territorys_own_plan(simulation, park):
    proposal = simulation.proposals.get(title_en="Inventory the mills")

    action = services.proposal_to_action(proposal=proposal, territory=park)

    assert action.territory == park and action.duo is None
    assert action.plan_owner == park
    assert action.plan_url() == reverse("plans:territory-plan", args=[park.slug])
    with pytest.raises(services.WorkshopError):
        services.proposal_to_action(proposal=proposal, territory=park)  # only once


def test_an_action_belongs_to_one_plan_only(simulation, park, duo_a):
    proposal = simulation.proposals.first()

    with pytest.raises(services.WorkshopError):
        services.proposal_to_action(proposal=proposal)
    with pytest.raises(services.WorkshopError):
        services.proposal_to_action(proposal=proposal, duo=duo_a, territory=park)
    with pytest.raises(services.WorkshopError):  # the workshop took place elsewhere
        services.proposal_to_action(proposal=proposal, territory=duo_a.french_city)
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(title_en="Nowhere", duo=None, territory=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(title_en="Twice", duo=duo_a, territory=park)


def test_the_facilitator_turns_the_top_proposal_of_a_territorys_simulation_into_its_action(
    client, simulation, park, team_member
):
    close_with_a_winner(simulation, "Shared cold rooms")
    client.force_login(team_member)

    response = client.post(reverse("voting:facilitate-actions", args=[simulation.slug]), {"top-count": 1}, follow=True)

    action = Action.objects.get()
    assert action.title == "Shared cold rooms" and action.territory == park
    page = response.content.decode()
    assert "1 actions added to the plan of Perche park" in page
    assert "belongs to no duo" in page and "local action plan" in page


def test_the_territorys_plan_page_shows_its_actions_with_their_progress_to_the_public(
    client, simulation, park, team_member
):
    action = services.proposal_to_action(proposal=simulation.proposals.first(), territory=park)
    MilestoneFactory(action=action, title="Survey the communes", due=timezone.localdate(), done_on=None)

    page = client.get(reverse("plans:territory-plan", args=[park.slug])).content.decode()

    assert "Local action plan of Perche park" in page
    assert "Inventory the mills" in page and "Survey the communes" in page
    detail = client.get(reverse("plans:action-detail", args=[action.pk])).content.decode()
    assert reverse("plans:territory-plan", args=[park.slug]) in detail
    city_page = client.get(park.get_absolute_url()).content.decode()
    assert reverse("plans:territory-plan", args=[park.slug]) in city_page
    simulation_page = client.get(reverse("plans:simulation-detail", args=[simulation.slug])).content.decode()
    assert reverse("plans:territory-plan", args=[park.slug]) in simulation_page


def test_a_territorys_action_is_private_to_the_team_while_its_workshop_is_unpublished(client, simulation, park):
    simulation.is_published = False
    simulation.save(update_fields=["is_published"])
    action = services.proposal_to_action(proposal=simulation.proposals.first(), territory=park)
    partner = UserFactory(username="partner-elsewhere", role="partner", city=CityFactory(name_en="Elsewhere"))

    assert client.get(reverse("plans:action-detail", args=[action.pk])).status_code == 404
    client.force_login(partner)
    assert client.get(reverse("plans:action-detail", args=[action.pk])).status_code == 404
    assert not partner.has_perm("workshops.view_action_private", action)
