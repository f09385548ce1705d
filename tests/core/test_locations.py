"""Points on the map as plain data: distances, how a point reads, the typed coordinates, and the territory rule."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.geo import PointFormField, distance_km, format_point, validate_near_territory
from tests.factories import CityFactory, OrganisationFactory, UserFactory
from workshops.models import Infrastructure

SFAX = {"type": "Point", "coordinates": [10.7603, 34.7406]}
TRIPOLI = {"type": "Point", "coordinates": [13.19, 32.89]}


def test_the_distance_between_two_places_is_the_great_circle_distance():
    paris, london = (48.8566, 2.3522), (51.5074, -0.1278)

    assert distance_km(paris, london) == pytest.approx(343.6, abs=0.5)
    assert distance_km(paris, paris) == 0
    assert distance_km((0, 0), (0, 180)) == pytest.approx(20015.1, abs=1)


def test_a_point_reads_as_longitude_then_latitude_with_their_hemispheres():
    assert format_point(30.1, 22.5) == "22.5 E, 30.1 N"
    assert format_point(-33.92, -18.42) == "18.42 W, 33.92 S"
    assert format_point(34.740612345, 10.760312345) == "10.7603 E, 34.7406 N"


def test_typed_coordinates_become_a_geojson_point_with_the_longitude_first():
    field = PointFormField(required=False)

    assert field.clean(["34.7406", "10,7603"]) == SFAX
    assert field.clean([" ", ""]) is None


def test_an_unchanged_point_is_not_a_change_of_the_form():
    field = PointFormField(required=False)

    assert not field.has_changed(SFAX, ["34.7406", "10.7603"])
    assert field.has_changed(SFAX, ["34.7406", "10.8"])
    assert field.has_changed(SFAX, ["34.7406", "east"])


@pytest.mark.django_db
def test_a_point_far_from_its_territory_is_refused_with_its_distance():
    sfax = CityFactory(name_en="Sfax", location=SFAX)

    with pytest.raises(ValidationError) as refusal:
        validate_near_territory(TRIPOLI, sfax)

    [message] = refusal.value.messages
    distance = round(distance_km((32.89, 13.19), (34.7406, 10.7603)))
    assert message == f"13.19 E, 32.89 N is {distance} km from Sfax; a location must be within 150 km of it."


@pytest.mark.django_db
def test_infrastructure_far_from_its_territory_is_refused(settings):
    sfax = CityFactory(name_en="Sfax", location=SFAX)
    mill = Infrastructure(city=sfax, kind="mill", name="Mill", location=TRIPOLI)

    with pytest.raises(ValidationError) as refusal:
        mill.full_clean()
    assert "km from Sfax" in refusal.value.message_dict["location"][0]

    settings.LOCATION_MAX_DISTANCE_KM = 500
    mill.full_clean()


@pytest.mark.django_db
def test_an_organisation_far_from_its_city_is_refused_but_one_in_it_is_not():
    sfax = CityFactory(name_en="Sfax", location=SFAX)

    with pytest.raises(ValidationError) as refusal:
        OrganisationFactory.build(city=sfax, location=TRIPOLI).full_clean()
    assert "km from Sfax" in refusal.value.message_dict["location"][0]
    OrganisationFactory.build(city=sfax, location={"type": "Point", "coordinates": [10.75, 34.73]}).full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "location",
    [
        {"type": "Point", "coordinates": [10.76, 95]},
        {"type": "Point", "coordinates": [200, 34.74]},
        {"type": "LineString", "coordinates": [[10.76, 34.74], [10.8, 34.8]]},
        {"type": "Point", "coordinates": ["east", 34.74]},
        [10.76, 34.74],
    ],
)
def test_a_stored_location_must_be_a_point_within_range(location):
    sfax = CityFactory(name_en="Sfax", location=SFAX)

    with pytest.raises(ValidationError) as refusal:
        Infrastructure(city=sfax, kind="mill", name="Mill", location=location).full_clean()
    assert "location" in refusal.value.message_dict


@pytest.mark.django_db
def test_the_infrastructure_admin_opens_its_map_on_the_territory_and_refuses_a_far_point(client):
    client.force_login(UserFactory(username="admin", role="team", is_staff=True, is_superuser=True))
    sfax = CityFactory(name_en="Sfax", location=SFAX)
    add_url = reverse("admin:workshops_infrastructure_add")

    page = client.get(f"{add_url}?city={sfax.pk}").text
    assert 'data-centre-latitude="34.7406" data-centre-longitude="10.7603"' in page

    data = {"city": sfax.pk, "kind": "mill", "name": "Mill", "status": "active"}
    response = client.post(add_url, {**data, "location_latitude": "32.89", "location_longitude": "13.19"})
    assert response.status_code == 200
    assert "13.19 E, 32.89 N is" in response.text and "km from Sfax" in response.text
    assert not Infrastructure.objects.exists()

    response = client.post(add_url, {**data, "location_latitude": "34.77", "location_longitude": "10.8"})
    assert response.status_code == 302
    assert Infrastructure.objects.get().location == {"type": "Point", "coordinates": [10.8, 34.77]}


@pytest.mark.django_db
def test_the_organisation_admin_opens_its_map_on_the_organisations_city(client):
    client.force_login(UserFactory(username="admin", role="team", is_staff=True, is_superuser=True))
    sfax = CityFactory(name_en="Sfax", location=SFAX)
    organisation = OrganisationFactory(city=sfax, location=None)

    page = client.get(reverse("admin:cities_organisation_change", args=[organisation.pk])).text

    assert 'data-centre-latitude="34.7406" data-centre-longitude="10.7603"' in page
