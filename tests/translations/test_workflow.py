"""The team's translation workflow: language status in the admin, the missing page, the spreadsheet round trip."""

import io

import openpyxl
import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Category, Indicator
from core.spreadsheets import escape_formula
from tests.factories import CategoryFactory, IndicatorFactory, UserFactory
from translations import services
from translations.admin import TranslationStatusMixin


def _workbook(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]


def _rows(content: bytes) -> list[list]:
    return [list(row) for row in _workbook(content).iter_rows(values_only=True)]


def _xlsx(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _row_for(rows, key):
    header = rows[0]
    return next(dict(zip(header, row, strict=True)) for row in rows[1:] if row[0] == key)


@pytest.fixture
def indicator(db):
    return IndicatorFactory(name_en="Households", name_fr="Ménages", description_en="Share of households")


def test_every_translatable_model_admin_uses_the_status_mixin():
    for model, _fields in services.translatable_models():
        if model in admin.site._registry:
            assert isinstance(admin.site._registry[model], TranslationStatusMixin), model


def test_an_object_is_complete_in_a_language_only_when_every_written_field_is_written_in_it(indicator):
    status = services.language_status(indicator)
    assert status["en"] is True  # name and description written; method empty everywhere
    assert status["fr"] is False  # description missing
    indicator.description_fr = "Part des ménages"
    assert services.language_status(indicator)["fr"] is True


def test_admin_list_and_change_page_show_the_languages_complete(client, superuser, indicator):
    client.force_login(superuser)
    listing = client.get(reverse("admin:assessments_indicator_changelist"))
    assert "Languages complete" in listing.text or "Langues complètes" in listing.text
    assert 'title="complete"' in listing.text and "en&nbsp;✓" in listing.text and "fr&nbsp;✗" in listing.text
    page = client.get(reverse("admin:assessments_indicator_change", args=[indicator.pk]))
    assert page.status_code == 200
    assert "fr&nbsp;✗" in page.text


def test_missing_page_lists_objects_and_fields_empty_in_the_language_with_edit_links(client, team_member, indicator):
    client.force_login(team_member)
    page = client.get(reverse("translations:missing"), {"language": "fr"})
    assert page.status_code == 200
    edit = reverse("admin:assessments_indicator_change", args=[indicator.pk])
    assert f'href="{edit}"' in page.text
    entry = next(e for e in page.context["models"] if e.model is Indicator)
    assert [(item.pk, item.fields) for item in entry.objects] == [(indicator.pk, ["description"])]


def test_missing_page_refuses_an_unknown_language(client, team_member):
    client.force_login(team_member)
    assert client.get(reverse("translations:missing"), {"language": "xx"}).status_code == 400


def test_missing_page_makes_one_query_per_model_whatever_the_number_of_objects(team_member, indicator):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            services.missing_by_model("es")
        return len(captured)

    before = queries()
    IndicatorFactory.create_batch(5, name_en="More", name_fr="Plus")
    CategoryFactory.create_batch(3)
    assert queries() == before == len(services.translatable_models())


@pytest.mark.parametrize("view", ["translations:missing", "translations:export", "translations:import"])
def test_partner_and_student_are_refused_the_translation_pages(client, partner_a, student, view):
    for user in (partner_a, student):
        client.force_login(user)
        assert client.get(reverse(view)).status_code == 404


def test_visitor_is_sent_to_log_in(client):
    assert client.get(reverse("translations:missing")).status_code == 302


def test_export_has_one_row_per_object_field_and_one_column_per_language(client, team_member, indicator):
    client.force_login(team_member)
    response = client.get(reverse("translations:export"))
    rows = _rows(response.content)
    assert rows[0] == ["key", "object", "source_checksum", "fr", "en", "es", "ar", "vi", "fa"]
    name = _row_for(rows, f"assessments.indicator:{indicator.pk}:name")
    assert (name["fr"], name["en"], name["es"]) == ("Ménages", "Households", None)
    assert not any(row[0] == f"assessments.indicator:{indicator.pk}:method" for row in rows)  # empty everywhere


def test_export_escapes_a_text_a_spreadsheet_would_run_as_a_formula(db):
    evil = IndicatorFactory(name_en='=HYPERLINK("http://evil.example","x")')
    sheet = _workbook(services.translations_export())
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    cell = cells[f"assessments.indicator:{evil.pk}:name"][4]
    assert cell.data_type == "s" and cell.value == "'" + evil.name_en


def _edited_export(edit) -> bytes:
    rows = _rows(services.translations_export())
    for row in rows[1:]:
        edit(dict(zip(rows[0], range(len(row)), strict=True)), row)
    return _xlsx(rows)


def test_round_trip_saves_translations_and_keeps_a_formula_like_text_as_text(team_member, indicator):
    indicator.name_en = "=1+1 households"
    indicator.save()

    def edit(columns, row):
        if row[0] == f"assessments.indicator:{indicator.pk}:name":
            row[columns["es"]] = "Hogares"
            row[columns["fr"]] = escape_formula("=1+1 ménages")  # as a spreadsheet saves a text typed as text
        if row[0] == f"assessments.indicator:{indicator.pk}:description":
            row[columns["vi"]] = "Tỷ lệ hộ gia đình"

    changes = services.translations_import(content=_edited_export(edit), name="t.xlsx", user=team_member)
    indicator.refresh_from_db()
    assert (indicator.name_es, indicator.name_fr, indicator.description_vi) == (
        "Hogares",
        "=1+1 ménages",
        "Tỷ lệ hộ gia đình",
    )
    assert indicator.name_en == "=1+1 households"  # exported escaped, imported unchanged
    assert len(changes) == 3


def test_a_bad_row_rolls_back_every_row_and_each_error_is_listed(team_member, indicator):
    category = CategoryFactory(name_en="Governance", short_name_en="Gov")
    key = f"assessments.indicator:{indicator.pk}:name"
    rows = [
        ["key", "object", "source_checksum", "fr", "en", "es", "ar", "vi", "fa"],
        [key, "", services.checksum("Households"), "", "", "Hogares", "", "", ""],
        ["assessments.indicator:999999:name", "", "", "", "", "Nada", "", "", ""],
        [f"assessments.indicator:{indicator.pk}:code", "", "", "", "", "x", "", "", ""],
        [f"assessments.category:{category.pk}:short_name", "", "", "", "", "x" * 61, "", "", ""],
        [key, "", services.checksum("An older source text"), "", "", "Hogares", "", "", ""],
        ["nonsense", "", "", "", "", "x", "", "", ""],
    ]
    with pytest.raises(services.TranslationImportError) as raised:
        services.translations_import(content=_xlsx(rows), name="t.xlsx", user=team_member)
    assert [(row, column) for row, column, _message in raised.value.problems] == [
        (3, "key"),
        (4, "key"),
        (5, "es"),
        (6, "en"),
        (7, "key"),
    ]
    messages = " ".join(message for *_place, message in raised.value.problems)
    assert "999999" in messages and "at most 60" in messages and "source text changed" in messages
    indicator.refresh_from_db()
    assert not indicator.name_es
    assert not Category.objects.get(pk=category.pk).short_name_es


def test_import_page_previews_then_saves_on_confirmation(client, team_member, indicator):
    client.force_login(team_member)
    content = _xlsx(
        [
            ["key", "source_checksum", "es"],
            [f"assessments.indicator:{indicator.pk}:name", services.checksum("Households"), "Hogares"],
        ]
    )
    preview = client.post(reverse("translations:import"), {"file": SimpleUploadedFile("t.xlsx", content)})
    assert preview.status_code == 200 and "Hogares" in preview.text
    indicator.refresh_from_db()
    assert not indicator.name_es  # not before confirmation
    saved = client.post(reverse("translations:import"), {"token": preview.context["token"]})
    assert saved.status_code == 302
    indicator.refresh_from_db()
    assert indicator.name_es == "Hogares"


def test_import_page_answers_400_with_the_row_errors(client, team_member, indicator):
    client.force_login(team_member)
    content = _xlsx([["key", "source_checksum", "es"], ["assessments.indicator:999999:name", "", "x"]])
    response = client.post(reverse("translations:import"), {"file": SimpleUploadedFile("t.xlsx", content)})
    assert response.status_code == 400 and "999999" in response.text


def test_import_page_refuses_a_file_that_is_not_xlsx(client, team_member):
    client.force_login(team_member)
    response = client.post(reverse("translations:import"), {"file": SimpleUploadedFile("t.xlsx", b"not a workbook")})
    assert response.status_code == 400 and "XLSX" in response.text


def test_staff_without_the_change_permission_gets_a_row_error(indicator):
    clerk = UserFactory(username="clerk", is_staff=True)
    content = _xlsx([["key", "source_checksum", "es"], [f"assessments.indicator:{indicator.pk}:name", "", "x"]])
    with pytest.raises(services.TranslationImportError) as raised:
        services.translations_import(content=content, name="t.xlsx", user=clerk)
    assert raised.value.problems[0][:2] == (2, "key")
