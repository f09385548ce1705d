"""A territory's food infrastructure: counted by kind and drawn on the map."""

import json

import pytest
from django.urls import reverse

from tests.factories import InfrastructureFactory
from workshops.selectors import infrastructure_inventory

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(duo_b):
    city = duo_b.partner_city
    city.is_published = True
    city.save()
    point = {"type": "Point", "coordinates": [-5.0, 34.0]}
    InfrastructureFactory(city=city, kind="mill", name="Mill of Bab Ftouh", location=point)
    InfrastructureFactory(city=city, kind="mill", name="Mill of Saiss", capacity="2 t a day")
    InfrastructureFactory(city=city, kind="market", name="Wholesale market", location=point, status="underused")
    return city


def test_infrastructure_is_counted_by_kind(territory):
    counts = {kind: count for kind, _label, count in infrastructure_inventory(city=territory)["counts"]}

    assert counts["mill"] == 2 and counts["market"] == 1 and counts["food_bank"] == 0


def test_located_infrastructure_is_in_the_map_json(anonymous, territory):
    page = anonymous.get(reverse("plans:infrastructure", kwargs={"slug": territory.slug})).content.decode()

    start = page.index('<script id="infrastructure-data" type="application/json">') + len(
        '<script id="infrastructure-data" type="application/json">'
    )
    data = json.loads(page[start : page.index("</script>", start)])
    assert sorted(item["name"] for item in data["infrastructure"]) == ["Mill of Bab Ftouh", "Wholesale market"]
    assert data["infrastructure"][0]["lat"] == 34.0
    assert "Mill of Saiss" in page and "location unknown" in page


def test_an_unpublished_territory_has_no_public_infrastructure_page(anonymous, duo_a):
    city = duo_a.french_city
    city.is_published = False
    city.save()

    assert anonymous.get(reverse("plans:infrastructure", kwargs={"slug": city.slug})).status_code == 404
