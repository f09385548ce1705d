"""Files hold plain numbers: a dot decimal and no thousands separator whatever the reader's language, the unit in
its own column; formatted numbers belong to the pages."""

import csv
import io
from decimal import Decimal

import pytest
import tablib

from assessments.resources import IndicatorResource, IndicatorValueResource, InitiativeResource
from core.spreadsheets import escaped_dataset
from tests.factories import (
    AssessmentFactory,
    CategoryFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InitiativeFactory,
)

pytestmark = pytest.mark.django_db
URL = "/{lang}/duos/lyon-ho-chi-minh-city/dashboard/"


@pytest.fixture
def lyon_and_hcmc_values(duo_a):
    """A share of 79.2 % in Lyon and 1,234,567.5 tonnes in Ho Chi Minh City, both published."""
    framework = FrameworkFactory()
    category = CategoryFactory(framework=framework, code="waste")
    share = IndicatorFactory(category=category, framework=framework, code="share", value_type="percentage", unit="")
    tonnes = IndicatorFactory(category=category, framework=framework, code="tonnes", unit="t")
    lyon = AssessmentFactory(city=duo_a.french_city, framework=framework, year=2019, status="published")
    hcmc = AssessmentFactory(city=duo_a.partner_city, framework=framework, year=2019, status="published")
    IndicatorValueFactory(assessment=lyon, indicator=share, value_number=Decimal("79.2"), reference_year=2019)
    IndicatorValueFactory(assessment=hcmc, indicator=share, value_number=Decimal("64"), reference_year=2018)
    IndicatorValueFactory(assessment=lyon, indicator=tonnes, value_number=Decimal("1500.25"), reference_year=2019)
    IndicatorValueFactory(assessment=hcmc, indicator=tonnes, value_number=Decimal("1234567.5"), reference_year=2018)
    return duo_a


def csv_rows(client, lang: str) -> dict[str, list[str]]:
    response = client.get(URL.format(lang=lang) + "comparison.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row[1]: row for row in rows[1:]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_comparison_csv_holds_plain_numbers_and_the_unit_apart_in_every_language(
    client, lyon_and_hcmc_values, lang, settings
):
    settings.USE_THOUSAND_SEPARATOR = True  # as pages may group digits: files never do
    rows = csv_rows(client, lang)

    assert rows["share"][3:5] == ["79.2", "%"] and rows["share"][7:9] == ["64", "%"]
    assert rows["tonnes"][3:5] == ["1500.25", "t"] and rows["tonnes"][7:9] == ["1234567.5", "t"]
    assert rows["tonnes"][5] == "2019"


def test_the_dashboard_page_still_shows_numbers_in_the_readers_language(client, lyon_and_hcmc_values, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    html = client.get(URL.format(lang="fr")).content.decode()

    assert "79,2\u00a0%" in html or "79,2 %" in html
    assert "1\u202f234\u202f567,5" in html or "1\u00a0234\u00a0567,5" in html


def exported(resource, lang: str) -> list[dict]:
    """Return the rows of an export in `lang`, keyed by column key (the headers are in that language)."""
    from django.utils import translation

    from assessments.columns import column_keys

    with translation.override(lang):
        dataset = resource.export()
    loaded = tablib.Dataset().load(escaped_dataset(dataset).csv, format="csv")
    loaded.headers = column_keys(loaded.headers)
    return list(loaded.dict)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_spreadsheet_exports_of_values_indicators_and_initiatives_hold_plain_numbers(lang, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    framework = FrameworkFactory(slug="frame")
    indicator = IndicatorFactory(
        category__framework=framework,
        framework=framework,
        code="scaled",
        value_type="scale",
        scale_min=0,
        scale_max=1000,
    )
    assessment = AssessmentFactory(framework=framework, slug="lyon-2019")
    IndicatorValueFactory(assessment=assessment, indicator=indicator, value_number=Decimal("1000"), reference_year=2019)
    InitiativeFactory(assessment=assessment, start_year=2012, location=None)

    (value,) = exported(IndicatorValueResource(), lang)
    (definition,) = exported(IndicatorResource(), lang)
    (initiative,) = exported(InitiativeResource(), lang)

    assert (value["value"], value["reference_year"]) == ("1000", "2019")
    assert (definition["scale_min"], definition["scale_max"]) == ("0", "1000")
    assert initiative["start_year"] == "2012"
