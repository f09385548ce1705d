"""The reference loader creates the programme's cities, duos and MUFPP framework once, and keeps the team's edits."""

import io
import json
from collections import Counter

import pytest
from django.core.management import call_command

from assessments.models import Category, Framework, Indicator, Pillar, RecommendedAction
from cities.models import City, Duo
from letsfood.management.commands.load_reference import REFERENCE_DIR

pytestmark = pytest.mark.django_db


def load_reference():
    call_command("load_reference", stdout=io.StringIO())


def reference_counts() -> dict[str, int]:
    return {
        "cities": City.objects.count(),
        "duos": Duo.objects.count(),
        "frameworks": Framework.objects.count(),
        "categories": Category.objects.count(),
        "actions": RecommendedAction.objects.count(),
        "indicators": Indicator.objects.count(),
        "pillars": Pillar.objects.count(),
    }


EXPECTED_COUNTS = {
    "cities": 14,
    "duos": 7,
    "frameworks": 1,
    "categories": 6,
    "actions": 37,
    "indicators": 10,
    "pillars": 7,
}


def test_loader_creates_the_reference_records():
    load_reference()

    assert reference_counts() == EXPECTED_COUNTS


def test_loader_run_twice_keeps_the_same_counts():
    load_reference()
    load_reference()

    assert reference_counts() == EXPECTED_COUNTS


def test_loader_reports_nothing_created_on_the_second_run():
    load_reference()
    output = io.StringIO()
    call_command("load_reference", stdout=output)

    assert "Cities: 0 created, 14 already there" in output.getvalue()
    assert "Duos: 0 created, 7 already there" in output.getvalue()


def test_recommended_actions_are_spread_6_7_6_7_7_4_over_the_categories_in_order():
    load_reference()

    counts = [category.actions.count() for category in Category.objects.order_by("order")]

    assert counts == [6, 7, 6, 7, 7, 4]


def test_actions_are_numbered_1_to_37():
    load_reference()

    assert list(RecommendedAction.objects.values_list("number", flat=True)) == list(range(1, 38))


@pytest.mark.parametrize(
    ("french", "partner"),
    [
        ("lyon", "ho-chi-minh-city"),
        ("montpellier", "fez"),
        ("paris", "tehran"),
        ("bordeaux", "guanajuato"),
        ("marseille", "valparaiso"),
        ("grenoble", "sfax"),
        ("nantes", "durban"),
    ],
)
def test_each_duo_pairs_a_french_city_with_its_partner(french, partner):
    load_reference()

    duo = Duo.objects.get(french_city__slug=french)

    assert duo.partner_city.slug == partner
    assert duo.french_city.role == City.Role.FRENCH
    assert duo.french_city.country.code == "FR"
    assert duo.partner_city.role == City.Role.PARTNER
    assert duo.partner_city.country.code != "FR"


def test_every_city_belongs_to_exactly_one_duo():
    load_reference()

    for city in City.objects.all():
        assert Duo.objects.for_city(city).count() == 1, city.slug


def test_cities_keep_their_source_coordinates_and_population():
    load_reference()

    fez = City.objects.get(slug="fez")

    assert fez.country.code == "MA"
    assert fez.latitude == pytest.approx(34.0433)
    assert fez.longitude == pytest.approx(-5.0033)
    assert fez.population == 1112072
    assert fez.population_year == 2014
    assert fez.location_source
    assert fez.population_source
    assert City.objects.filter(location_source="").count() == 0


def test_french_names_are_loaded():
    load_reference()

    assert City.objects.get(slug="fez").name_fr == "Fès"
    assert City.objects.get(slug="tehran").name_fr == "Téhéran"
    assert City.objects.get(slug="ho-chi-minh-city").name_fr == "Hô-Chi-Minh-Ville"
    assert Duo.objects.get(slug="montpellier-fez").name_fr == "Montpellier – Fès"


def test_sources_and_verified_flags_of_the_framework_are_kept():
    data = json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))
    load_reference()

    for item in data["actions"]:
        action = RecommendedAction.objects.get(number=item["number"])
        assert action.verified is bool(item.get("verified")), item["number"]
        assert action.source.startswith(item.get("source") or ""), item["number"]
    for item in data["indicators"]:
        indicator = Indicator.objects.get(number=item["number"])
        assert indicator.verified is bool(item.get("verified")), item["number"]
        assert indicator.source == (item.get("source") or ""), item["number"]
    assert Counter(RecommendedAction.objects.values_list("verified", flat=True)) == Counter(
        bool(item.get("verified")) for item in data["actions"]
    )


def test_indicators_are_linked_to_their_recommended_actions():
    data = json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))
    load_reference()

    for item in data["indicators"]:
        indicator = Indicator.objects.get(number=item["number"])
        assert sorted(indicator.actions.values_list("number", flat=True)) == sorted(item.get("actions", []))


def test_second_run_keeps_the_teams_edits():
    load_reference()
    indicator = Indicator.objects.get(code="mufpp-01")
    indicator.name_en = "Edited by the team"
    indicator.verified = True
    indicator.save()
    City.objects.filter(slug="fez").update(population=1_200_000, name_fr="Fès (édité)")
    Category.objects.filter(code="food_waste").update(short_name_en="Waste")

    load_reference()

    indicator.refresh_from_db()
    assert indicator.name_en == "Edited by the team"
    assert indicator.verified is True
    fez = City.objects.get(slug="fez")
    assert (fez.population, fez.name_fr) == (1_200_000, "Fès (édité)")
    assert Category.objects.get(code="food_waste").short_name_en == "Waste"


def test_second_run_recreates_a_record_deleted_by_mistake():
    load_reference()
    Pillar.objects.order_by("order").last().delete()

    load_reference()

    assert Pillar.objects.count() == 7


def test_every_reference_city_has_its_own_time_zone():
    load_reference()

    zones = dict(City.objects.values_list("slug", "timezone"))
    assert zones["ho-chi-minh-city"] == "Asia/Ho_Chi_Minh" and zones["valparaiso"] == "America/Santiago"
    assert zones["fez"] == "Africa/Casablanca" and zones["lyon"] == "Europe/Paris"
    for city in City.objects.all():
        city.full_clean()  # every name is a real IANA time zone


def test_verified_actions_carry_the_full_official_wording_and_keep_a_short_title():
    data = json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))
    load_reference()

    verified = [item for item in data["actions"] if item["verified"]]
    assert len(verified) == 19
    action = RecommendedAction.objects.get(number=1)
    assert action.title_en.startswith(
        "Facilitate collaboration across city agencies and departments and seek alignment"
    )
    assert action.short_title_en.startswith("Facilitate collaboration across city agencies and departments and align")
    assert action.display_title == action.short_title
    assert str(action).startswith("1. Facilitate collaboration")
    unchanged = RecommendedAction.objects.get(number=10)  # a paraphrase still to be checked: no short title
    assert unchanged.short_title == ""
    assert unchanged.display_title == unchanged.title


def test_two_actions_have_faos_french_wording_and_its_source():
    load_reference()

    for number in (34, 35):
        action = RecommendedAction.objects.get(number=number)
        assert action.title_fr.startswith(("Réunir les principaux acteurs", "Sensibiliser le public"))
        assert "French wording: https://fao.org/save-food/" in action.source
    # The other actions' French is the team's translation: no FAO page is named as its source.
    assert RecommendedAction.objects.exclude(number__in=(34, 35)).filter(source__contains="French wording").count() == 0
