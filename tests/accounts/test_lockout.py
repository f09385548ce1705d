"""django-axes: five failed logins for a username from one address lock that pair out for 15 minutes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def fail(client, url, username, times):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong"})
    return response


def test_five_failures_lock_the_login_even_with_the_right_password(client, partner_a):
    url = reverse("login")
    assert fail(client, url, "lyon", 4).status_code == 200

    response = fail(client, url, "lyon", 1)

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "15 minutes" in response.content.decode()
    response = client.post(url, {"username": "lyon", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_username(client, partner_a, partner_b):
    fail(client, reverse("login"), "lyon", 5)

    response = client.post(reverse("login"), {"username": "fez", "password": PASSWORD})

    assert response.status_code == 302


def test_a_success_resets_the_count(client, partner_a):
    url = reverse("login")
    fail(client, url, "lyon", 4)
    assert client.post(url, {"username": "lyon", "password": PASSWORD}).status_code == 302
    client.logout()

    assert fail(client, url, "lyon", 4).status_code == 200


def test_the_lock_expires_after_15_minutes(client, partner_a):
    from axes.models import AccessAttempt

    fail(client, reverse("login"), "lyon", 5)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time.replace(year=2000))

    assert client.post(reverse("login"), {"username": "lyon", "password": PASSWORD}).status_code == 302


def test_the_admin_login_is_throttled_too(client, team_member):
    url = reverse("admin:login")

    response = fail(client, url, "team", 5)

    assert response.status_code == 429
    assert client.post(url, {"username": "team", "password": PASSWORD}).status_code == 429


def test_authenticating_without_a_request_is_not_throttled(partner_a):
    from django.contrib.auth import authenticate

    assert authenticate(username="lyon", password=PASSWORD) == partner_a
