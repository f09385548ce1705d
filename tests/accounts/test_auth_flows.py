"""Logging in and out, changing a password, resetting a forgotten one by email; where each persona lands."""

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_partner_lands_on_their_my_duo_page_after_logging_in(client, partner_a, duo_a):
    response = client.post(reverse("login"), {"username": "lyon", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("plans:mine")
    assert duo_a.name in client.get(response["Location"]).text


def test_team_member_lands_on_the_admin(client, team_member):
    response = client.post(reverse("login"), {"username": "team", "password": PASSWORD})

    assert response["Location"] == reverse("admin:index")


def test_student_lands_on_the_admin(client, student):
    student.is_staff = True
    student.save()

    response = client.post(reverse("login"), {"username": "student", "password": PASSWORD})

    assert response["Location"] == reverse("admin:index")


def test_a_safe_next_is_respected_and_an_outside_one_ignored(client, team_member):
    response = client.post(reverse("login"), {"username": "team", "password": PASSWORD, "next": "/en/duos/"})
    assert response["Location"] == "/en/duos/"
    client.logout()

    response = client.post(
        reverse("login"), {"username": "team", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("admin:index")


def test_wrong_password_shows_the_form_again(client, partner_a):
    response = client.post(reverse("login"), {"username": "lyon", "password": "wrong"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_header_shows_log_in_to_visitors_and_log_out_to_users(client, partner_a):
    html = client.get(reverse("cities:duo-list")).content.decode()
    # No `next`: from the header, each persona lands on its own page (a partner on the duo dashboard).
    assert f'href="{reverse("login")}"' in html

    client.force_login(partner_a)
    html = client.get(reverse("cities:duo-list")).content.decode()
    assert f'action="{reverse("logout")}"' in html
    assert "Log out (lyon)" in html


def test_logout_is_a_post(client, partner_a):
    client.force_login(partner_a)

    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change(client, partner_a):
    client.force_login(partner_a)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a-new-long-password", "new_password2": "a-new-long-password"},
    )

    assert response["Location"] == reverse("password_change_done")
    partner_a.refresh_from_db()
    assert partner_a.check_password("a-new-long-password")


def test_password_change_needs_a_login(client):
    response = client.get(reverse("password_change"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_password_reset_email_link_sets_a_new_password(client, partner_a, tasks_in_process):
    response = client.post(reverse("password_reset"), {"email": "lyon@example.org"})

    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lyon@example.org"]
    assert "password" in message.subject.lower()
    assert message.alternatives and "<a href=" in message.alternatives[0][0]

    response = client.get(path_of(link_in(message)))  # the token moves to the session, then a form
    assert response.status_code == 302
    form_url = response["Location"]
    response = client.post(form_url, {"new_password1": "brand-new-secret-9", "new_password2": "brand-new-secret-9"})

    assert response["Location"] == reverse("password_reset_complete")
    assert client.post(reverse("login"), {"username": "lyon", "password": "brand-new-secret-9"}).status_code == 302
    # The link works once.
    assert client.get(path_of(link_in(message)), follow=True).context["validlink"] is False


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, tasks_in_process):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})

    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_login_page_in_french(client):
    response = client.get("/fr/accounts/login/")

    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
