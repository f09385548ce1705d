"""The initiatives' GeoJSON comes by pages (OGC API - Features style): a whole network's map would be megabytes."""

import pytest

from assessments.api import views
from assessments.models import Assessment
from tests.factories import AssessmentFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_initiatives(db):
    assessment = AssessmentFactory(status=Assessment.Status.PUBLISHED)
    return [InitiativeFactory(assessment=assessment, title_en=f"Initiative {letter}") for letter in "ABCDE"]


def geojson(client, query: str = ""):
    return client.get(f"/api/initiatives/geojson/{query}", HTTP_ACCEPT="application/json")


def rels(collection) -> dict:
    return {link["rel"]: link["href"] for link in collection["links"]}


def test_a_page_gives_its_features_and_links_to_the_next_and_previous(anonymous, five_initiatives):
    first = geojson(anonymous, "?limit=2").json()
    assert [f["properties"]["title"] for f in first["features"]] == ["Initiative A", "Initiative B"]
    assert first["numberReturned"] == 2
    assert "prev" not in rels(first)
    assert rels(first)["next"].endswith("/api/initiatives/geojson/?limit=2&offset=2")

    second = anonymous.get(rels(first)["next"], HTTP_ACCEPT="application/json").json()
    assert [f["properties"]["title"] for f in second["features"]] == ["Initiative C", "Initiative D"]
    assert rels(second)["prev"].endswith("?limit=2&offset=0")

    last = anonymous.get(rels(second)["next"], HTTP_ACCEPT="application/json").json()
    assert [f["properties"]["title"] for f in last["features"]] == ["Initiative E"]
    assert "next" not in rels(last)


def test_the_default_page_is_bounded(anonymous, five_initiatives, monkeypatch):
    monkeypatch.setattr(views, "GEOJSON_LIMIT", 3)
    collection = geojson(anonymous).json()
    assert collection["numberReturned"] == 3
    assert "next" in rels(collection)


def test_filters_are_kept_in_the_links(anonymous, five_initiatives):
    city = five_initiatives[0].assessment.city.slug
    collection = geojson(anonymous, f"?city={city}&limit=1").json()
    assert f"city={city}" in rels(collection)["next"]


@pytest.mark.parametrize(
    ("query", "field", "reason"),
    [
        ("?limit=0", "limit", "between 1 and 5000"),
        ("?limit=5001", "limit", "between 1 and 5000"),
        ("?limit=many", "limit", "whole number"),
        ("?offset=-1", "offset", "0 or more"),
    ],
)
def test_a_bad_page_is_a_400_naming_the_parameter(anonymous, five_initiatives, query, field, reason):
    response = geojson(anonymous, query)
    assert response.status_code == 400
    assert reason in response.json()[field][0]
