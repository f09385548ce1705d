"""The good-practice library: published initiatives only, searched in both languages, filtered, bounded in queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.filters import initiatives_matching
from assessments.models import Assessment, Initiative
from tests.cities.test_pages import json_data
from tests.factories import (
    AssessmentFactory,
    CategoryFactory,
    CityFactory,
    InitiativeFactory,
    PartnerCityFactory,
    PillarFactory,
)

pytestmark = pytest.mark.django_db

CANTEENS = ("School canteens sourcing local organic food", "Cantines scolaires approvisionnées en bio local")
FOOD_BANK = ("Food bank collecting unsold food", "Banque alimentaire collectant les invendus")


def _initiative(city, titles, *, status=Assessment.Status.PUBLISHED, **fields):
    assessment = Assessment.objects.filter(city=city, status=status).first() or AssessmentFactory(
        city=city, status=status, is_demo=True
    )
    return InitiativeFactory(
        assessment=assessment,
        title_en=f"{titles[0]} ({city.name_en})",
        title_fr=f"{titles[1]} ({city.name_fr})",
        description_en="An initiative of the city.",
        description_fr="Une initiative de la ville.",
        **fields,
    )


@pytest.fixture
def library():
    fez = PartnerCityFactory(name_en="Fez", name_fr="Fès", country="MA")
    lyon = CityFactory(name_en="Lyon", name_fr="Lyon", country="FR")
    sfax = PartnerCityFactory(name_en="Sfax", country="TN")
    return {
        "fez canteens": _initiative(fez, CANTEENS, actor_type=Initiative.ActorType.PUBLIC),
        "fez food bank": _initiative(fez, FOOD_BANK),
        "lyon canteens": _initiative(lyon, CANTEENS, actor_type=Initiative.ActorType.PUBLIC),
        "sfax draft canteens": _initiative(sfax, CANTEENS, status=Assessment.Status.DRAFT),
    }


def titles(response) -> set[str]:
    return {initiative.title for initiative in response.context["initiatives"]}


def test_the_library_lists_the_initiatives_of_published_assessments_only(anonymous, library):
    response = anonymous.get("/en/library/")

    assert response.status_code == 200
    assert titles(response) == {
        "School canteens sourcing local organic food (Fez)",
        "Food bank collecting unsold food (Fez)",
        "School canteens sourcing local organic food (Lyon)",
    }
    assert "Sfax" not in response.content.decode()
    assert "3 initiatives found" in response.content.decode()


def test_searching_school_canteens_finds_the_canteens_of_every_city(anonymous, library):
    response = anonymous.get("/en/library/", {"q": "school canteens"})

    assert titles(response) == {
        "School canteens sourcing local organic food (Fez)",
        "School canteens sourcing local organic food (Lyon)",
    }


def test_filtering_by_country_narrows_the_search(anonymous, library):
    response = anonymous.get("/en/library/", {"q": "school canteens", "country": "MA"})

    assert titles(response) == {"School canteens sourcing local organic food (Fez)"}
    assert [marker["title"] for marker in json_data(response, "library")["initiatives"]] == [
        "School canteens sourcing local organic food (Fez)"
    ]


def test_a_french_visitor_searches_in_french(anonymous, library):
    response = anonymous.get("/fr/library/", {"q": "cantines", "country": "FR"})

    assert titles(response) == {"Cantines scolaires approvisionnées en bio local (Lyon)"}


def test_the_country_filter_offers_only_countries_with_published_initiatives(anonymous, library):
    response = anonymous.get("/en/library/")

    choices = dict(response.context["filter"].form.fields["country"].choices)
    assert set(choices) == {"", "FR", "MA"}
    assert choices["MA"] == "Morocco"


def test_drafts_initiatives_never_reach_the_library(anonymous, library):
    draft = library["sfax draft canteens"]

    for language, words in (("en", "canteens"), ("fr", "cantines")):
        response = anonymous.get(f"/{language}/library/", {"q": words})
        assert draft not in response.context["initiatives"]
        assert draft.ref not in response.content.decode()
    assert anonymous.get(f"/en/library/{draft.ref}/").status_code == 404


def test_an_initiative_has_its_own_page_linking_to_its_city(anonymous, library):
    initiative = library["fez canteens"]

    response = anonymous.get(f"/en/library/{initiative.ref}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>School canteens sourcing local organic food (Fez)</h1>" in html
    assert initiative.assessment.city.get_absolute_url() in html
    assert "demonstration data" in html


def test_filters_by_category_pillar_and_actor_type(anonymous, library):
    category, pillar = CategoryFactory(), PillarFactory()
    library["fez food bank"].categories.add(category)
    library["lyon canteens"].pillars.add(pillar)

    by_category = anonymous.get("/en/library/", {"category": category.pk})
    by_pillar = anonymous.get("/en/library/", {"pillar": pillar.pk})
    by_actor = anonymous.get("/en/library/", {"actor_type": "public"})

    assert titles(by_category) == {"Food bank collecting unsold food (Fez)"}
    assert titles(by_pillar) == {"School canteens sourcing local organic food (Lyon)"}
    assert titles(by_actor) == {
        "School canteens sourcing local organic food (Fez)",
        "School canteens sourcing local organic food (Lyon)",
    }


def test_the_search_matches_every_word_in_either_language():
    fez = PartnerCityFactory(name_en="Fez", country="MA")
    canteens = _initiative(fez, CANTEENS)
    _initiative(fez, FOOD_BANK)
    published = Initiative.objects.published()

    assert list(initiatives_matching(published, "canteens school")) == [canteens]
    assert list(initiatives_matching(published, "cantines scolaires")) == [canteens]
    assert initiatives_matching(published, "  ").count() == 2
    assert not initiatives_matching(published, "canteens unsold").exists()


def test_the_library_is_paginated_and_keeps_the_filters_across_pages(anonymous):
    city = PartnerCityFactory(country="MA")
    assessment = AssessmentFactory(city=city, status=Assessment.Status.PUBLISHED)
    for number in range(25):
        InitiativeFactory(assessment=assessment, title_en=f"Market garden {number:02d}")

    first = anonymous.get("/en/library/", {"q": "garden", "country": "MA"})
    second = anonymous.get("/en/library/", {"q": "garden", "country": "MA", "page": 2})

    assert len(first.context["initiatives"]) == 20
    assert len(second.context["initiatives"]) == 5
    assert "?q=garden&amp;country=MA&amp;page=2" in first.content.decode()
    assert "25 initiatives found" in first.content.decode()


def _library_of(size: int):
    category, pillar = CategoryFactory(), PillarFactory()
    for number in range(size):
        city = PartnerCityFactory(country=["MA", "TN", "SN"][number % 3])
        assessment = AssessmentFactory(city=city, status=Assessment.Status.PUBLISHED)
        initiative = InitiativeFactory(assessment=assessment, title_en=f"School canteens {number}")
        initiative.categories.add(category)
        initiative.pillars.add(pillar)


def _queries_of(client, params) -> int:
    client.get("/en/library/", params)  # warms what every page caches (the footer's consent text)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/library/", params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"q": "school canteens", "country": "MA"}])
def test_the_library_needs_the_same_number_of_queries_whatever_its_size(anonymous, params):
    _library_of(2)
    small = _queries_of(anonymous, params)
    _library_of(40)

    assert _queries_of(anonymous, params) == small
    assert small <= 10


def test_the_library_lists_one_city_s_initiatives_and_offers_every_city(anonymous, library):
    response = anonymous.get("/en/library/", {"city": library["fez canteens"].assessment.city.slug})

    assert titles(response) == {
        "School canteens sourcing local organic food (Fez)",
        "Food bank collecting unsold food (Fez)",
    }
    html = response.content.decode()
    assert "Initiatives of Fez only." in html
    assert 'type="hidden" name="city"' in html and ">Every city</a>" in html
