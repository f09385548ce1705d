"""Databases loaded before the official wording was known get it by migration, without losing the team's edits."""

import pytest

from tests.migrating import migrate_to

pytestmark = pytest.mark.usefixtures("_back_to_the_latest_migrations")

FRAMEWORK_SOURCE_BEFORE = (
    "Milan Urban Food Policy Pact (signed 15 October 2015): 6 categories, 37 recommended actions (Framework for "
    "Action), and the FAO/RUAF/MUFPP Monitoring Framework (2019) of 44 indicators. Titles are short paraphrases, not "
    "the official wording. 'verified': true means checked against a stored public source named in 'source'. Only 10 "
    "of the 44 indicators could be read; the platform must let the team load and edit the rest (framework data is "
    "editable, versioned data, not code)."
)

BEFORE = [("assessments", "0003_recommendedaction_short_title")]
AFTER = [("assessments", "0004_recommendedaction_official_wording")]

OLD_TITLE_1 = (
    "Facilitate collaboration across city agencies and departments and align food-related policies and programmes "
    "across sectors and administrative levels (rights-based approach)"
)


@pytest.mark.django_db(transaction=True)
def test_the_migration_brings_the_official_wording_and_keeps_what_the_team_edited():
    apps = migrate_to(BEFORE)
    Framework = apps.get_model("assessments", "Framework")
    Category = apps.get_model("assessments", "Category")
    RecommendedAction = apps.get_model("assessments", "RecommendedAction")
    framework = Framework.objects.create(
        slug="mufpp-2019", name="MUFPP", name_en="MUFPP", version="2019", source=FRAMEWORK_SOURCE_BEFORE
    )
    governance = Category.objects.create(
        framework=framework, code="governance", order=1, name="Governance", name_en="Governance"
    )
    shipped = {"framework": framework, "category": governance, "verified": True}
    RecommendedAction.objects.create(number=1, title=OLD_TITLE_1, title_en=OLD_TITLE_1, **shipped)
    RecommendedAction.objects.create(number=3, title="Our own wording", title_en="Our own wording", **shipped)
    RecommendedAction.objects.create(
        number=34, title="Convene food system actors", title_en="Convene food system actors", **shipped
    )
    RecommendedAction.objects.create(
        number=35, title="Raise awareness", title_en="Raise awareness", title_fr="Notre texte", **shipped
    )

    apps = migrate_to(AFTER)
    RecommendedAction = apps.get_model("assessments", "RecommendedAction")
    first = RecommendedAction.objects.get(number=1)
    assert first.title_en.startswith("Facilitate collaboration across city agencies and departments and seek alignment")
    assert first.title == first.title_en
    assert first.short_title_en == OLD_TITLE_1
    edited = RecommendedAction.objects.get(number=3)
    assert edited.title_en == "Our own wording"
    assert not edited.short_title_en
    assert RecommendedAction.objects.get(number=34).title_fr.startswith("Réunir les principaux acteurs")
    assert RecommendedAction.objects.get(number=35).title_fr == "Notre texte"
    source = apps.get_model("assessments", "Framework").objects.get().source
    assert "must let the team" not in source
    assert source.startswith("Milan Urban Food Policy Pact")
