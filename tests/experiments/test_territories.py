"""A commune or a group of communes belongs to a parent territory (the park); the park's pages list them."""

import pytest
from django.core.exceptions import ValidationError

from cities.models import City
from reports import services as report_services
from tests.factories import ActionFactory, CommuneFactory, InfrastructureFactory, ParkFactory

SQUARE = {"type": "Polygon", "coordinates": [[[0.5, 48.5], [0.6, 48.5], [0.6, 48.6], [0.5, 48.6], [0.5, 48.5]]]}


def test_a_commune_belongs_to_its_park(communes, park):
    assert list(City.objects.within(park).order_by("name")) == sorted(communes, key=lambda c: c.name)
    assert communes[0].parent == park


def test_a_park_cannot_belong_to_one_of_its_own_communes(communes, park):
    park.parent = communes[0]

    with pytest.raises(ValidationError) as error:
        park.full_clean()

    assert "parent" in error.value.message_dict


def test_a_territory_cannot_belong_to_itself(park):
    park.parent = park

    with pytest.raises(ValidationError, match="cannot belong to itself"):
        park.full_clean()


@pytest.mark.parametrize(
    "outline",
    [
        {"type": "Point", "coordinates": [0.5, 48.5]},
        {"type": "Polygon", "coordinates": [[[0.5, 48.5], [0.6, 48.5], [0.5, 48.5]]]},  # too few points
        {"type": "Polygon", "coordinates": [[[0.5, 48.5], [0.6, 48.5], [0.6, 48.6], [0.5, 48.7]]]},  # not closed
        {"type": "Polygon", "coordinates": [[[0.5, 98.5], [0.6, 48.5], [0.6, 48.6], [0.5, 98.5]]]},  # latitude
        "not json",
    ],
)
def test_an_outline_that_is_not_a_closed_polygon_is_refused(db, outline):
    commune = CommuneFactory.build(outline=outline, parent=ParkFactory())

    with pytest.raises(ValidationError) as error:
        commune.full_clean()

    assert "outline" in error.value.message_dict


def test_a_closed_polygon_is_a_valid_outline(db):
    commune = CommuneFactory(outline=SQUARE)

    commune.full_clean()


def test_the_park_page_lists_its_communes_and_draws_their_outlines(client, park, communes):
    communes[0].outline = SQUARE
    communes[0].save()

    response = client.get(park.get_absolute_url())

    assert response.status_code == 200
    assert [c.name for c in response.context["communes"]] == ["Bellême", "Mortagne-au-Perche"]
    assert response.context["map_data"]["outlines"] == [
        {"name": "Mortagne-au-Perche", "url": communes[0].get_absolute_url(), "geometry": SQUARE}
    ]
    assert {marker["slug"] for marker in response.context["map_data"]["cities"]} == {
        park.slug,
        *(c.slug for c in communes),
    }
    assert "/territories/perche/communes/" in response.content.decode()


def test_a_commune_page_names_its_park(client, park, communes):
    response = client.get(communes[0].get_absolute_url())

    assert f'<a href="{park.get_absolute_url()}">Perche</a>' in response.content.decode()


def test_the_park_without_an_assessment_is_not_offered_an_empty_city_report(client, park):
    response = client.get(park.get_absolute_url())

    assert response.context["city_report"] is False
    assert 'name="kind" value="city"' not in response.content.decode()


def test_a_city_of_the_duos_keeps_its_city_report(client, duo_a):
    response = client.get(duo_a.french_city.get_absolute_url())

    assert 'name="kind" value="city"' in response.content.decode()


def test_a_city_report_of_a_territory_without_an_assessment_is_refused(park):
    with pytest.raises(report_services.ReportError, match="no published assessment"):
        report_services.report_data(kind="city", subject=park.slug, language="en")


def test_the_cities_api_gives_a_commune_its_parent_and_filters_by_it(client, park, communes):
    response = client.get("/api/cities/", {"parent": "perche"})

    assert response.status_code == 200
    results = response.json()["results"]
    assert sorted(item["slug"] for item in results) == sorted(c.slug for c in communes)
    assert {item["parent"] for item in results} == {"perche"}


def test_the_map_legend_names_the_park_and_its_communes_territories(client, park, communes):
    page = client.get(park.get_absolute_url()).content.decode()

    assert '<span class="swatch swatch-territory" aria-hidden="true"></span>Territory</li>' in page
    assert "Partner city</li>" not in page


def test_the_parks_infrastructure_inventory_adds_its_communes(client, park, communes):
    InfrastructureFactory(city=park, kind="mill", name="Park mill")
    InfrastructureFactory(city=communes[0], kind="market", name="Mortagne market")
    InfrastructureFactory(city=communes[1], kind="market", name="Bellême market")

    park_page = client.get(f"/en/territories/{park.slug}/infrastructure/")
    commune_page = client.get(f"/en/territories/{communes[0].slug}/infrastructure/")

    assert [item.name for item in park_page.context["items"]] == ["Bellême market", "Mortagne market", "Park mill"]
    assert 'Mortagne market <small class="muted">(Mortagne-au-Perche)</small>' in park_page.content.decode()
    assert [item.name for item in commune_page.context["items"]] == ["Mortagne market"]


def test_the_parks_local_plan_adds_its_communes_actions(client, park, communes):
    ActionFactory(territory=park, duo=None, title_en="Park action")
    ActionFactory(territory=communes[1], duo=None, title_en="Open a shared garden")

    park_plan = client.get(f"/en/territories/{park.slug}/plan/")
    commune_plan = client.get(f"/en/territories/{communes[1].slug}/plan/")

    assert sorted(card.action.title for card in park_plan.context["cards"]) == ["Open a shared garden", "Park action"]
    assert [card.action.title for card in commune_plan.context["cards"]] == ["Open a shared garden"]
