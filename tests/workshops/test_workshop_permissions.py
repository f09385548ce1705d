"""Private workshop notes: the team and the duo's partners read them; everyone else gets "not found"."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ActionFactory, WorkshopFactory
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def lyon_workshop(duo_a):
    return WorkshopFactory(
        city=duo_a.french_city,
        slug="lyon-workshop",
        title_en="Lyon workshop",
        starts_at=datetime(2024, 3, 14, 14, tzinfo=ZoneInfo("Europe/Paris")),
        private_notes="Budget not confirmed yet",
        is_published=True,
    )


NOTES = "/en/workshops/lyon-workshop/notes/"
PAGE = "/en/workshops/lyon-workshop/"


def test_team_reads_the_private_notes(client, team_member, lyon_workshop):
    client.force_login(team_member)

    assert "Budget not confirmed yet" in client.get(NOTES).text
    assert "Budget not confirmed yet" in client.get(PAGE).text


def test_partner_of_the_duo_reads_the_private_notes(client, partner_a, lyon_workshop):
    client.force_login(partner_a)

    assert client.get(NOTES).status_code == 200
    assert "Budget not confirmed yet" in client.get(PAGE).text


def test_partner_of_the_other_city_of_the_duo_reads_the_private_notes(client, duo_a, lyon_workshop):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="hcmc", role="partner", city=duo_a.partner_city))

    assert client.get(NOTES).status_code == 200


def test_partner_of_another_duo_gets_not_found_for_the_notes(client, partner_b, lyon_workshop):
    client.force_login(partner_b)

    assert client.get(NOTES).status_code == 404
    assert "Budget not confirmed yet" not in client.get(PAGE).text


def test_student_gets_not_found_for_the_notes(client, student, lyon_workshop):
    client.force_login(student)

    assert client.get(NOTES).status_code == 404


def test_anonymous_visitor_gets_not_found_for_the_notes(anonymous, lyon_workshop):
    assert anonymous.get(NOTES).status_code == 404
    assert "Budget not confirmed yet" not in anonymous.get(PAGE).text


def test_unpublished_workshop_is_visible_to_the_duo_partner_and_the_team_only(
    client, team_member, partner_a, partner_b, lyon_workshop
):
    Workshop.objects.filter(pk=lyon_workshop.pk).update(is_published=False)

    for user, status in ((team_member, 200), (partner_a, 200), (partner_b, 404)):
        client.force_login(user)
        assert client.get(PAGE).status_code == status, user.username


def test_action_private_side_is_for_the_team_and_the_duo_partners(team_member, partner_a, partner_b, student, duo_a):
    action = ActionFactory(duo=duo_a, title_en="Cooks' exchange")

    assert team_member.has_perm("workshops.view_action_private", action)
    assert partner_a.has_perm("workshops.view_action_private", action)
    assert not partner_b.has_perm("workshops.view_action_private", action)
    assert not student.has_perm("workshops.view_action_private", action)


def test_only_the_team_manages_workshops_in_the_admin(team_member, partner_a, student):
    assert team_member.has_module_perms("workshops")
    assert team_member.has_perm("workshops.change_workshop")
    for user in (partner_a, student):
        assert not user.has_module_perms("workshops")
        assert not user.has_perm("workshops.view_workshop")
