"""A 'no data' row has no year, confidence or unit: none is shown on a page, in an export, the API or a report, even
when the spreadsheet that said 'no data' also gave them."""

import csv
import io
import re
from decimal import Decimal

import pytest
import tablib

from assessments.models import Assessment, IndicatorValue
from assessments.resources import IndicatorValueResource
from reports import services as reports
from reports.pdf import html_to_pdf
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
)
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db
HEADERS = ["assessment", "indicator", "value", "no_data", "reference_year", "unit", "confidence", "source_title"]


@pytest.fixture
def lyon_without_meat_data(duo_a, team_member):
    """Lyon's published assessment: no data on meat (imported with a year, unit and 'high' confidence), and a
    measured share of organic food (medium confidence, 2017)."""
    framework = FrameworkFactory()
    category = CategoryFactory(framework=framework, code="diets", name_en="Diets")
    IndicatorFactory(category=category, framework=framework, code="meat", name_en="Meat eaten", unit="g")
    organic = IndicatorFactory(category=category, framework=framework, code="organic", name_en="Organic share")
    assessment = AssessmentFactory(city=duo_a.french_city, framework=framework, year=2019, slug="lyon-2019")
    CategoryAssessmentFactory(assessment=assessment, category=category, rating=5, rating_rationale_en="r")
    AssessmentFactory(city=duo_a.partner_city, framework=framework, year=2019, status=Assessment.Status.PUBLISHED)
    IndicatorValueFactory(
        assessment=assessment,
        indicator=organic,
        value_number=Decimal("12.5"),
        unit="%",
        reference_year=2017,
        confidence="medium",
    )
    dataset = tablib.Dataset(["lyon-2019", "meat", "", "yes", 2018, "kg", "high", "Household survey"], headers=HEADERS)
    result = IndicatorValueResource().import_data(dataset, dry_run=False, user=team_member)
    assert not result.has_errors() and not result.has_validation_errors()
    Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.PUBLISHED)
    return assessment


def test_the_imported_no_data_row_keeps_no_year_unit_or_confidence(lyon_without_meat_data):
    row = IndicatorValue.objects.get(indicator__code="meat")

    assert row.no_data and (row.reference_year, row.unit, row.confidence) == (None, "", "")
    assert row.source_title == "Household survey"


def row_of(html: str, code: str) -> str:
    return re.search(rf'data-indicator="{code}".*?</tr>', html, re.S).group(0)


def test_the_city_page_shows_no_data_without_year_unit_or_confidence(client, lyon_without_meat_data):
    html = client.get(lyon_without_meat_data.city.get_absolute_url()).content.decode()

    meat, organic = row_of(html, "meat"), row_of(html, "organic")
    assert "no data" in meat and "Household survey" in meat
    assert not re.search(r"High|Medium|Low|2018|2019|>g<|>kg<", meat)
    assert "Medium" in organic and "2017" in organic  # what a value shows, the 'no data' row does not


def test_the_dashboard_its_csv_and_the_api_give_no_data_without_year_unit_or_confidence(client, lyon_without_meat_data):
    response = client.get("/fr/duos/lyon-ho-chi-minh-city/dashboard/comparison.csv")
    rows = {row[1]: row for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["meat"][3:6] == ["", "", ""]
    assert rows["organic"][3:6] == ["12.5", "%", "2017"]

    dashboard = client.get("/api/duos/lyon-ho-chi-minh-city/dashboard/").json()
    cell = next(row for row in dashboard["comparison"] if row["code"] == "meat")["cells"][0]
    assert (cell["year"], cell["unit"], cell["value"]) == (None, "", "")

    (value,) = client.get("/api/indicator-values/?indicator=meat").json()["results"]
    assert (value["reference_year"], value["unit"], value["confidence"], value["value"]) == (None, "", "", None)


def test_the_city_report_gives_no_data_without_year_unit_or_confidence(lyon_without_meat_data):
    slug = lyon_without_meat_data.city.slug
    data = reports.report_data(kind="city", subject=slug, language="en")
    html = reports.report_html(kind="city", data=data, language="en")
    text = re.sub(r"\s+", " ", pdf_text(html_to_pdf(html).content))

    assert "Meat eaten no data" in text
    assert "High" not in text and "2018" not in text
    assert "Medium" in text  # the confidence of the measured share is shown
