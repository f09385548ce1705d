"""The open-data package: valid against the Data Package standard, fully described, public data only."""

import re
import zipfile
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from frictionless import Package
from openpyxl import load_workbook

from assessments.models import Assessment
from opendata.dictionary import RESOURCES
from opendata.services import package_build, package_tables
from tests.factories import CityFactory, DuoFactory, FrameworkFactory, InfrastructureFactory, PartnerCityFactory

from .world import (
    DRAFT,
    PRIVATE,
    package_csv,
    package_descriptor,
    package_texts,
    plan_of,
    private_things,
    published_assessment,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    return FrameworkFactory(slug="mufpp-2019", name_en="MUFPP Monitoring Framework", name_fr="Cadre de suivi")


@pytest.fixture
def world(duo_a, framework):
    published_assessment(duo_a.french_city, framework=framework, year=2019, value=Decimal("1234567.5"))
    plan_of(duo_a)
    return duo_a


def test_package_validates_with_frictionless_including_keys(world, tmp_path):
    zip_path = package_build(directory=tmp_path / "out")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp_path / "package")

    report = Package(str(tmp_path / "package" / "datapackage.json")).validate()

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {task.name for task in report.tasks} == {resource.name for resource in RESOURCES}
    assert all(task.stats["rows"] >= 1 for task in report.tasks)  # every resource holds data in this world


def test_every_column_of_every_resource_is_described_in_english_and_french(world, tmp_path):
    zip_path = package_build(directory=tmp_path)
    descriptor = package_descriptor(zip_path)
    tables = package_tables()

    assert descriptor["licenses"][0]["name"] == "ODbL-1.0"
    for resource in descriptor["resources"]:
        names = [field["name"] for field in resource["schema"]["fields"]]
        assert list(package_csv(zip_path, resource["name"])[0]) == names
        assert set(tables[resource["name"]][0]) == set(names), resource["name"]
        assert resource["sources"] and resource["licenses"] and resource["description_fr"]
        for field in resource["schema"]["fields"]:
            assert field["description"].strip() and field["description_fr"].strip(), (resource["name"], field)


def test_numbers_are_plain_numbers_whatever_the_language(world, tmp_path):
    with translation.override("fr"):
        zip_path = package_build(directory=tmp_path)

    values = package_csv(zip_path, "indicator_values")
    assert values[0]["value_number"] == "1234567.5"
    assert values[0]["unit"] == "kg/person/year"
    assert package_csv(zip_path, "actions")[0]["budget"] == "15000"
    plain = re.compile(r"^-?\d+(\.\d+)?$")
    for resource in package_descriptor(zip_path)["resources"]:
        numeric = [f["name"] for f in resource["schema"]["fields"] if f["type"] in {"number", "integer", "year"}]
        for row in package_csv(zip_path, resource["name"]):
            for name in numeric:
                assert row[name] == "" or plain.match(row[name]), (resource["name"], name, row[name])


def test_dates_are_iso_and_times_utc(world, tmp_path):
    zip_path = package_build(directory=tmp_path)

    assert package_csv(zip_path, "milestones")[0]["due"] == "2026-06-01"
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", package_csv(zip_path, "assessments")[0]["published_at"])


def test_no_draft_private_field_or_private_duo_note_appears_in_any_file(world, framework, tmp_path):
    private_things(world, framework=framework)
    hidden_city = PartnerCityFactory(name_en=f"{PRIVATE} unpublished city", is_published=False)
    DuoFactory(french_city=CityFactory(), partner_city=hidden_city, is_published=True)

    zip_path = package_build(directory=tmp_path)

    texts = package_texts(zip_path)
    assert len(texts) > len(RESOURCES) + 2  # the zip's CSVs and descriptor, the workbook's parts, the GeoJSON
    for name, text in texts.items():
        assert PRIVATE not in text, name
        assert DRAFT not in text, name
        assert "private@example.org" not in text, name
    # The public parts next to them are there: the test would see a leak.
    assert "Public title" in texts[".zip:data/actions.csv"]
    assert "School canteens source locally" in texts[".zip:data/actions.csv"]


def test_a_draft_assessment_enters_the_next_build_once_published(world, framework, tmp_path):
    draft = private_things(world, framework=framework)
    before = package_build(directory=tmp_path / "before")
    assert draft.slug not in {row["slug"] for row in package_csv(before, "assessments")}

    draft.status = Assessment.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save()
    after = package_build(directory=tmp_path / "after")

    assert draft.slug in {row["slug"] for row in package_csv(after, "assessments")}
    assert draft.slug in {row["assessment"] for row in package_csv(after, "indicator_values")}


def test_no_data_rows_carry_no_value_unit_year_or_confidence(world, framework, tmp_path):
    assessment = Assessment.objects.get()
    from tests.factories import IndicatorValueFactory

    IndicatorValueFactory(
        assessment=assessment,
        indicator__category__framework=framework,
        indicator__unit="%",
        no_data=True,
        value_number=None,
        reference_year=2020,
        confidence="high",
    )

    rows = package_csv(package_build(directory=tmp_path), "indicator_values")

    empty = [row for row in rows if row["no_data"] == "true"]
    assert len(empty) == 1
    assert empty[0]["value_number"] == empty[0]["unit"] == empty[0]["reference_year"] == empty[0]["confidence"] == ""


def test_spreadsheet_text_that_looks_like_a_formula_stays_text(world, tmp_path):
    formula = '=HYPERLINK("http://example.org","click")'
    InfrastructureFactory(city=world.partner_city, kind="market", name=formula, owner="+33 1 23 45 67 89")

    zip_path = package_build(directory=tmp_path)

    sheet = load_workbook(zip_path.with_suffix(".xlsx"))["infrastructure"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value in {formula, "+33 1 23 45 67 89"}]
    assert len(cells) == 2
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    # The CSV keeps the raw data, as the package's description says.
    assert formula in {row["name"] for row in package_csv(zip_path, "infrastructure")}
    assert load_workbook(zip_path.with_suffix(".xlsx"))["dictionary"].max_row == 1 + sum(
        len(resource.columns) for resource in RESOURCES
    )


def test_geojson_holds_every_located_city_initiative_and_infrastructure(world, tmp_path):
    import json

    collection = json.loads(package_build(directory=tmp_path).with_suffix(".geojson").read_text())

    resources = {feature["properties"]["resource"] for feature in collection["features"]}
    assert collection["type"] == "FeatureCollection"
    assert resources == {"cities", "initiatives", "infrastructure"}
    mill = next(f for f in collection["features"] if f["properties"].get("name") == "Mill of Bab Ftouh")
    assert mill["geometry"] == {"type": "Point", "coordinates": [-4.97, 34.06]}


def test_build_query_count_does_not_grow_with_the_data(world, framework, duo_b, tmp_path):
    with CaptureQueriesContext(connection) as small:
        package_build(directory=tmp_path / "small")

    for year in (2020, 2021, 2022):
        published_assessment(world.partner_city, framework=framework, year=year)
        published_assessment(duo_b.french_city, framework=framework, year=year)
    plan_of(duo_b)
    with CaptureQueriesContext(connection) as large:
        zip_path = package_build(directory=tmp_path / "large")

    assert len(package_csv(zip_path, "assessments")) == 7
    assert len(large) == len(small)
    assert len(large) <= 25
