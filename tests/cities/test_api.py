"""The read-only API of cities and duos: root, lists, filters, detail, GeoJSON, write refusal and query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.pagination import PageNumberPagination

from cities.models import City, Duo
from tests.factories import CityFactory, DuoFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def slugs(data: dict) -> set[str]:
    return {item["slug"] for item in data["results"]}


def test_api_root_lists_cities_and_duos(anonymous):
    response = anonymous.get("/api/")

    assert response.status_code == 200
    assert response.json()["cities"].endswith("/api/cities/")
    assert response.json()["duos"].endswith("/api/duos/")


def test_city_list_is_paginated(anonymous, reference_data):
    response = anonymous.get("/api/cities/")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 14
    assert {"next", "previous", "results"} <= data.keys()
    assert slugs(data) == set(City.objects.values_list("slug", flat=True))


def test_city_list_is_cut_into_pages_of_the_page_size(anonymous, monkeypatch, reference_data):
    monkeypatch.setattr(PageNumberPagination, "page_size", 5)

    first = anonymous.get("/api/cities/").json()
    last = anonymous.get("/api/cities/", {"page": 3}).json()

    assert first["count"] == 14
    assert len(first["results"]) == 5
    assert first["next"].endswith("page=2")
    assert len(last["results"]) == 4
    assert last["next"] is None


def test_city_list_filters_by_country(anonymous, reference_data):
    data = anonymous.get("/api/cities/", {"country": "MA"}).json()

    assert data["count"] == 1
    assert slugs(data) == {"fez"}
    assert data["results"][0]["country_name"] == "Morocco"


def test_city_list_filters_by_role(anonymous, reference_data):
    data = anonymous.get("/api/cities/", {"role": "partner"}).json()

    assert data["count"] == 7
    assert {city["role"] for city in data["results"]} == {"partner"}
    assert "fez" in slugs(data)
    assert "lyon" not in slugs(data)


def test_city_list_searches_english_and_french_names(anonymous, reference_data):
    assert slugs(anonymous.get("/api/cities/", {"search": "Teh"}).json()) == {"tehran"}
    assert slugs(anonymous.get("/api/cities/", {"search": "Fès"}).json()) == {"fez"}
    assert slugs(anonymous.get("/api/cities/", {"search": "Atlantis"}).json()) == set()


def test_city_detail_gives_the_facts_of_the_city(anonymous, reference_data):
    response = anonymous.get("/api/cities/fez/")

    assert response.status_code == 200
    city = response.json()
    assert city["slug"] == "fez"
    assert (city["name_en"], city["name_fr"]) == ("Fez", "Fès")
    assert city["country"] == "MA"
    assert city["role"] == "partner"
    assert (city["latitude"], city["longitude"]) == pytest.approx((34.0433, -5.0033))
    assert city["population"] == 1112072
    assert city["population_source"]
    assert city["url"] == "/en/cities/fez/"


def test_city_detail_speaks_the_requested_language(anonymous, reference_data):
    city = anonymous.get("/api/cities/fez/", headers={"accept-language": "fr"}).json()

    assert city["name"] == "Fès"


def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order(anonymous, reference_data):
    response = anonymous.get("/api/cities/geojson/")

    assert response.status_code == 200
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 14
    assert {feature["type"] for feature in data["features"]} == {"Feature"}
    assert {feature["geometry"]["type"] for feature in data["features"]} == {"Point"}
    fez = next(feature for feature in data["features"] if feature["properties"]["slug"] == "fez")
    assert fez["geometry"]["coordinates"] == pytest.approx([-5.0033, 34.0433])
    assert fez["properties"]["country"] == "MA"


def test_an_unpublished_city_is_absent_from_the_api_and_the_geojson(anonymous, reference_data):
    City.objects.filter(slug="fez").update(is_published=False)

    assert anonymous.get("/api/cities/fez/").status_code == 404
    cities = anonymous.get("/api/cities/").json()
    assert cities["count"] == 13
    assert "fez" not in slugs(cities)
    features = anonymous.get("/api/cities/geojson/").json()["features"]
    assert "fez" not in {feature["properties"]["slug"] for feature in features}
    assert len(features) == 13


def test_a_duo_with_an_unpublished_city_is_absent_from_the_api(anonymous, reference_data):
    City.objects.filter(slug="fez").update(is_published=False)

    duos = anonymous.get("/api/duos/").json()

    assert duos["count"] == 6
    assert "montpellier-fez" not in slugs(duos)
    assert anonymous.get("/api/duos/montpellier-fez/").status_code == 404


def test_duo_list_nests_both_cities_and_the_phases(anonymous, reference_data):
    data = anonymous.get("/api/duos/").json()

    assert data["count"] == 7
    duo = next(item for item in data["results"] if item["slug"] == "lyon-ho-chi-minh-city")
    assert duo["french_city"] == {"slug": "lyon", "name": "Lyon", "country": "FR", "role": "french"}
    assert duo["partner_city"]["slug"] == "ho-chi-minh-city"
    assert duo["partner_city"]["country"] == "VN"
    assert [phase["code"] for phase in duo["phases"]] == ["assessment", "mission", "monitoring"]
    assert [phase["status"] for phase in duo["phases"]] == ["current", "upcoming", "upcoming"]


def test_duo_detail_gives_the_duo(anonymous, reference_data):
    response = anonymous.get("/api/duos/montpellier-fez/")

    assert response.status_code == 200
    assert response.json()["partner_city"]["slug"] == "fez"
    assert response.json()["url"] == "/en/duos/montpellier-fez/"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/api/cities/"),
        ("post", "/api/duos/"),
        ("put", "/api/cities/fez/"),
        ("patch", "/api/duos/montpellier-fez/"),
        ("delete", "/api/cities/fez/"),
    ],
)
def test_anonymous_writes_are_refused(anonymous, reference_data, method, url):
    response = getattr(anonymous, method)(url, {"name": "Atlantis"}, content_type="application/json")

    assert response.status_code in {401, 403, 405}
    assert City.objects.count() == 14
    assert City.objects.get(slug="fez").name_en == "Fez"


def test_a_logged_in_partner_cannot_write_through_the_read_only_api(client, partner_b):
    client.force_login(partner_b)

    response = client.post("/api/cities/", {"name": "Atlantis"}, content_type="application/json")

    assert response.status_code in {403, 405}
    assert not City.objects.filter(name_en="Atlantis").exists()


def make_duos(count: int):
    for _ in range(count):
        DuoFactory(french_city=CityFactory(), partner_city=PartnerCityFactory())


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/api/cities/", "/api/duos/", "/api/cities/geojson/"])
def test_list_endpoints_query_count_does_not_grow_with_the_rows(anonymous, url):
    make_duos(2)
    few = query_count(anonymous, url)
    make_duos(20)
    many = query_count(anonymous, url)

    assert many == few
    assert Duo.objects.count() == 22


@pytest.mark.parametrize("url", ["/api/cities/", "/api/duos/", "/api/cities/geojson/"])
def test_list_endpoints_stay_within_their_query_budget(anonymous, django_assert_max_num_queries, reference_data, url):
    with django_assert_max_num_queries(3):
        response = anonymous.get(url)

    assert response.status_code == 200
