"""One visibility vocabulary: Duo.objects.visible_to(user) and Action.objects.visible_to(user); None is the public."""

import pytest
from django.contrib.auth.models import AnonymousUser

from cities.models import Duo
from tests.factories import ActionFactory, DuoFactory, ProposalFactory, UserFactory, WorkshopFactory
from workshops.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_duo(db):
    return DuoFactory(french_city__name_en="Nantes", partner_city__name_en="Sfax", is_published=False)


def test_the_public_sees_the_published_duos_only(duo_a, hidden_duo):
    assert set(Duo.objects.visible_to(AnonymousUser())) == {duo_a}
    assert set(Duo.objects.visible_to(None)) == {duo_a}


def test_a_partner_sees_their_own_unpublished_duo_but_no_other(duo_a, hidden_duo):
    nantes_partner = UserFactory(role="partner", city=hidden_duo.french_city)
    lyon_partner = UserFactory(role="partner", city=duo_a.french_city)

    assert set(Duo.objects.visible_to(nantes_partner)) == {duo_a, hidden_duo}
    assert set(Duo.objects.visible_to(lyon_partner)) == {duo_a}


def test_the_team_sees_every_duo(team_member, duo_a, hidden_duo):
    assert set(Duo.objects.visible_to(team_member)) == {duo_a, hidden_duo}


def test_an_action_from_an_unpublished_workshop_is_for_its_duo_and_the_team(duo_a, partner_a, partner_b, team_member):
    public = ActionFactory(duo=duo_a)
    draft_workshop = WorkshopFactory(city=duo_a.french_city, is_published=False)
    private = ActionFactory(duo=duo_a, proposal=ProposalFactory(workshop=draft_workshop))

    assert set(Action.objects.visible_to(None)) == {public}
    assert set(Action.objects.visible_to(partner_b)) == {public}
    assert set(Action.objects.visible_to(partner_a)) == {public, private}
    assert set(Action.objects.visible_to(team_member)) == {public, private}
