"""Spreadsheet headers in the reader's language: a French team member exports a file with French headers and
imports it back; a file with the headers of any of the six languages, or the English keys, imports the same."""

import io

import openpyxl
import pytest
import tablib
from django.conf import settings
from django.utils import translation
from django.utils.html import escape

from assessments.columns import LABELS, column_keys, column_label
from assessments.models import IndicatorValue
from assessments.resources import IndicatorValueResource

from .test_import_limits import (
    GOOD_ROWS,
    IMPORT_URL,
    long_file_limit,
    problems,
    sfax_draft,
    student_client,
    upload,
    upload_long,
)

pytestmark = pytest.mark.django_db
__all__ = ["long_file_limit", "sfax_draft", "student_client"]  # fixtures, used by name

KEYS = ["assessment", "indicator", "value", "no_data", "reference_year", "source_title"]


def headers_in(language: str) -> list[str]:
    with translation.override(language):
        return [column_label(key) for key in KEYS]


def test_english_headers_are_the_file_format_keys_and_french_ones_are_words():
    assert headers_in("en") == KEYS
    assert headers_in("fr") == [
        "diagnostic",
        "indicateur",
        "valeur",
        "pas de donnée",
        "année de référence",
        "titre de la source",
    ]
    with translation.override("fr"):
        assert column_label("name_en") == "nom (en)"
        assert column_label("title_fa") == "titre (fa)"
    with translation.override("en"):
        assert column_label("name_en") == "name_en"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "vi", "fa"])
def test_every_language_has_a_header_for_every_column_and_each_reads_back_as_its_key(language):
    with translation.override(language):
        labels = [column_label(key) for key in LABELS]
    assert len(set(labels)) == len(labels)  # no two columns share a header
    assert column_keys([f"  {label.upper()} " for label in labels]) == list(LABELS)  # case and spaces do not matter


def test_unknown_headers_and_empty_cells_are_left_as_they_are():
    assert column_keys(["commentaire libre", None, "valeur"]) == ["commentaire libre", None, "value"]


@pytest.mark.parametrize("language", ["fr", "fa"])
def test_a_file_with_headers_in_the_readers_language_imports(sfax_draft, student, language):
    rows = [line.split(",") for line in GOOD_ROWS.replace('"35,5"', "35.5").splitlines()]
    dataset = tablib.Dataset(*rows, headers=headers_in(language))

    result = IndicatorValueResource().import_data(dataset, dry_run=False, user=student)

    assert not result.has_errors() and not result.has_validation_errors()
    assert IndicatorValue.objects.filter(assessment=sfax_draft).count() == 3


def test_a_french_export_has_french_headers_and_imports_back_unchanged(sfax_draft, student):
    IndicatorValueResource().import_data(
        tablib.Dataset(*[line.split(",") for line in GOOD_ROWS.replace('"35,5"', "35.5").splitlines()], headers=KEYS),
        dry_run=False,
        user=student,
    )
    with translation.override("fr"):
        exported = IndicatorValueResource().export().xlsx
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["diagnostic", "indicateur", "nom de l'indicateur", "valeur"]
    assert "données de démonstration" in header

    result = IndicatorValueResource().import_data(
        tablib.Dataset().load(exported, format="xlsx"), dry_run=False, user=student
    )

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 3


def test_the_admin_lists_the_columns_and_a_problem_by_their_french_headers(sfax_draft, student_client):
    student_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"  # as the login of a user who reads French sets it

    page = student_client.get(IMPORT_URL)
    assert escape("nom de l'indicateur") in page.text and "année de référence" in page.text

    french = ",".join(headers_in("fr")) + "\n" + "sfax-2019,mufpp-12,140,,2019,Enquête\n"
    response = upload(student_client, french.encode())
    assert [(row, column) for row, column, _ in problems(response)] == [("2", "valeur")]


def test_a_long_file_imported_by_a_worker_reports_in_the_importers_language(
    sfax_draft, student, student_client, long_file_limit, django_capture_on_commit_callbacks
):
    student.language = "fr"
    student.save()
    content = ",".join(KEYS) + "\n" + GOOD_ROWS + "sfax-2019,mufpp-12,140,,2019,Enquête\n"

    response = upload_long(student_client, content.encode(), django_capture_on_commit_callbacks)

    found = problems(student_client.get(response["Location"]))
    assert [(row, column) for row, column, _ in found] == [("5", "valeur")]
    assert "entre 0 et 100" in found[0][2]  # the reason, in French too
