"""The database itself keeps duos sound and lets a second writer fail fast on a locked city."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, connections, transaction

from cities.models import City
from tests.factories import CityFactory, DuoFactory, PartnerCityFactory


@pytest.mark.django_db
def test_the_database_refuses_a_duo_of_one_city_with_itself():
    city = CityFactory(name_en="Lyon")

    with pytest.raises(IntegrityError), transaction.atomic():
        DuoFactory(french_city=city, partner_city=city)

    assert not city.duos_as_french.exists()


@pytest.mark.django_db
def test_the_database_refuses_the_same_pair_twice():
    duo = DuoFactory(french_city__name_en="Montpellier", partner_city__name_en="Fez")

    with pytest.raises(IntegrityError), transaction.atomic():
        DuoFactory(french_city=duo.french_city, partner_city=duo.partner_city, slug="montpellier-fez-again")

    assert duo.french_city.duos_as_french.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_an_implausible_population_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerCityFactory(name_en="Fez", population_year=1200)

    assert not City.objects.filter(slug="fez").exists()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_second_connection_cannot_lock_a_city_already_locked():
    if connection.vendor != "postgresql":
        pytest.skip("row locks with NOWAIT need PostgreSQL")
    city = CityFactory(name_en="Lyon")
    other = connections.create_connection("default")
    try:
        with transaction.atomic():
            City.objects.select_for_update().get(pk=city.pk)
            with other.cursor() as cursor, pytest.raises(DatabaseError):
                cursor.execute("SELECT id FROM cities_city WHERE id = %s FOR UPDATE NOWAIT", [city.pk])
        other.rollback()
        with other.cursor() as cursor:
            cursor.execute("SELECT id FROM cities_city WHERE id = %s FOR UPDATE NOWAIT", [city.pk])
            assert cursor.fetchone() == (city.pk,)
    finally:
        other.close()
