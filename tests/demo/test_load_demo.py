"""The demo loader creates the team account, one partner account per city and the Perche park's officer, only in
demo mode."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from cities.models import City
from demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def test_demo_loader_creates_the_team_and_one_partner_per_city(settings, reference_data):
    settings.DEMO_MODE = True

    load_demo()

    User = get_user_model()
    team = User.objects.get(username="team")
    assert team.is_team and team.is_staff
    programme_roles = [City.Role.FRENCH, City.Role.PARTNER]
    partners = User.objects.filter(role=User.Role.PARTNER, city__role__in=programme_roles)
    assert partners.count() == 14
    programme_cities = City.objects.filter(role__in=programme_roles)
    assert {user.username for user in partners} == set(programme_cities.values_list("slug", flat=True))
    # The Perche park's project officer, named by the role, runs the park's experiments.
    assert User.objects.get(username="perche", role=User.Role.PARTNER).city.slug == "perche"
    assert User.objects.get(username="fez").city.slug == "fez"
    assert User.objects.get(username="lyon").city.role == City.Role.FRENCH


def test_demo_accounts_log_in_with_the_demo_password(settings, reference_data):
    settings.DEMO_MODE = True
    load_demo()

    assert DEMO_PASSWORD == "letsfood-demo"
    assert authenticate(username="team", password="letsfood-demo") is not None
    assert authenticate(username="ho-chi-minh-city", password="letsfood-demo") is not None


def test_demo_loader_run_twice_keeps_the_same_accounts(settings, reference_data):
    settings.DEMO_MODE = True
    load_demo()
    first = sorted(get_user_model().objects.values_list("username", "pk"))

    load_demo()

    assert sorted(get_user_model().objects.values_list("username", "pk")) == first
    assert len(first) == 17  # team, a student for Sfax, one partner per city, the Perche park's officer


def test_demo_loader_keeps_a_changed_password(settings, reference_data):
    settings.DEMO_MODE = True
    load_demo()
    user = get_user_model().objects.get(username="fez")
    user.set_password("a-password-of-their-own")
    user.save()

    load_demo()

    assert authenticate(username="fez", password="a-password-of-their-own") is not None


def test_demo_loader_refuses_outside_demo_mode(settings, reference_data):
    settings.DEMO_MODE = False

    with pytest.raises(CommandError):
        load_demo()

    assert get_user_model().objects.count() == 0
