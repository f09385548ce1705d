"""The text of each report says what the data says, in English and in French; missing data reads "no data"."""

import json
import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags

from assessments.models import Assessment, Indicator
from cities.models import City
from reports import documents, services
from tests.factories import AssessmentFactory, IndicatorValueFactory
from tests.pdf import pdf_text

from .data import build_programme, render


@pytest.fixture(scope="module")
def pdfs(django_db_setup, django_db_blocker):
    """Each document rendered once for the whole module, from data rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_programme()
        rendered = {
            (kind, subject, language): pdf_text(render(kind, subject, language))
            for kind, subject, language in [
                ("city", "lyon", "en"),
                ("city", "lyon", "fr"),
                ("city", "sfax", "en"),
                ("duo", "lyon-ho-chi-minh-city", "en"),
                ("duo", "lyon-ho-chi-minh-city", "fr"),
                ("compilation", "", "en"),
            ]
        }
        with translation.override("en"):
            rendered["city names"] = list(City.objects.in_duos().values_list("name", flat=True))
        transaction.set_rollback(True)
    return rendered


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_city_report_shows_the_facts_ratings_values_sources_and_initiatives(pdfs):
    text = flat(pdfs["city", "lyon", "en"])

    assert "Food system assessment: Lyon" in text
    assert "Lyon feeds its schools from regional farms." in text
    assert "7/10" in text and "not rated" in text
    assert "42.5" in text and "Observatoire alimentaire du Grand Lyon" in text and "CC BY 4.0" in text
    assert "no data" in text
    assert "Solidarity grocery network" in text and "Photo Jeanne Martin" in text
    assert "https://example.org/observatoire" in text  # the annex of sources


def test_city_report_in_french(pdfs):
    text = flat(pdfs["city", "lyon", "fr"])

    assert "Lyon nourrit ses écoles avec des fermes de la région." in text
    assert "Réseau d'épiceries solidaires" in text
    assert "42.5" in text or "42,5" in text
    assert "Français" in text  # the cover names the document's language
    assert "Note : 7/10" in text and "Complétude des données :" in text  # French spaces its colons


def test_city_without_assessment_says_so(pdfs):
    text = flat(pdfs["city", "sfax", "en"])

    assert "Sfax" in text
    assert "No published assessment yet." in text


def test_duo_report_shows_both_cities_and_the_partner_without_assessment(pdfs):
    text = flat(pdfs["duo", "lyon-ho-chi-minh-city", "en"])

    assert "Lyon" in text and "Ho Chi Minh City" in text
    assert "No published assessment" in text
    assert "No comparison: both cities need a published assessment." in text
    assert "No action in the plan yet." in text


def test_duo_report_in_french(pdfs):
    text = flat(pdfs["duo", "lyon-ho-chi-minh-city", "fr"])

    assert "Hô-Chi-Minh-Ville" in text


def test_compilation_names_every_city_of_the_duos_and_the_library(pdfs):
    text = flat(pdfs["compilation", "", "en"])

    assert len(pdfs["city names"]) == 14
    for name in pdfs["city names"]:
        assert name in text
    assert "Solidarity grocery network" in text
    assert "Network coverage" in text


@pytest.mark.django_db
def test_empty_programme_renders_every_document_without_a_crash():
    data = services.report_data(kind="compilation", subject="", language="en")

    assert data["duos"] == [] and data["library"] == []
    text = flat(pdf_text(render("compilation", "", "en")))
    assert "No published duo yet." in text and "No published initiative yet." in text


@pytest.mark.django_db
def test_unknown_or_unpublished_subjects_are_report_errors():
    with pytest.raises(services.ReportError):
        services.report_data(kind="city", subject="atlantis", language="en")
    with pytest.raises(services.ReportError):
        services.report_data(kind="duo", subject="atlantis-lemuria", language="en")


@pytest.mark.django_db
def test_document_data_is_plain_json_and_stable(reference_data):
    for kind, subject in [("city", "lyon"), ("duo", "lyon-ho-chi-minh-city"), ("compilation", "")]:
        first = services.report_data(kind=kind, subject=subject, language="en")
        second = services.report_data(kind=kind, subject=subject, language="en")

        assert services.data_hash(first) == services.data_hash(second)
        json.dumps(first)  # no date, Decimal or lazy string: plain JSON
        assert documents.TEMPLATES[kind].startswith("pdf/")


def value_rows(html: str) -> list[str]:
    """Return the text of each row of the indicator tables of a city report's HTML."""
    rows = re.findall(r"<table class=\"values\">.*?</table>", html, re.S)
    return [flat(strip_tags(row)).strip() for table in rows for row in re.findall(r"<tr>.*?</tr>", table, re.S)]


@pytest.mark.django_db
def test_city_report_writes_a_percentage_with_one_unit_and_an_unknown_year_as_a_dash():
    assessment = build_programme()
    IndicatorValueFactory(
        assessment=assessment, indicator=Indicator.objects.get(code="mufpp-07"), value_number=Decimal("12.5")
    )
    data = services.report_data(kind="city", subject="lyon", language="en")

    rows = value_rows(services.report_html(kind="city", data=data, language="en"))

    percentage = next(row for row in rows if "12.5" in row)
    assert "12.5 % —" in percentage and "% %" not in percentage
    assert not any("None" in row for row in rows)


@pytest.mark.django_db
def test_compilation_compares_the_indicator_values_of_each_duo_with_their_sources():
    lyon = build_programme()
    partner = AssessmentFactory(
        city=City.objects.get(slug="ho-chi-minh-city"),
        framework=lyon.framework,
        year=2023,
        status=Assessment.Status.PUBLISHED,
        summary_en=None,
    )
    IndicatorValueFactory(
        assessment=partner,
        indicator=lyon.indicator_values.get(no_data=False).indicator,
        value_number=Decimal("17.5"),
        reference_year=2022,
        source_title="Ho Chi Minh City statistical yearbook",
    )

    text = flat(pdf_text(render("compilation", "", "en")))

    assert "Comparison of the indicators, Lyon – Ho Chi Minh City" in text
    assert "42.5" in text and "17.5" in text
    assert "Observatoire alimentaire du Grand Lyon" in text and "Ho Chi Minh City statistical yearbook" in text
