"""Bounded spreadsheet imports: size and row limits checked before parsing, encodings read or named, rows with extra
cells reported on their own, and long files imported by a worker with a status page."""

import codecs
import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from import_export.formats.base_formats import CSV, XLSX

from assessments import imports
from assessments.models import Framework, IndicatorValue
from assessments.resources import IndicatorValueResource
from assessments.services import MUFPP_SLUG, assessment_categories_ensure
from cities.models import City
from tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:assessments_indicatorvalue_import")
HEADER = "assessment,indicator,value,no_data,reference_year,source_title\n"
GOOD_ROWS = (
    'sfax-2019,mufpp-07,"35,5",,2019,Enquête régionale\n'
    "sfax-2019,mufpp-01,yes,,2020,Délibération du conseil\n"
    "sfax-2019,mufpp-08,,yes,,\n"
)


@pytest.fixture
def sfax_draft(reference_data, student):
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    assessment = AssessmentFactory(city=City.objects.get(slug="sfax"), framework=framework, year=2019)
    assessment_categories_ensure(assessment=assessment)
    return assessment


@pytest.fixture
def student_client(client, student):
    student.is_staff = True
    student.save()
    client.force_login(student)
    return client


@pytest.fixture
def parser_watch(monkeypatch):
    """Record every file django-import-export parses (the checks must refuse a file before any)."""
    parsed = []
    for format_class in (CSV, XLSX):
        original = format_class.create_dataset

        def create_dataset(self, in_stream, _original=original, **kwargs):
            parsed.append(type(self).__name__)
            return _original(self, in_stream, **kwargs)

        monkeypatch.setattr(format_class, "create_dataset", create_dataset)
    return parsed


def format_choice(client, title: str) -> str:
    form = client.get(IMPORT_URL).context["form"]
    return next(value for value, label in form.fields["format"].choices if label == title)


def upload(client, content: bytes, *, name="values.csv", title="csv"):
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(IMPORT_URL, {"import_file": file, "format": format_choice(client, title)})


def confirm(client, preview):
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', preview.text))
    hidden.pop("csrfmiddlewaretoken", None)
    return client.post(reverse("admin:assessments_indicatorvalue_process_import"), hidden)


def form_errors(response) -> list[str]:
    return response.context["form"].errors.get("import_file", [])


def problems(response) -> list[tuple[str, str, str]]:
    return re.findall(r'<tr class="import-problem"><td>(\d+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>', response.text)


def saved_sources() -> dict[str, str]:
    return dict(IndicatorValue.objects.values_list("indicator__code", "source_title"))


# Limits, before parsing


def test_a_20_mb_csv_is_refused_before_it_is_parsed_with_the_limit_named(
    sfax_draft, student_client, parser_watch, tmp_path
):
    path = tmp_path / "huge.csv"
    row = GOOD_ROWS.splitlines()[1] + "\n"
    with path.open("w", encoding="utf-8") as file:
        file.write(HEADER)
        file.write(row * (20 * 1024 * 1024 // len(row)))
    assert path.stat().st_size > 19 * 1024 * 1024

    with path.open("rb") as file:
        response = student_client.post(
            IMPORT_URL, {"import_file": file, "format": format_choice(student_client, "csv")}
        )

    assert response.status_code == 200
    [error] = form_errors(response)
    assert "files of at most 5 MB can be imported" in error
    assert parser_watch == []
    assert not IndicatorValue.objects.exists()


def test_the_size_limit_is_a_setting(sfax_draft, student_client, settings, parser_watch):
    settings.IMPORT_MAX_UPLOAD_MB = 0

    response = upload(student_client, (HEADER + GOOD_ROWS).encode())

    assert "files of at most 0 MB" in form_errors(response)[0]


def test_a_csv_of_more_rows_than_the_limit_is_refused_before_it_is_parsed(sfax_draft, student_client, parser_watch):
    content = HEADER + "sfax-2019,mufpp-01,yes,,2020,Council\n" * 5001

    response = upload(student_client, content.encode())

    assert form_errors(response) == [
        "The file has 5001 rows; at most 5000 rows can be imported at once. Split it into smaller files."
    ]
    assert parser_watch == []


def test_an_xlsx_workbook_of_more_rows_than_the_limit_is_refused_before_it_is_parsed(
    sfax_draft, student_client, settings, parser_watch
):
    settings.IMPORT_MAX_ROWS = 3
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER.strip().split(","))
    for _ in range(4):
        workbook.active.append(["sfax-2019", "mufpp-01", "yes", "", 2020, "Council"])
    content = io.BytesIO()
    workbook.save(content)

    response = upload(student_client, content.getvalue(), name="values.xlsx", title="xlsx")

    assert "The file has 4 rows; at most 3 rows" in form_errors(response)[0]
    assert parser_watch == []


def test_a_file_that_is_not_a_workbook_is_refused_with_a_clear_message(sfax_draft, student_client):
    response = upload(student_client, b"not a workbook", name="values.xlsx", title="xlsx")

    assert form_errors(response) == ["The file is not a readable XLSX workbook."]


# Encodings


@pytest.mark.parametrize(
    "encoding",
    ["latin-1", "cp1252", "utf-8", "utf-8-sig", "utf-16", "utf-16-le"],
)
def test_a_csv_in_a_usual_encoding_is_previewed_and_imported_with_its_accents(sfax_draft, student_client, encoding):
    content = (HEADER + GOOD_ROWS).encode(encoding)

    preview = upload(student_client, content)

    assert preview.status_code == 200
    assert "Enquête régionale" in preview.text
    assert confirm(student_client, preview).status_code == 302
    assert saved_sources()["mufpp-07"] == "Enquête régionale"
    assert saved_sources()["mufpp-01"] == "Délibération du conseil"


def test_windows_1252_punctuation_survives_the_import(sfax_draft, student_client):
    content = (HEADER + "sfax-2019,mufpp-01,yes,,2020,L’enquête – 2020 €\n").encode("cp1252")

    confirm(student_client, upload(student_client, content))

    assert saved_sources()["mufpp-01"] == "L’enquête – 2020 €"


def test_a_broken_utf_16_file_gets_an_error_naming_its_encoding_not_a_decode_error(sfax_draft, student_client):
    response = upload(student_client, codecs.BOM_UTF16_LE + "assessment,indicator".encode("utf-16-le") + b"\x00")

    assert form_errors(response) == ["The file starts as UTF-16 but is not valid UTF-16 text."]


def test_binary_content_gets_an_error_naming_the_encodings_understood(sfax_draft, student_client):
    response = upload(student_client, b"\x00\xd8\x00\x00" * 50)

    assert "not text in UTF-8, UTF-16, Windows-1252 or Latin-1" in form_errors(response)[0]


# Rows with extra cells


def test_a_row_with_extra_cells_gets_its_own_error_and_the_other_rows_keep_theirs(sfax_draft, student_client):
    content = HEADER + (
        "sfax-2019,mufpp-12,140,,2019,Survey\n"
        "sfax-2019,mufpp-07,35,5,,2019,Survey\n"  # an unquoted decimal comma: one cell too many
        "sfax-2019,mufpp-13,-3,,2019,Survey\n"
        "sfax-2019,mufpp-01,yes,,2020,Council\n"
    )

    response = upload(student_client, content.encode())

    assert response.status_code == 200
    found = problems(response)
    assert [(row, column) for row, column, _ in found] == [("2", "value"), ("3", "—"), ("4", "value")]
    assert "This row has 7 cells but the header has 6 columns (extra: Survey)" in found[1][2]
    assert "decimal comma" in found[1][2]
    assert 'name="import_file_name"' not in response.text
    assert not IndicatorValue.objects.exists()


def test_empty_cells_after_the_last_column_and_short_rows_are_not_errors(sfax_draft, student_client):
    content = HEADER + "sfax-2019,mufpp-01,yes,,2020,Council,,\nsfax-2019,mufpp-08,,yes\n"

    preview = upload(student_client, content.encode())

    assert problems(preview) == []
    assert confirm(student_client, preview).status_code == 302
    assert set(saved_sources()) == {"mufpp-01", "mufpp-08"}


def test_a_workbook_row_with_a_value_right_of_the_header_gets_its_own_error(sfax_draft, student_client):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER.strip().split(","))
    workbook.active.append(["sfax-2019", "mufpp-01", "yes", "", 2020, "Council", "stray"])
    workbook.active.append(["sfax-2019", "mufpp-12", "140", "", 2019, "Survey"])
    content = io.BytesIO()
    workbook.save(content)

    response = upload(student_client, content.getvalue(), name="values.xlsx", title="xlsx")

    found = problems(response)
    assert [(row, column) for row, column, _ in found] == [("2", "—"), ("3", "value")]
    assert "a value (stray) in a column without a header" in found[0][2]
    assert not IndicatorValue.objects.exists()


# Long files: imported by a worker, followed on a status page


@pytest.fixture
def long_file_limit(settings, tasks_in_process):
    settings.IMPORT_PREVIEW_MAX_ROWS = 2  # the three rows of GOOD_ROWS make a "long" file


def upload_long(client, content: bytes, capture):
    with capture(execute=True):
        return upload(client, content)


def test_a_long_file_is_imported_by_a_worker_and_its_status_page_shows_the_outcome(
    sfax_draft, student_client, student, long_file_limit, django_capture_on_commit_callbacks
):
    response = upload_long(student_client, (HEADER + GOOD_ROWS).encode("latin-1"), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert re.fullmatch(r"/admin/assessments/indicatorvalue/import/[0-9a-f]{32}/", response["Location"])
    assert saved_sources()["mufpp-07"] == "Enquête régionale"
    value = IndicatorValue.objects.get(indicator__code="mufpp-07")
    assert value.history.first().history_user == student
    page = student_client.get(response["Location"])
    assert page.status_code == 200
    assert "Imported: 3 new, 0 updated, 0 unchanged." in page.text
    assert 'http-equiv="refresh"' not in page.text


def test_a_long_file_with_a_bad_row_saves_nothing_and_lists_the_problems(
    sfax_draft, student_client, long_file_limit, django_capture_on_commit_callbacks
):
    content = HEADER + GOOD_ROWS + "sfax-2019,mufpp-12,140,,2019,Survey\nsfax-2019,mufpp-13,1,2,3,4,5\n"

    response = upload_long(student_client, content.encode(), django_capture_on_commit_callbacks)

    page = student_client.get(response["Location"])
    assert not IndicatorValue.objects.exists()
    assert "nothing was imported" in page.text
    found = problems(page)
    assert [(row, column) for row, column, _ in found] == [("5", "value"), ("6", "—")]
    assert "between 0 and 100" in found[0][2]


def test_the_status_page_of_a_queued_import_shows_its_progress_and_refreshes_itself(
    sfax_draft, student_client, long_file_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the worker has not started yet
        response = upload(student_client, (HEADER + GOOD_ROWS).encode())

    page = student_client.get(response["Location"])

    assert '<meta http-equiv="refresh" content="2">' in page.text
    assert "0 of 3 rows checked" in page.text
    assert '<progress id="import-progress" max="100" value="0">' in page.text
    assert not IndicatorValue.objects.exists()


def test_only_the_author_of_an_import_sees_its_status_page(
    sfax_draft, student_client, team_member, long_file_limit, django_capture_on_commit_callbacks
):
    response = upload_long(student_client, (HEADER + GOOD_ROWS).encode(), django_capture_on_commit_callbacks)
    other = Client()
    other.force_login(team_member)

    assert other.get(response["Location"]).status_code == 404
    assert student_client.get(IMPORT_URL + "0123456789abcdef0123456789abcdef/").status_code == 404


def test_running_a_finished_import_again_changes_nothing(
    sfax_draft, student_client, long_file_limit, django_capture_on_commit_callbacks
):
    response = upload_long(student_client, (HEADER + GOOD_ROWS).encode(), django_capture_on_commit_callbacks)
    job_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
    history = IndicatorValue.history.count()

    imports.import_job_run(job_id=job_id)  # a task delivered twice

    assert IndicatorValue.history.count() == history
    assert imports.import_job_get(job_id)["totals"]["new"] == 3


def test_the_import_reports_its_progress_row_by_row(sfax_draft, student):
    from tablib import Dataset

    rows = [line.split(",") for line in ["sfax-2019,mufpp-01,yes,,2020,C", "sfax-2019,mufpp-08,,yes,,"]]
    resource = IndicatorValueResource()
    seen = []
    resource.progress = seen.append

    resource.import_data(Dataset(*rows, headers=HEADER.strip().split(",")), dry_run=False, user=student)

    assert seen == [1, 2]


def test_a_worker_import_whose_author_is_gone_fails_cleanly(
    sfax_draft, student_client, student, long_file_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = upload(student_client, (HEADER + GOOD_ROWS).encode())
    job_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
    get_user_model().objects.filter(pk=student.pk).delete()

    with pytest.raises(get_user_model().DoesNotExist):
        imports.import_job_run(job_id=job_id)

    assert imports.import_job_get(job_id)["state"] == "failed"
    assert not IndicatorValue.objects.exists()


def test_a_long_workbook_is_imported_by_a_worker_too(
    sfax_draft, student_client, long_file_limit, django_capture_on_commit_callbacks
):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER.strip().split(","))
    for code, value, no_data in (("mufpp-01", "yes", ""), ("mufpp-07", 35.5, ""), ("mufpp-08", "", "yes")):
        workbook.active.append(["sfax-2019", code, value, no_data, 2020, "Délibération"])
    content = io.BytesIO()
    workbook.save(content)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(student_client, content.getvalue(), name="values.xlsx", title="xlsx")

    assert "Imported: 3 new" in student_client.get(response["Location"]).text
    assert set(saved_sources().values()) == {"Délibération"}
