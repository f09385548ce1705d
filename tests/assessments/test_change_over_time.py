"""Change over time on the city page: a follow-up edition is compared with the baseline (or a chosen earlier edition),
per category and per indicator under comparability guards, and the initiatives of earlier editions stay, with their
status history, on the page and the map."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.editions import assessment_follow_up_start
from assessments.indicator_changes import EditionPoint, indicator_change
from assessments.models import Indicator, Initiative
from assessments.services import AssessmentError
from core.cache import data_version_bump
from tests.assessments.follow_up import baseline, fez_follow_up
from tests.factories import AssessmentFactory, IndicatorFactory, IndicatorValueFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fez_editions(duo_b, team_member):
    framework, indicators, editions = baseline(duo_b)
    fez = duo_b.partner_city
    follow_up = fez_follow_up(fez_2019=editions[fez.slug], indicators=indicators, team=team_member)
    return {"fez": fez, "baseline": editions[fez.slug], "follow_up": follow_up, "indicators": indicators}


def _row(html: str, attribute: str, code: str) -> str:
    """Return the row of the change tables (not of the edition's own tables) for a category or an indicator."""
    table = html[html.index('class="edition-change"') :]
    rows = re.findall(rf'<tr {attribute}="{code}".*?</tr>', table, re.S)
    return rows[0] if rows else ""


def _page(client, city, query=""):
    response = client.get(f"/en/cities/{city.slug}/{query}")
    assert response.status_code == 200
    return response


def test_the_follow_up_is_shown_over_the_baseline_in_one_radar_with_two_polygons(client, fez_editions):
    html = _page(client, fez_editions["fez"]).content.decode()
    radar = re.search(r'<svg[^>]*id?[^>]*class="radar-chart".*?</svg>', html, re.S).group(0)
    assert radar.count('<polygon points="') - radar.count('fill="none" stroke="#c8d1cc"') == 2
    assert radar.count('class="radar-series"') == 2
    assert "Fez 2026" in radar and "Fez 2019" in radar
    assert 'stroke-dasharray="7 4"' in radar  # the earlier edition is dashed, not only another colour


def test_the_change_per_category_is_given_with_its_arrow(client, fez_editions):
    html = _page(client, fez_editions["fez"]).content.decode()
    assert "Fez: change from 2019 to 2026" in html
    first = _row(html, "data-category", "topic-0")
    assert "5/10" in first and "7/10" in first and "↑" in first and "+2" in first
    second = _row(html, "data-category", "topic-1")
    assert "→" in second and "±0" in second
    third = _row(html, "data-category", "topic-2")
    assert "↓" in third and "−1" in third


def test_each_indicator_change_has_its_size_unit_and_reference_years_or_the_reason_it_is_not_compared(
    client, fez_editions
):
    html = _page(client, fez_editions["fez"]).content.decode()
    waste = _row(html, "data-indicator", "waste")
    assert "↓" in waste and "−250 t" in waste and "in the desired direction" in waste
    assert "reference years 2017 and 2025" in waste
    organic = _row(html, "data-indicator", "organic")
    assert "↑" in organic and "+18.5 percentage points" in organic
    assert "not compared: same reference year (2019): not measured again" in _row(html, "data-indicator", "markets")
    assert "not compared: units differ (MAD vs EUR)" in _row(html, "data-indicator", "budget")


def test_each_indicator_has_a_small_series_across_editions_with_its_figures_beside_it(client, fez_editions):
    waste = _row(_page(client, fez_editions["fez"]).content.decode(), "data-indicator", "waste")
    assert 'class="sparkline"' in waste and "<polyline" in waste
    assert "2019: 1200 (2017)" in waste and "2026: 950 (2025)" in waste


def test_the_initiatives_of_the_baseline_stay_on_the_page_and_the_map_with_their_status(client, fez_editions):
    response = _page(client, fez_editions["fez"])
    html = response.content.decode()
    assert "Farmers&#x27; market of Fez" in html and "running since 2019" in html
    assert "Rooftop gardens of Fez" in html and "stopped (reported in 2026)" in html
    assert "2019: active · 2026: ended" in html
    assert "Anti-waste kitchen of Fez" in html and "new in 2026" in html
    markers = json.loads(re.search(r'<script id="city" type="application/json">(.*?)</script>', html, re.S).group(1))
    titles = sorted(marker["title"] for marker in markers["initiatives"])
    assert titles == ["Anti-waste kitchen of Fez", "Farmers' market of Fez", "Rooftop gardens of Fez"]


def test_an_initiative_not_carried_into_the_follow_up_stays_with_its_last_status(client, duo_b, team_member):
    _framework, indicators, editions = baseline(duo_b)
    fez_2019 = editions[duo_b.partner_city.slug]
    fez_follow_up(fez_2019=fez_2019, indicators=indicators, team=team_member)
    Initiative.objects.filter(assessment__year=2026, title_en__startswith="Farmers").delete()
    html = _page(client, duo_b.partner_city).content.decode()
    assert "Farmers&#x27; market of Fez" in html and "last reported in 2019" in html


def test_any_earlier_published_edition_can_be_chosen_for_the_comparison(client, fez_editions, team_member):
    fez = fez_editions["fez"]
    middle = assessment_follow_up_start(previous=fez_editions["baseline"], year=2022, by=team_member)
    IndicatorValueFactory(
        assessment=middle,
        indicator=fez_editions["indicators"]["waste"],
        value_number=Decimal("1100"),
        reference_year=2021,
        unit="t",
    )
    middle.status = "published"
    middle.save()
    default = _page(client, fez).content.decode()
    assert "change from 2019 to 2026" in default and '<option value="2022"' in default
    chosen = _page(client, fez, "?compare=2022").content.decode()
    assert "change from 2022 to 2026" in chosen
    assert "−150 t" in _row(chosen, "data-indicator", "waste")
    assert client.get(f"/en/cities/{fez.slug}/?compare=2026").status_code == 404
    assert client.get(f"/en/cities/{fez.slug}/?compare=abc").status_code == 404


def test_a_city_with_a_single_edition_shows_no_change_and_one_polygon(client, duo_b):
    baseline(duo_b)
    html = _page(client, duo_b.partner_city).content.decode()
    assert "change from" not in html
    assert html.count('class="radar-series"') == 1
    assert "Farmers&#x27; market of Fez" in html


def test_a_follow_up_draft_changes_nothing_for_the_public(client, duo_b, team_member):
    _framework, _indicators, editions = baseline(duo_b)
    assessment_follow_up_start(previous=editions[duo_b.partner_city.slug], year=2026, by=team_member)
    html = _page(client, duo_b.partner_city).content.decode()
    assert "Food system assessment 2019" in html and "change from" not in html
    assert html.count("Farmers&#x27; market of Fez") == 2  # the list and the map's text, once each


def test_the_library_lists_a_followed_initiative_once_as_last_reported(client, fez_editions):
    html = client.get("/en/library/?q=Rooftop").content.decode()
    assert html.count("Rooftop gardens of Fez</a>") == 1


def test_the_city_page_takes_the_same_number_of_queries_whatever_the_editions_and_indicators(
    client, duo_b, team_member
):
    framework, indicators, editions = baseline(duo_b)
    fez = duo_b.partner_city
    fez_follow_up(fez_2019=editions[fez.slug], indicators=indicators, team=team_member)
    client.get(f"/en/cities/{fez.slug}/")  # warm the caches every page reads
    data_version_bump()  # the page itself computed afresh, as after the editions below are added
    with CaptureQueriesContext(connection) as small:
        _page(client, fez)
    for year in (2021, 2023, 2024):
        edition = AssessmentFactory(city=fez, framework=framework, year=year, status="published")
        for n in range(8):
            indicator = IndicatorFactory(framework=framework, category=indicators["waste"].category, unit="t")
            IndicatorValueFactory(assessment=edition, indicator=indicator, value_number=n, reference_year=year)
        InitiativeFactory(assessment=edition)
    data_version_bump()
    with CaptureQueriesContext(connection) as large:
        _page(client, fez)
    assert len(small) == len(large), (len(small), len(large))


def test_the_city_page_keeps_its_query_budget(client, fez_editions, django_assert_max_num_queries):
    client.get(f"/en/cities/{fez_editions['fez'].slug}/")
    with django_assert_max_num_queries(30):
        _page(client, fez_editions["fez"])


def test_a_follow_up_carries_the_initiatives_with_their_identity_and_tags(fez_editions):
    rooftop = Initiative.objects.get(assessment=fez_editions["follow_up"], title_en="Rooftop gardens of Fez")
    assert rooftop.carried_from.assessment == fez_editions["baseline"]
    assert rooftop.status == Initiative.Status.ENDED and rooftop.location == rooftop.carried_from.location


def test_a_follow_up_must_come_after_the_edition_it_follows(fez_editions, team_member):
    with pytest.raises(AssessmentError):
        assessment_follow_up_start(previous=fez_editions["follow_up"], year=2020, by=team_member)


def test_an_initiative_cannot_continue_one_of_another_city(duo_b):
    _framework, _indicators, editions = baseline(duo_b)
    montpellier, fez = (editions[city.slug] for city in duo_b.cities)
    later = AssessmentFactory(city=fez.city, framework=fez.framework, year=2026)
    entry = InitiativeFactory.build(assessment=later, carried_from=montpellier.initiatives.first())
    with pytest.raises(ValidationError) as error:
        entry.clean()
    assert "carried_from" in error.value.message_dict


def _point(year, number, *, unit="t", reference_year=None, has_value=True):
    return EditionPoint(
        edition_year=year,
        has_value=has_value,
        display=str(number),
        number=number,
        unit=unit,
        reference_year=reference_year,
        source="",
        source_url="",
    )


def test_an_indicator_without_a_preferred_direction_gets_an_arrow_but_no_verdict(db):
    indicator = Indicator(code="x", name="X", value_type="number", direction="neutral")
    change = indicator_change(
        indicator=indicator, before=_point(2019, 10, reference_year=2018), after=_point(2026, 15, reference_year=2025)
    )
    assert (change.comparable, change.arrow, change.change, change.trend) == (True, "↑", "+5 t (+50 %)", "")


def test_a_missing_value_is_said_instead_of_a_change(db):
    indicator = Indicator(code="x", name="X", value_type="number")
    change = indicator_change(
        indicator=indicator, before=_point(2019, None, has_value=False), after=_point(2026, 15, reference_year=2025)
    )
    assert not change.comparable and change.reason == "no value in 2019" and change.arrow == ""
