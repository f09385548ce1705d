"""Users in the admin: a team member who is not a superuser cannot grant admin rights nor set passwords."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_client(client, team_member):
    client.force_login(team_member)
    return client


def change_data(user, **overrides):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "role": user.role,
        "language": "en",
        "city": user.city_id or "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_team_member_cannot_make_anyone_superuser_or_staff(team_client, partner_a):
    url = reverse("admin:accounts_user_change", args=[partner_a.pk])

    response = team_client.post(url, change_data(partner_a, is_staff="on", is_superuser="on", first_name="Camille"))

    assert response.status_code == 302
    partner_a.refresh_from_db()
    assert partner_a.first_name == "Camille"
    assert not partner_a.is_staff and not partner_a.is_superuser


def test_team_member_cannot_give_django_permissions_or_groups(team_client, partner_a):
    html = team_client.get(reverse("admin:accounts_user_change", args=[partner_a.pk])).content.decode()

    assert 'name="user_permissions"' not in html
    assert 'name="groups"' not in html
    assert 'name="is_superuser"' not in html
    assert 'name="is_staff"' not in html


def test_team_member_cannot_set_another_users_password(team_client, partner_a):
    url = reverse("admin:auth_user_password_change", args=[partner_a.pk])

    response = team_client.post(url, {"password1": "taken-over-123", "password2": "taken-over-123"})

    assert response.status_code == 403
    partner_a.refresh_from_db()
    assert not partner_a.check_password("taken-over-123")


def test_team_member_cannot_change_a_superuser(team_client, superuser):
    url = reverse("admin:accounts_user_change", args=[superuser.pk])

    response = team_client.post(url, change_data(superuser, email="mine@example.org"))

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.email != "mine@example.org"


def test_team_member_cannot_add_a_user_with_a_password(team_client):
    assert team_client.get(reverse("admin:accounts_user_add")).status_code == 403


def test_superuser_still_manages_everything(client, superuser, partner_a):
    client.force_login(superuser)
    html = client.get(reverse("admin:accounts_user_change", args=[partner_a.pk])).content.decode()
    assert 'name="is_superuser"' in html

    url = reverse("admin:auth_user_password_change", args=[partner_a.pk])
    response = client.post(url, {"password1": "set-by-admin-123", "password2": "set-by-admin-123"})
    assert response.status_code == 302
    partner_a.refresh_from_db()
    assert partner_a.check_password("set-by-admin-123")


def test_partners_do_not_reach_the_users_admin(client, partner_a):
    other = UserFactory(username="someone")
    client.force_login(partner_a)

    response = client.get(reverse("admin:accounts_user_change", args=[other.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
