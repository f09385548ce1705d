"""The city loading service refuses a malformed reference row and leaves the database as it was."""

import pytest

from cities.models import City, Duo
from cities.services import CityError, reference_cities_load

pytestmark = pytest.mark.django_db


def row(name, **fields):
    return {
        "name": name,
        "name_fr": name,
        "country_code": "FR",
        "role": "french",
        "duo_partner": "",
        "lat": "45.0",
        "lon": "4.0",
        "population": "100000",
        "population_year": "2021",
        "population_unit": "commune",
        "mufpp_signed": "2015",
        "source": "https://example.org/source",
        "languages": "fr",
        **fields,
    }


def test_rows_of_a_duo_create_two_cities_and_their_duo():
    rows = [
        row("Lyon", duo_partner="Ho Chi Minh City"),
        row("Ho Chi Minh City", country_code="vn", role="partner", duo_partner="Lyon", lat="10.77", lon="106.70"),
    ]

    cities, duos = reference_cities_load(rows=rows)

    assert (cities.created, cities.existing, duos.created, duos.existing) == (2, 0, 1, 0)
    duo = Duo.objects.get()
    assert (duo.french_city.slug, duo.partner_city.slug) == ("lyon", "ho-chi-minh-city")
    assert duo.partner_city.country.code == "VN"
    assert duo.partner_city.location == {"type": "Point", "coordinates": [106.70, 10.77]}


@pytest.mark.parametrize(
    ("lat", "lon"),
    [("north", "4.0"), ("45.0", ""), ("95.0", "4.0"), ("45.0", "-181")],
)
def test_a_row_with_bad_coordinates_raises_and_saves_nothing(lat, lon):
    rows = [
        row("Lyon", duo_partner="Ho Chi Minh City"),
        row("Ho Chi Minh City", country_code="VN", role="partner", duo_partner="Lyon", lat=lat, lon=lon),
    ]

    with pytest.raises(CityError):
        reference_cities_load(rows=rows)

    assert City.objects.count() == 0
    assert Duo.objects.count() == 0


def test_a_row_with_a_non_numeric_population_raises_and_saves_nothing():
    rows = [row("Lyon"), row("Nantes", population="many")]

    with pytest.raises(CityError):
        reference_cities_load(rows=rows)

    assert City.objects.count() == 0


def test_a_duo_partner_missing_from_the_rows_raises_and_saves_nothing():
    with pytest.raises(CityError):
        reference_cities_load(rows=[row("Lyon", duo_partner="Atlantis")])

    assert City.objects.count() == 0
    assert Duo.objects.count() == 0
