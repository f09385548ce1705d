"""Every model change ships with its migration."""

import io
from importlib import import_module

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    output = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit:
        pytest.fail(f"A model change has no migration; run makemigrations:\n{output.getvalue()}")
    assert "No changes detected" in output.getvalue()


# Each migration of the platform that writes data, and where the tests get that data from. A transactional test
# empties every table when it ends (and --reuse-db keeps that emptied database for the next run): tests never assume
# that what a migration wrote is still there.
DATA_MIGRATIONS = {
    ("newsletter", "0002_consent_text_v1"): "the consent_text fixture (tests/conftest.py) runs it again",
    ("cities", "0003_city_timezone"): "none needed: it updates the reference cities, which tests load themselves",
    ("assessments", "0004_recommendedaction_official_wording"): (
        "none needed: it updates the reference framework, which tests load themselves"
    ),
    ("assessments", "0008_framework_french_texts"): (
        "none needed: it updates the reference framework, which tests load themselves"
    ),
    ("assessments", "0010_framework_names_in_four_languages"): (
        "none needed: it updates the reference framework, which tests load themselves"
    ),
    ("workshops", "0005_content_translations"): "none needed: it copies existing texts to their English column",
    ("experiments", "0002_content_translations"): "none needed: it copies existing texts to their English column",
    ("letsfood", "0002_report_files_private_storage"): "none needed: it moves existing report files, seeds nothing",
    ("assessments", "0006_no_data_provenance_and_framework_citation"): (
        "none needed: it empties fields of 'no data' rows and updates the reference framework, seeds nothing"
    ),
    ("reports", "0002_report_content_type"): "none needed: it relabels an existing content type, seeds nothing",
}


def data_migrations_of_the_platform() -> set[tuple[str, str]]:
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython, RunSQL

    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {
        key
        for key, migration in loader.disk_migrations.items()
        if "site-packages" not in apps.get_app_config(key[0]).path  # the platform's apps, not installed packages
        and any(isinstance(operation, RunPython | RunSQL) for operation in migration.operations)
    }


def test_every_data_migration_says_where_the_tests_get_its_data():
    unlisted = data_migrations_of_the_platform() - DATA_MIGRATIONS.keys()

    assert not unlisted, f"List these in DATA_MIGRATIONS, their data re-created by a fixture: {unlisted}"


def test_the_platform_has_data_migrations_for_the_guard_to_find():
    assert ("newsletter", "0002_consent_text_v1") in data_migrations_of_the_platform()


@pytest.mark.django_db
def test_the_consent_text_fixture_puts_back_the_text_an_emptied_database_lost(request):
    from newsletter.models import ConsentText

    ConsentText.objects.all().delete()  # as after a transactional test
    consent_text = request.getfixturevalue("consent_text")

    seeded = import_module("newsletter.migrations.0002_consent_text_v1")
    assert (consent_text.version, consent_text.text_en, consent_text.text_fr) == (1, seeded.TEXT_EN, seeded.TEXT_FR)
