"""Spreadsheet formula injection: a text a student writes never becomes a live formula in an export (CSV or XLSX)."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client

from assessments.admin import SPREADSHEET_FORMATS
from assessments.models import Indicator, IndicatorValue, Initiative
from assessments.resources import IndicatorResource, IndicatorValueResource, InitiativeResource
from core.spreadsheets import escape_formula
from newsletter.models import Subscriber
from tests.dashboards.data import duo_with_data
from tests.factories import SubscriberFactory

FORMULA = '=HYPERLINK("http://x","y")'
OTHER_TRIGGERS = ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def planted(db):
    """A published duo whose texts a student (or a partner) can write hold formulas: units, notes, text values,
    initiative titles."""
    duo = duo_with_data(name="evil", editions=1, indicators=6, initiatives=2)
    values = list(IndicatorValue.objects.order_by("pk"))
    for n, value in enumerate(values):
        value.unit = FORMULA
        value.note = OTHER_TRIGGERS[n % len(OTHER_TRIGGERS)]
        value.source_title = FORMULA
    IndicatorValue.objects.bulk_update(values, ["unit", "note", "source_title"])
    Indicator.objects.update(name_en=FORMULA)
    Initiative.objects.update(title_en=FORMULA, description_en="@cmd")
    return duo


def is_dangerous(text) -> bool:
    return isinstance(text, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _plain_number(text)


def _plain_number(text: str) -> bool:
    try:
        float(text.replace(",", ".").removesuffix(" %"))
    except ValueError:
        return False
    return True


def test_the_public_duo_comparison_csv_has_no_formula_cell(client, planted):
    """Guards defect 3: the public comparison CSV wrote a planted `=HYPERLINK(…)` unit unchanged."""
    response = client.get(f"/en/duos/{planted.slug}/dashboard/comparison.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert response.status_code == 200
    assert f"'{FORMULA}" in cells
    assert [cell for cell in cells if is_dangerous(cell)] == []


@pytest.mark.parametrize("resource", [IndicatorValueResource, InitiativeResource, IndicatorResource])
def test_the_admin_xlsx_exports_have_no_formula_cell(planted, resource):
    """Guards defect 3: XLSX exports turned a text starting with `=` into a live formula (17 cells in one export)."""
    [xlsx] = [fmt() for fmt in SPREADSHEET_FORMATS if fmt().get_extension() == "xlsx"]

    book = openpyxl.load_workbook(io.BytesIO(xlsx.export_data(resource().export())))

    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert [cell.value for cell in cells if is_dangerous(cell.value)] == []
    assert f"'{FORMULA}" in [cell.value for cell in cells]


def test_the_admin_xlsx_export_leaves_numbers_and_plain_texts_as_they_were(planted):
    value = IndicatorValue.objects.order_by("pk").first()
    IndicatorValue.objects.filter(pk=value.pk).update(value_number=Decimal("-3.5"))
    dataset = IndicatorValueResource().export()
    [xlsx] = [fmt() for fmt in SPREADSHEET_FORMATS if fmt().get_extension() == "xlsx"]

    book = openpyxl.load_workbook(io.BytesIO(xlsx.export_data(dataset)))

    exported = [[cell.value for cell in row] for row in book.active.iter_rows(min_row=2)]
    for raw_row, row in zip(dataset, exported, strict=True):
        for raw, cell in zip(raw_row, row, strict=True):
            expected = f"'{raw}" if is_dangerous(raw) else raw if raw != "" else None
            # XML reads a carriage return back as a line feed.
            assert cell == expected
    assert "-3.5" in [row[dataset.headers.index("value")] for row in exported]


@pytest.mark.parametrize("resource", [IndicatorValueResource, InitiativeResource])
def test_the_admin_csv_exports_have_no_formula_cell(planted, resource):
    """Guards defect 3: CSV exports wrote texts starting with `=`, `+`, `-` or `@` unchanged."""
    [csv_format] = [fmt() for fmt in SPREADSHEET_FORMATS if fmt().get_extension() == "csv"]

    text = csv_format.export_data(resource().export())

    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert [cell for cell in cells if is_dangerous(cell)] == []


def test_the_newsletter_subscriber_export_has_no_formula_cell(db, team_member):
    """Guards defect 3: an address such as `=1+1@example.org` is valid, and went unchanged into the admin's CSV."""
    team_member.is_superuser = True
    team_member.save()
    SubscriberFactory(email="=1+1@example.org", state=Subscriber.State.SUBSCRIBED)
    client = Client()
    client.force_login(team_member)

    response = client.post(
        "/admin/newsletter/subscriber/",
        {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": ["1"]},
    )

    text = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=1+1@example.org" in cells
    assert [cell for cell in cells if is_dangerous(cell)] == []


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        (FORMULA, "'" + FORMULA),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Lyon", "Lyon"),
        ("", ""),
        ("-3.5", "-3.5"),
        ("57,3 %", "57,3 %"),
        (-3, -3),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_escape_formula_prefixes_texts_that_start_a_formula_and_leaves_numbers_alone(value, escaped):
    assert escape_formula(value) == escaped
