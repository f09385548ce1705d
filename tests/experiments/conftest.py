"""Personas of the experiments: the Perche park with two communes, its project officer, another park's officer."""

import pytest

from tests.factories import CommuneFactory, ExperimentFactory, ParkFactory, UserFactory


@pytest.fixture
def park(db):
    return ParkFactory(name_en="Perche", name_fr="Perche", slug="perche")


@pytest.fixture
def communes(park):
    return [
        CommuneFactory(name_en="Mortagne-au-Perche", name_fr="Mortagne-au-Perche", parent=park),
        CommuneFactory(name_en="Bellême", name_fr="Bellême", slug="belleme", parent=park),
    ]


@pytest.fixture
def officer(park):
    """The park's project officer: a partner user whose city is the park."""
    return UserFactory(username="perche-officer", role="partner", city=park)


@pytest.fixture
def other_officer(db):
    """The officer of another park, with no right on the Perche's experiments."""
    return UserFactory(username="other-officer", role="partner", city=ParkFactory(name_en="Vosges"))


@pytest.fixture
def experiment(park, communes):
    return ExperimentFactory(territory=park, communes=communes, title="Food resilience in the Perche")


@pytest.fixture
def draft(park, communes):
    return ExperimentFactory(territory=park, communes=communes, title="Draft experiment", is_published=False)
