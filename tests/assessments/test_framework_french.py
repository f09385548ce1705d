"""The framework reads in French: loaded, migrated into databases loaded earlier, and its units shown translated."""

import io
from importlib import import_module

import pytest
from django.core.management import call_command
from django.utils import translation

from assessments.models import Indicator, RecommendedAction, stored_label
from tests.factories import IndicatorValueFactory
from tests.migrating import migrate_to

BEFORE = [("assessments", "0007_indicatorvalue_indicator_value_no_data_has_no_provenance")]
AFTER = [("assessments", "0008_framework_french_texts")]
FRENCH = import_module("assessments.migrations.0008_framework_french_texts")


@pytest.mark.django_db
def test_every_action_and_indicator_of_the_loaded_framework_has_its_french_texts():
    call_command("load_reference", stdout=io.StringIO())

    actions = RecommendedAction.objects.all()
    assert actions.count() == 37
    assert not actions.filter(title_fr__in=["", None]).exists()
    assert not actions.exclude(short_title_en="").filter(short_title_fr__in=["", None]).exists()
    assert not Indicator.objects.filter(name_fr__in=["", None]).exists()
    with translation.override("fr"):
        assert (
            Indicator.objects.get(code="mufpp-08").name == "Nombre de ménages vivant dans des « déserts alimentaires »"
        )


@pytest.mark.django_db
def test_the_migration_matches_the_reference_data():
    import json

    from letsfood.management.commands.load_reference import REFERENCE_DIR

    data = json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))
    for item in data["actions"]:
        shipped = FRENCH.ACTIONS[item["number"]]
        assert (shipped["title_en"], shipped["title_fr"]) == (item["title_en"], item["title_fr"])
        assert shipped["short_title_fr"] == item.get("short_title_fr", "")
    assert {n: i["name_fr"] for n, i in FRENCH.INDICATORS.items()} == {
        i["number"]: i["name_fr"] for i in data["indicators"]
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_back_to_the_latest_migrations")
def test_the_migration_brings_the_french_texts_and_keeps_what_the_team_wrote():
    apps = migrate_to(BEFORE)
    Framework = apps.get_model("assessments", "Framework")
    Category = apps.get_model("assessments", "Category")
    Action = apps.get_model("assessments", "RecommendedAction")
    Indicator_ = apps.get_model("assessments", "Indicator")
    framework = Framework.objects.create(slug="mufpp-2019", name="MUFPP", name_en="MUFPP", version="2019")
    category = Category.objects.create(framework=framework, code="governance", order=1, name_en="Governance")
    shipped = {"framework": framework, "category": category}
    first = FRENCH.ACTIONS[1]
    Action.objects.create(number=1, title_en=first["title_en"], short_title_en=first["short_title_en"], **shipped)
    Action.objects.create(number=2, title_en="Our own English wording", **shipped)
    Action.objects.create(number=3, title_en=FRENCH.ACTIONS[3]["title_en"], title_fr="Notre texte", **shipped)
    Indicator_.objects.create(code="mufpp-08", number=8, name_en=FRENCH.INDICATORS[8]["name_en"], **shipped)

    apps = migrate_to(AFTER)
    Action = apps.get_model("assessments", "RecommendedAction")
    one = Action.objects.get(number=1)
    assert (one.title_fr, one.short_title_fr) == (first["title_fr"], first["short_title_fr"])
    assert not Action.objects.get(number=2).title_fr  # the French would translate another English text
    assert Action.objects.get(number=3).title_fr == "Notre texte"
    assert apps.get_model("assessments", "Indicator").objects.get().name_fr.startswith("Nombre de ménages")


def test_units_and_the_demo_source_label_read_in_the_reader_language_and_a_typed_unit_as_typed():
    with translation.override("fr"):
        assert stored_label("households") == "ménages"
        assert (
            stored_label("Illustrative value (demonstration data)") == "Valeur illustrative (données de démonstration)"
        )
        assert stored_label("tonnes of compost") == "tonnes of compost"
        assert stored_label("MAD per person per day") == "MAD par personne et par jour"
    with translation.override("en"):
        assert stored_label("households") == "households"


@pytest.mark.django_db
def test_a_value_shows_its_indicator_unit_and_demo_source_in_french():
    value = IndicatorValueFactory(
        indicator__unit="households", unit="", source_title="Illustrative value (demonstration data)"
    )

    with translation.override("fr"):
        assert (value.unit_label, value.source_label) == ("ménages", "Valeur illustrative (données de démonstration)")


@pytest.mark.parametrize(
    ("section", "model_name"),
    [
        ("categories", "Category"),
        ("actions", "RecommendedAction"),
        ("indicators", "Indicator"),
        ("letsfood_pillars", "Pillar"),
    ],
)
def test_every_text_of_the_reference_data_fits_its_column(section, model_name):
    """PostgreSQL refuses a text longer than its column where SQLite stores it: the data must fit both."""
    import json

    from django.apps import apps as django_apps

    from letsfood.management.commands.load_reference import REFERENCE_DIR

    model = django_apps.get_model("assessments", model_name)
    limits = {field.name: field.max_length for field in model._meta.get_fields() if getattr(field, "max_length", None)}
    too_long = [
        (item.get("number", item.get("code")), key, len(value))
        for item in json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))[section]
        for key, value in item.items()
        if isinstance(value, str) and key in limits and len(value) > limits[key]
    ]
    assert too_long == []
