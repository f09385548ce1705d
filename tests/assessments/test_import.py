"""Spreadsheet imports: all or nothing, every bad row reported, idempotent, and bound by the same rules as editing."""

import re
from decimal import Decimal

import pytest
import tablib

from assessments.models import Assessment, Framework, Indicator, IndicatorValue, Initiative
from assessments.resources import IndicatorResource, IndicatorValueResource, InitiativeResource
from assessments.services import MUFPP_SLUG
from cities.models import City
from tests.factories import AssessmentFactory, StudentFactory

pytestmark = pytest.mark.django_db

VALUE_HEADERS = ["assessment", "indicator", "value", "no_data", "reference_year", "unit", "source_title"]
GOOD_VALUES = [
    ["sfax-2021", "mufpp-01", "yes", "", 2020, "", "Municipal council minutes"],
    ["sfax-2021", "mufpp-07", "35,5", "", 2019, "%", "National survey"],
    ["sfax-2021", "mufpp-08", "", "yes", "", "", ""],
]
INITIATIVE_HEADERS = ["ref", "assessment", "title_en", "categories", "pillars", "actor_type", "latitude", "longitude"]


@pytest.fixture
def mufpp(reference_data):
    return Framework.objects.get(slug=MUFPP_SLUG)


@pytest.fixture
def sfax_draft(mufpp, student):
    return AssessmentFactory(city=City.objects.get(slug="sfax"), framework=mufpp, year=2021)


@pytest.fixture
def fez_draft(mufpp):
    return AssessmentFactory(city=City.objects.get(slug="fez"), framework=mufpp, year=2021)


def import_into(resource, rows, *, headers, user):
    return resource.import_data(tablib.Dataset(*rows, headers=headers), dry_run=False, user=user)


def import_values(rows, *, user, headers=VALUE_HEADERS):
    return import_into(IndicatorValueResource(), rows, headers=headers, user=user)


def import_initiatives(rows, *, user):
    return import_into(InitiativeResource(), rows, headers=INITIATIVE_HEADERS, user=user)


def problems(result) -> list[tuple[int, str, str]]:
    """Return the reported problems as (row number, column, message); the column is '' when the row failed whole."""
    invalid = [
        (row.number, column, " ".join(messages))
        for row in result.invalid_rows
        for column, messages in row.error_dict.items()
    ]
    failed = [(number, "", " ".join(str(error.error) for error in errors)) for number, errors in result.row_errors()]
    return invalid + failed


def history_count() -> int:
    return IndicatorValue.history.count()


# Indicator values


def test_a_good_csv_creates_the_values(sfax_draft, team_member):
    csv = "assessment,indicator,value,no_data,reference_year,source_title\n"
    csv += "sfax-2021,mufpp-01,oui,,2020,Council minutes\n"
    csv += 'sfax-2021,mufpp-07,"35,5",,2019,National survey\n'
    csv += "sfax-2021,mufpp-08,,yes,,\n"
    dataset = tablib.Dataset().load(csv, format="csv")

    result = IndicatorValueResource().import_data(dataset, dry_run=False, user=team_member)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 3
    values = {value.indicator.code: value for value in sfax_draft.indicator_values.select_related("indicator")}
    assert values["mufpp-01"].value_boolean is True
    assert values["mufpp-07"].value_number == Decimal("35.5")
    assert values["mufpp-07"].reference_year == 2019
    assert values["mufpp-08"].no_data
    assert values["mufpp-08"].display_value == "no data"


def test_one_bad_row_saves_nothing_and_reports_its_number_column_and_reason(sfax_draft, team_member):
    rows = [GOOD_VALUES[0], ["sfax-2021", "mufpp-07", "140", "", 2019, "%", ""], GOOD_VALUES[2]]

    result = import_values(rows, user=team_member)

    assert result.has_validation_errors()
    assert IndicatorValue.objects.count() == 0
    assert history_count() == 0
    [(number, column, message)] = problems(result)
    assert (number, column) == (2, "value")
    assert "between 0 and 100" in message
    assert "140" in message


def test_a_bad_row_does_not_change_the_values_already_there(sfax_draft, team_member):
    import_values(GOOD_VALUES, user=team_member)
    rows = [["sfax-2021", "mufpp-07", "40", "", 2019, "%", ""], ["sfax-2021", "mufpp-12", "-3", "", 2019, "%", ""]]

    result = import_values(rows, user=team_member)

    assert result.has_validation_errors()
    assert sfax_draft.indicator_values.get(indicator__code="mufpp-07").value_number == Decimal("35.5")
    assert not sfax_draft.indicator_values.filter(indicator__code="mufpp-12").exists()


def test_reimporting_the_same_file_changes_nothing(sfax_draft, team_member):
    import_values(GOOD_VALUES, user=team_member)
    values_before = list(IndicatorValue.objects.values().order_by("pk"))
    history_before = history_count()

    result = import_values(GOOD_VALUES, user=team_member)

    assert result.totals["skip"] == len(GOOD_VALUES)
    assert result.totals["new"] == result.totals["update"] == 0
    assert list(IndicatorValue.objects.values().order_by("pk")) == values_before
    assert history_count() == history_before


def test_a_changed_value_updates_only_its_row(sfax_draft, team_member):
    import_values(GOOD_VALUES, user=team_member)
    rows = [*GOOD_VALUES[:1], ["sfax-2021", "mufpp-07", "36", "", 2019, "%", "National survey"], *GOOD_VALUES[2:]]

    result = import_values(rows, user=team_member)

    assert (result.totals["update"], result.totals["skip"]) == (1, 2)
    assert sfax_draft.indicator_values.get(indicator__code="mufpp-07").value_number == Decimal(36)


def preview(resource, rows, *, headers, user) -> list[dict[str, str]]:
    """Return the preview of a dry run, one dict of column to shown cell (without diff markup) per row."""
    result = resource.import_data(tablib.Dataset(*rows, headers=headers), dry_run=True, user=user)
    strip = re.compile(r"<[^>]+>")
    return [
        dict(zip(result.diff_headers, (strip.sub("", cell) for cell in row.diff), strict=True)) for row in result.rows
    ]


def test_the_preview_shows_the_value_and_indicator_name_of_each_row(sfax_draft, team_member):
    rows = preview(IndicatorValueResource(), GOOD_VALUES, headers=VALUE_HEADERS, user=team_member)

    assert [(row["indicator"], row["value"]) for row in rows] == [
        ("mufpp-01", "yes"),
        ("mufpp-07", "35.5"),
        ("mufpp-08", ""),
    ]
    assert rows[1]["indicator_name"] == Indicator.objects.get(code="mufpp-07").name
    assert not IndicatorValue.objects.exists()


def test_the_preview_of_a_changed_value_shows_the_old_and_the_new_value(sfax_draft, team_member):
    import_values(GOOD_VALUES, user=team_member)
    rows = [["sfax-2021", "mufpp-07", "36", "", 2019, "%", "National survey"]]

    result = IndicatorValueResource().import_data(
        tablib.Dataset(*rows, headers=VALUE_HEADERS), dry_run=True, user=team_member
    )

    cell = result.rows[0].diff[result.diff_headers.index("value")]
    # 35.5 becomes 36, with no inline style: our CSP blocks them, import.css gives the colours.
    assert cell == "<span>3</span><del>5.5</del><ins>6</ins>"


@pytest.mark.parametrize(
    ("cell", "number"),
    [("1 234,5", "1234.5"), ("1\u202f234,5", "1234.5"), ("1234.5", "1234.5"), ("12", "12")],
)
def test_a_decimal_comma_and_thousands_spaces_are_understood(sfax_draft, team_member, cell, number):
    result = import_values([["sfax-2021", "mufpp-08", cell, "", 2019, "", ""]], user=team_member)

    assert not result.has_errors() and not result.has_validation_errors()
    assert sfax_draft.indicator_values.get().value_number == Decimal(number)


def test_a_cell_that_is_not_a_number_is_reported(sfax_draft, team_member):
    result = import_values([["sfax-2021", "mufpp-08", "about ten", "", 2019, "", ""]], user=team_member)

    reported = {(number, column): message for number, column, message in problems(result)}
    assert "not a number" in reported[(1, "value")]
    assert not IndicatorValue.objects.exists()


def test_an_unknown_indicator_code_is_reported(sfax_draft, team_member):
    rows = [GOOD_VALUES[0], ["sfax-2021", "mufpp-999", "3", "", 2019, "", ""]]

    result = import_values(rows, user=team_member)

    [(number, _column, message)] = problems(result)
    assert number == 2
    assert "mufpp-999" in message
    assert not IndicatorValue.objects.exists()


def test_an_unknown_assessment_is_reported(sfax_draft, team_member):
    result = import_values([["atlantis-2021", "mufpp-08", "3", "", 2019, "", ""]], user=team_member)

    [(number, _column, message)] = problems(result)
    assert number == 1
    assert "atlantis-2021" in message


@pytest.mark.parametrize("who", ["team", "student", "nobody"])
def test_an_import_into_a_published_assessment_is_refused_for_everyone(sfax_draft, team_member, student, who):
    Assessment.objects.filter(pk=sfax_draft.pk).update(status=Assessment.Status.PUBLISHED)
    user = {"team": team_member, "student": student, "nobody": None}[who]

    result = import_values(GOOD_VALUES, user=user)

    assert {column for _, column, _ in problems(result)} == {"assessment"}
    assert not IndicatorValue.objects.exists()


def test_a_student_may_import_into_the_draft_of_their_city(sfax_draft, student):
    result = import_values(GOOD_VALUES, user=student)

    assert not result.has_errors() and not result.has_validation_errors()
    assert sfax_draft.indicator_values.count() == 3


def test_a_student_may_not_import_into_another_citys_draft(sfax_draft, fez_draft, student):
    rows = [GOOD_VALUES[0], ["fez-2021", "mufpp-08", "12", "", 2019, "", ""]]

    result = import_values(rows, user=student)

    assert [(number, column) for number, column, _ in problems(result)] == [(2, "assessment")]
    assert "fez-2021" in problems(result)[0][2]
    assert not IndicatorValue.objects.exists()


def test_a_student_may_not_import_into_their_draft_once_it_is_in_review(sfax_draft, student):
    Assessment.objects.filter(pk=sfax_draft.pk).update(status=Assessment.Status.IN_REVIEW)

    result = import_values(GOOD_VALUES, user=student)

    assert result.has_validation_errors()
    assert not IndicatorValue.objects.exists()


def test_an_xlsx_export_imports_back_unchanged(sfax_draft, fez_draft, team_member):
    import_values(GOOD_VALUES, user=team_member)
    import_values([["fez-2021", "mufpp-12", "12.25", "", 2018, "%", "Survey"]], user=team_member)
    history_before = history_count()

    data = IndicatorValueResource().export().xlsx
    dataset = tablib.Dataset().load(data, format="xlsx")
    result = IndicatorValueResource().import_data(dataset, dry_run=False, user=team_member)

    assert len(dataset) == 4
    assert "demonstration_data" in dataset.headers
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 4
    assert history_count() == history_before


# Initiatives


def test_initiatives_are_imported_with_categories_pillars_and_coordinates(sfax_draft, team_member):
    rows = [
        [
            "sfax-market",
            "sfax-2021",
            "Farmers' market",
            "governance;food_waste",
            "produce-local-and-good-food;trade-at-fair-prices",
            "association",
            "34,74",
            "10.76",
        ]
    ]

    result = import_initiatives(rows, user=team_member)

    assert not result.has_errors() and not result.has_validation_errors()
    initiative = Initiative.objects.get(ref="sfax-market")
    assert initiative.assessment == sfax_draft
    assert set(initiative.categories.values_list("code", flat=True)) == {"governance", "food_waste"}
    pillars = set(initiative.pillars.values_list("code", flat=True))
    assert pillars == {"produce-local-and-good-food", "trade-at-fair-prices"}
    assert (initiative.latitude, initiative.longitude) == (34.74, 10.76)


def test_the_preview_of_an_initiative_shows_its_coordinates(sfax_draft, team_member):
    rows = [["sfax-market", "sfax-2021", "Farmers' market", "governance", "", "association", "34,74", "10.76"]]

    [row] = preview(InitiativeResource(), rows, headers=INITIATIVE_HEADERS, user=team_member)

    assert (row["latitude"], row["longitude"]) == ("34.74", "10.76")
    assert not Initiative.objects.exists()


def test_an_unknown_category_code_of_an_initiative_is_reported_not_dropped(sfax_draft, team_member):
    rows = [["", "sfax-2021", "Compost", "food_waste;compost_heaps", "", "private", "", ""]]

    result = import_initiatives(rows, user=team_member)

    [(number, _column, message)] = problems(result)
    assert number == 1
    assert "compost_heaps" in message
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(("latitude", "longitude"), [("34.7", ""), ("95", "10"), ("34", "190"), ("32.89", "13.19")])
def test_initiative_coordinates_must_come_in_pairs_and_within_range(sfax_draft, team_member, latitude, longitude):
    rows = [["", "sfax-2021", "Compost", "food_waste", "", "private", latitude, longitude]]

    result = import_initiatives(rows, user=team_member)

    assert [(number, column) for number, column, _ in problems(result)] == [(1, "latitude")]
    assert not Initiative.objects.exists()


def test_initiatives_reimport_is_idempotent_and_rows_without_ref_get_a_stable_one(sfax_draft, team_member):
    rows = [
        ["", "sfax-2021", "Food bank", "food_waste;social_economic_equity", "", "association", "34.7", "10.7"],
        ["sfax-council", "sfax-2021", "Food council", "governance", "", "public", "", ""],
    ]
    import_initiatives(rows, user=team_member)
    refs = set(Initiative.objects.values_list("ref", flat=True))
    history_before = Initiative.history.count()

    result = import_initiatives(rows, user=team_member)

    assert refs == {"sfax-2021-food-bank", "sfax-council"}
    assert result.totals["skip"] == 2
    assert Initiative.objects.count() == 2
    assert set(Initiative.objects.values_list("ref", flat=True)) == refs
    assert Initiative.history.count() == history_before


def test_moving_an_initiative_is_an_update_not_a_skipped_row(sfax_draft, team_member):
    row = ["sfax-council", "sfax-2021", "Food council", "governance", "", "public", "34.7", "10.7"]
    import_initiatives([row], user=team_member)

    result = import_initiatives([[*row[:6], "34.8", "10.7"]], user=team_member)

    assert result.totals["update"] == 1
    assert Initiative.objects.get(ref="sfax-council").latitude == 34.8


def test_a_student_may_not_import_initiatives_into_another_citys_draft(sfax_draft, fez_draft, student):
    rows = [["", "fez-2021", "Fez market", "food_waste", "", "association", "", ""]]

    result = import_initiatives(rows, user=student)

    assert [(number, column) for number, column, _ in problems(result)] == [(1, "assessment")]
    assert not Initiative.objects.exists()


# The framework


INDICATOR_HEADERS = ["framework", "code", "number", "category", "name_en", "value_type", "actions", "per_capita"]
NEW_INDICATOR = [MUFPP_SLUG, "mufpp-99", 99, "food_waste", "Share of composted biowaste", "percentage", "1;37", "no"]


def test_an_indicator_is_imported_into_the_framework_with_its_category_and_actions(mufpp, team_member):
    result = import_into(IndicatorResource(), [NEW_INDICATOR], headers=INDICATOR_HEADERS, user=team_member)

    assert not result.has_errors() and not result.has_validation_errors()
    indicator = Indicator.objects.get(framework=mufpp, code="mufpp-99")
    assert indicator.category.code == "food_waste"
    assert indicator.value_type == "percentage"
    assert sorted(indicator.actions.values_list("number", flat=True)) == [1, 37]
    assert indicator.per_capita is False


def test_reimporting_an_indicator_changes_nothing(mufpp, team_member):
    import_into(IndicatorResource(), [NEW_INDICATOR], headers=INDICATOR_HEADERS, user=team_member)
    history_before = Indicator.history.count()

    result = import_into(IndicatorResource(), [NEW_INDICATOR], headers=INDICATOR_HEADERS, user=team_member)

    assert result.totals["skip"] == 1
    assert Indicator.history.count() == history_before


def test_an_indicator_with_a_category_of_another_framework_is_reported(mufpp, team_member):
    row = [MUFPP_SLUG, "mufpp-99", 99, "no_such_category", "Share", "number", "", "no"]

    result = import_into(IndicatorResource(), [row], headers=INDICATOR_HEADERS, user=team_member)

    assert "no_such_category" in " ".join(message for _, _, message in problems(result))
    assert not Indicator.objects.filter(code="mufpp-99").exists()


def test_a_student_may_not_import_framework_indicators(mufpp, student):
    result = import_into(IndicatorResource(), [NEW_INDICATOR], headers=INDICATOR_HEADERS, user=student)

    assert problems(result)
    assert not Indicator.objects.filter(code="mufpp-99").exists()


def test_a_partner_may_not_import_values_even_for_their_own_city(mufpp, fez_draft):
    partner = StudentFactory(role="partner", city=fez_draft.city)

    result = import_values([["fez-2021", "mufpp-08", "12", "", 2019, "", ""]], user=partner)

    assert [(number, column) for number, column, _ in problems(result)] == [(1, "assessment")]
    assert not IndicatorValue.objects.exists()


def test_an_imported_initiative_far_from_its_city_is_refused_with_its_distance(sfax_draft, team_member):
    rows = [["", "sfax-2021", "Tripoli market", "food_waste", "", "private", "32.89", "13.19"]]

    result = import_initiatives(rows, user=team_member)

    [(number, column, message)] = problems(result)
    assert (number, column) == (1, "latitude")
    assert re.search(r"13\.19 E, 32\.89 N is \d+ km from Sfax", message), message
    assert not Initiative.objects.exists()


def missing_indicator_rows(mufpp) -> list[list]:
    """Return a row for each of the 44 Monitoring Framework indicators not yet in the database."""
    known = set(Indicator.objects.filter(framework=mufpp).values_list("number", flat=True))
    categories = list(mufpp.categories.values_list("code", flat=True))
    return [
        [MUFPP_SLUG, f"mufpp-{n:02d}", n, categories[n % len(categories)], f"Indicator {n}", "number", "", "no"]
        for n in range(1, 45)
        if n not in known
    ]


def test_the_team_completes_the_44_indicators_in_one_import(mufpp, team_member):
    rows = missing_indicator_rows(mufpp)

    result = import_into(IndicatorResource(), rows, headers=INDICATOR_HEADERS, user=team_member)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == len(rows) == 34
    assert Indicator.objects.filter(framework=mufpp).count() == 44


def test_one_bad_row_among_the_missing_indicators_saves_none_and_names_its_row_and_column(mufpp, team_member):
    rows = missing_indicator_rows(mufpp)
    rows[20][5] = "fraction"  # not a value type

    result = import_into(IndicatorResource(), rows, headers=INDICATOR_HEADERS, user=team_member)

    assert [(number, column) for number, column, _ in problems(result)] == [(21, "value_type")]
    assert Indicator.objects.filter(framework=mufpp).count() == 10
