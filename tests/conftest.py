"""Shared fixtures: fast settings and the personas every test speaks of."""

import pytest

from tests.factories import DuoFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def duo_a(db):
    return DuoFactory(french_city__name_en="Lyon", partner_city__name_en="Ho Chi Minh City", partner_city__country="VN")


@pytest.fixture
def duo_b(db):
    return DuoFactory(french_city__name_en="Montpellier", partner_city__name_en="Fez")


@pytest.fixture
def team_member(db):
    return UserFactory(username="team", role="team", is_staff=True)


@pytest.fixture
def partner_a(duo_a):
    """A partner user of duo A (the French city of the Lyon–Ho Chi Minh City duo)."""
    return UserFactory(username="lyon", role="partner", city=duo_a.french_city)


@pytest.fixture
def partner_b(duo_b):
    """A partner user of duo B (the partner city of the Montpellier–Fez duo)."""
    return UserFactory(username="fez", role="partner", city=duo_b.partner_city)


@pytest.fixture
def anonymous(client):
    """An anonymous visitor: Django's test client, logged in as nobody."""
    return client
