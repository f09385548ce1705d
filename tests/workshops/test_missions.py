"""Mission pages: the public reads published missions in English and French; others are not found."""

from datetime import date

import pytest

from tests.factories import MissionFactory, OrganisationFactory, PartnerCityFactory, UserFactory
from workshops.models import Mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission(db):
    city = PartnerCityFactory(name_en="Sfax", name_fr="Sfax", country="TN")
    mission = MissionFactory(
        city=city,
        slug="sfax-2019",
        title_en="Mission to Sfax",
        title_fr="Mission à Sfax",
        start=date(2019, 10, 1),
        end=date(2019, 12, 31),
        status=Mission.Status.DONE,
        team_member_names="Camille, Yanis",
        film_title="Sfax, a food city",
        film_url="https://example.org/film",
        film_duration_minutes=29,
        film_languages="Arabic, French",
        film_synopsis_en="A film on the food system of Sfax.",
        film_synopsis_fr="Un film sur le système alimentaire de Sfax.",
        event_date=date(2019, 12, 12),
        event_venue="Municipal theatre",
        event_attendance=150,
        event_authorities="The mayor of Sfax",
        is_published=True,
        is_demo=True,
    )
    mission.team_members.add(UserFactory(username="anna", first_name="Anna", last_name="Roux", email="anna@x.org"))
    mission.universities.add(OrganisationFactory(name="University of Sfax", kind="university", city=city))
    return mission


def test_mission_list_shows_published_missions_only(client, mission):
    MissionFactory(city=mission.city, slug="draft", title_en="Draft mission", is_published=False)

    response = client.get("/en/missions/")

    assert response.status_code == 200
    assert "Mission to Sfax" in response.text
    assert "Draft mission" not in response.text


def test_mission_page_shows_dates_team_universities_film_and_event_in_english(client, mission):
    response = client.get("/en/missions/sfax-2019/")

    page = response.text
    assert response.status_code == 200
    assert "October 2019 – December 2019" in page
    assert "Anna Roux, Camille, Yanis" in page
    assert "anna@x.org" not in page
    assert "University of Sfax" in page
    assert "Sfax, a food city" in page and "https://example.org/film" in page
    assert "29 minutes" in page and "Arabic, French" in page
    assert "A film on the food system of Sfax." in page
    assert "Municipal theatre" in page and "150 people" in page and "The mayor of Sfax" in page
    assert "demonstration data" in page


def test_mission_page_speaks_french_under_fr(client, mission):
    response = client.get("/fr/missions/sfax-2019/")

    assert response.status_code == 200
    assert "Mission à Sfax" in response.text
    assert "Un film sur le système alimentaire de Sfax." in response.text


def test_unpublished_mission_is_not_found(client, mission):
    Mission.objects.filter(pk=mission.pk).update(is_published=False)

    assert client.get("/en/missions/sfax-2019/").status_code == 404
    assert client.get("/en/missions/no-such-mission/").status_code == 404
