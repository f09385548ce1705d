"""A duo's private content (its contacts): its partners and the team see it; anyone else gets "not found"."""

import pytest
from django.urls import reverse

from cities.models import DuoContact
from tests.factories import DuoContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts(duo_a, duo_b):
    return {
        "a": DuoContactFactory(duo=duo_a, city=duo_a.partner_city, name="Nguyen Van A", email="a@hcmc.example"),
        "b": DuoContactFactory(duo=duo_b, city=duo_b.partner_city, name="Fatima Z.", email="f@fez.example"),
    }


def contacts_url(duo):
    return reverse("duo-contacts", kwargs={"slug": duo.slug})


def test_partner_sees_their_duo_contacts(client, partner_a, duo_a, contacts):
    client.force_login(partner_a)

    response = client.get(contacts_url(duo_a))

    assert response.status_code == 200
    assert "Nguyen Van A" in response.content.decode()
    assert "Fatima" not in response.content.decode()


def test_partner_cannot_see_other_duo_contacts(client, partner_b, duo_a, contacts):
    client.force_login(partner_b)

    assert client.get(contacts_url(duo_a)).status_code == 404


def test_student_cannot_see_duo_private_content(client, student, duo_a, contacts):
    client.force_login(student)

    assert client.get(contacts_url(duo_a)).status_code == 404


def test_team_sees_every_duo_contacts(client, team_member, duo_a, duo_b, contacts):
    client.force_login(team_member)

    assert client.get(contacts_url(duo_a)).status_code == 200
    assert client.get(contacts_url(duo_b)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, duo_a):
    response = client.get(contacts_url(duo_a))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_rules_for_duo_private_content(team_member, partner_a, partner_b, student, duo_a, contacts):
    assert team_member.has_perm("cities.view_duo_private", duo_a)
    assert partner_a.has_perm("cities.view_duo_private", duo_a)
    assert not partner_b.has_perm("cities.view_duo_private", duo_a)
    assert not student.has_perm("cities.view_duo_private", duo_a)
    assert partner_a.has_perm("cities.view_duocontact", contacts["a"])
    assert not partner_a.has_perm("cities.view_duocontact", contacts["b"])
    assert not partner_a.has_perm("cities.change_duocontact", contacts["a"])


def test_contact_city_must_belong_to_the_duo(duo_a, duo_b):
    from django.core.exceptions import ValidationError

    contact = DuoContact(duo=duo_a, city=duo_b.partner_city, name="Misplaced")

    with pytest.raises(ValidationError):
        contact.full_clean()


def test_team_edits_contacts_in_the_admin_and_students_do_not_see_them(client, team_member, student, contacts):
    client.force_login(team_member)
    assert client.get(reverse("admin:cities_duocontact_changelist")).status_code == 200
    assert client.get(reverse("admin:cities_duocontact_change", args=[contacts["a"].pk])).status_code == 200

    student.is_staff = True
    student.save()
    client.force_login(student)
    assert client.get(reverse("admin:cities_duocontact_changelist")).status_code == 403
