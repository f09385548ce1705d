"""The team invites a partner user: an email link to set a password, then the partner logs in to their duo."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.services import AccountError, partner_invite, password_link

pytestmark = pytest.mark.django_db
User = get_user_model()


def invite_link(message) -> str:
    return re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+/welcome/\S+", message.body).group(0))


def test_invitation_end_to_end(client, team_member, duo_a, tasks_in_process, django_capture_on_commit_callbacks):
    client.force_login(team_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_invite"),
            {"email": "Officer@Lyon.example", "first_name": "Camille", "city": duo_a.french_city.pk},
        )
    assert response.status_code == 302
    user = User.objects.get(email__iexact="officer@lyon.example")
    assert user.role == "partner" and user.city == duo_a.french_city
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert "Lyon" in mail.outbox[0].subject
    client.logout()

    response = client.get(invite_link(mail.outbox[0]))
    assert response.status_code == 302
    response = client.post(
        response["Location"], {"new_password1": "lyon-food-policy-26", "new_password2": "lyon-food-policy-26"}
    )
    assert response["Location"] == reverse("login")

    response = client.post(reverse("login"), {"username": user.username, "password": "lyon-food-policy-26"})
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:mine")
    assert duo_a.name in client.get(response["Location"]).text


def test_reinviting_resends_a_link(team_member, duo_a, tasks_in_process, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = partner_invite(email="officer@lyon.example", city=duo_a.french_city, by=team_member)
        again = partner_invite(email="officer@lyon.example", city=duo_a.french_city, by=team_member)

    assert first == again
    assert len(mail.outbox) == 2
    assert User.objects.filter(email="officer@lyon.example").count() == 1


def test_inviting_an_existing_account_of_another_kind_is_refused(team_member, duo_a, duo_b):
    with pytest.raises(AccountError):
        partner_invite(email=team_member.email, city=duo_a.french_city, by=team_member)


def test_the_invitation_link_expires(client, team_member, duo_a, settings):
    user = partner_invite(email="late@lyon.example", city=duo_a.french_city, by=team_member)
    link = re.sub(r"^https?://[^/]+", "", password_link(user))
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is already too old

    response = client.get(link, follow=True)
    assert response.context["validlink"] is False
    assert "no longer works" in response.content.decode()


def test_partners_and_students_cannot_invite(client, partner_a, student):
    for user in (partner_a, student):
        client.force_login(user)
        response = client.get(reverse("admin:accounts_user_invite"))
        assert response.status_code in (302, 403)


def test_invite_link_is_offered_on_the_users_list(client, team_member):
    client.force_login(team_member)

    html = client.get(reverse("admin:accounts_user_changelist")).content.decode()

    assert reverse("admin:accounts_user_invite") in html
