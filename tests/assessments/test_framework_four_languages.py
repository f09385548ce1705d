"""The framework in the partner cities' languages: the framework, its categories, its indicators and the Let's Food
pillars are named in Spanish, Arabic, Vietnamese and Persian, in new databases and, by a migration, in earlier ones."""

import io
import json
from importlib import import_module

import pytest
from django.core.management import call_command
from django.utils import translation

from assessments.models import Category, Framework, Indicator, Pillar, RecommendedAction
from letsfood.management.commands.load_reference import REFERENCE_DIR
from tests.migrating import migrate_to

LANGUAGES = ("es", "ar", "vi", "fa")
BEFORE = [("assessments", "0009_merge_french_texts_and_language_columns")]
AFTER = [("assessments", "0010_framework_names_in_four_languages")]
NAMES = import_module("assessments.migrations.0010_framework_names_in_four_languages")


def reference() -> dict:
    return json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_database_names_the_framework_in_each_partner_language(language):
    call_command("load_reference", stdout=io.StringIO())

    for model in (Category, Indicator, Pillar):
        assert not model.objects.filter(**{f"name_{language}__in": ["", None]}).exists(), model.__name__
    assert not Category.objects.filter(**{f"short_name_{language}__in": ["", None]}).exists()
    assert not RecommendedAction.objects.filter(**{f"short_title_{language}__in": ["", None]}).exists()
    with translation.override(language):
        framework = Framework.objects.get(slug="mufpp-2019")
        assert framework.name == NAMES.FRAMEWORK[f"name_{language}"]
        assert framework.description == NAMES.FRAMEWORK[f"description_{language}"]
        waste = Category.objects.get(code="food_waste")
        assert str(waste) == waste.short_name == NAMES.CATEGORIES["food_waste"][f"short_name_{language}"]


@pytest.mark.parametrize(
    ("language", "category", "indicator"),
    [
        ("es", "Desperdicio de alimentos", "Número de hogares que viven en «desiertos alimentarios»"),
        ("ar", "هدر الغذاء", "عدد الأسر التي تعيش في «صحارى غذائية»"),
        ("vi", "Lãng phí thực phẩm", "Số hộ gia đình sống trong các “sa mạc thực phẩm”"),
        ("fa", "ضایعات غذایی", "شمار خانوارهایی که در «بیابان‌های غذایی» زندگی می‌کنند"),
    ],
)
def test_the_framework_page_reads_in_the_partner_language_without_the_untranslated_mark(
    client, reference_data, language, category, indicator
):
    page = client.get(f"/{language}/framework/").content.decode()

    assert category in page and indicator in page
    assert f'<span class="untranslated" lang="en">{Category.objects.get(code="food_waste").name_en}' not in page


def test_the_migration_matches_the_reference_data():
    data = reference()
    assert {
        item["code"]: {
            f"{field}_{code}": item[f"{field}_{code}"] for field in ("name", "short_name") for code in LANGUAGES
        }
        for item in data["categories"]
    } == NAMES.CATEGORIES
    assert {
        f"mufpp-{item['number']:02d}": {f"name_{code}": item[f"name_{code}"] for code in LANGUAGES}
        for item in data["indicators"]
    } == NAMES.INDICATORS
    assert len(NAMES.PILLARS) == len(data["letsfood_pillars"])
    assert {
        item["number"]: {f"short_title_{code}": item[f"short_title_{code}"] for code in LANGUAGES}
        for item in data["actions"]
    } == NAMES.ACTIONS


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_back_to_the_latest_migrations")
def test_the_migration_names_an_earlier_database_and_keeps_what_the_team_wrote():
    apps = migrate_to(BEFORE)
    Framework_ = apps.get_model("assessments", "Framework")
    Category_ = apps.get_model("assessments", "Category")
    Indicator_ = apps.get_model("assessments", "Indicator")
    framework = Framework_.objects.create(slug="mufpp-2019", name="MUFPP", name_en="MUFPP", version="2019")
    Category_.objects.create(framework=framework, code="food_waste", order=6, name_en="Food Waste")
    governance = Category_.objects.create(
        framework=framework, code="governance", order=1, name_en="Governance", name_es="Nuestra gobernanza"
    )
    Indicator_.objects.create(framework=framework, category=governance, code="mufpp-08", number=8, name_en="Households")
    apps.get_model("assessments", "RecommendedAction").objects.create(
        framework=framework, category=governance, number=35, title_en="Raise awareness", short_title_en="Awareness"
    )

    apps = migrate_to(AFTER)
    Category_ = apps.get_model("assessments", "Category")
    waste = Category_.objects.get(code="food_waste")
    assert (waste.name_fa, waste.short_name_vi) == ("ضایعات غذایی", "Lãng phí thực phẩm")
    assert Category_.objects.get(code="governance").name_es == "Nuestra gobernanza"  # the team's own, kept
    assert Category_.objects.get(code="governance").name_ar == "الحوكمة"
    indicator = apps.get_model("assessments", "Indicator").objects.get()
    assert indicator.name_es == "Número de hogares que viven en «desiertos alimentarios»"
    assert apps.get_model("assessments", "Framework").objects.get().name_fa == "چارچوب پایش پیمان میلان"
    action = apps.get_model("assessments", "RecommendedAction").objects.get()
    assert (
        action.short_title_vi
        == "Nâng cao nhận thức về thất thoát và lãng phí lương thực qua các sự kiện và chiến dịch có mục tiêu"
    )
