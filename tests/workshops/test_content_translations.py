"""Texts that became translatable keep what existing rows held, as their English text."""

import pytest

from tests.migrating import migrate_to

BEFORE = [("workshops", "0004_ballot_key_and_openings")]
AFTER = [("workshops", "0005_content_translations")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_back_to_the_latest_migrations")
def test_existing_milestones_and_hazards_keep_their_text_as_english():
    apps = migrate_to(BEFORE)
    Scenario = apps.get_model("workshops", "Scenario")
    Scenario.objects.create(slug="flood", title="Flood", title_en="Flood", hazard="Flood")

    apps = migrate_to(AFTER)
    scenario = apps.get_model("workshops", "Scenario").objects.get()
    assert (scenario.hazard_en, scenario.hazard_fr) == ("Flood", None)
