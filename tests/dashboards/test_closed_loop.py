"""The closed loop as a picture: an indicator's values over time with the starts of the actions meant to move it on
the same axis (indicator and action pages), and, on the duo dashboard, whether each action's indicators moved in the
intended direction since it started, with the values, years and sources that say so."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache

from assessments.models import Assessment, IndicatorValue
from tests.assessments.follow_up import baseline, fez_follow_up, waste_action
from workshops.closed_loop import indicator_outcome

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def loop(duo_b, team_member):
    _framework, indicators, editions = baseline(duo_b)
    fez_follow_up(fez_2019=editions[duo_b.partner_city.slug], indicators=indicators, team=team_member)
    action = waste_action(duo_b, indicators["waste"])
    return {"duo": duo_b, "action": action, "indicators": indicators}


def test_the_indicator_page_draws_its_values_over_time_with_the_actions_marked(client, loop):
    html = client.get("/en/indicators/waste/").content.decode()
    chart = re.search(r'<svg[^>]*class="time-series-chart".*?</svg>', html, re.S).group(0)
    assert chart.count('class="time-series"') == 1  # Fez has two values; Montpellier one, drawn as a point
    assert "Fez — 2017: 1200" in chart and "Fez — 2025: 950" in chart
    assert 'class="time-marker"' in chart and "A1: Anti-waste plan for markets, started March 1, 2021" in chart
    assert '<strong class="marker-label">A1</strong>' in html and "started March 1, 2021" in html
    assert "<td>2025</td>" in html  # the table beside it gives the reference years


def test_the_action_page_marks_its_start_and_says_whether_the_indicator_moved_as_intended(client, loop):
    html = client.get(f"/en/plan/actions/{loop['action'].pk}/").content.decode()
    assert 'class="time-series-chart"' in html and "A1: Anti-waste plan for markets" in html
    fez = re.search(r'<tr data-indicator="waste" data-verdict="as_intended">.*?</tr>', html, re.S).group(0)
    assert "<td>Fez</td>" in fez and "decrease" in fez
    assert "1200 t" in fez and "(2017, Municipal survey 2017)" in fez and "950 t" in fez and "(2025" in fez
    assert "moved in the intended direction" in fez
    assert 'data-verdict="not_measured"' in html and "not measured again since it started (2021)" in html


def test_the_dashboard_lists_each_action_with_the_movement_of_its_indicators(client, loop):
    html = client.get(f"/en/duos/{loop['duo'].slug}/dashboard/").content.decode()
    section = html[html.index('id="loop-heading"') :]
    assert "Anti-waste plan for markets" in section and "started March 1, 2021" in section
    assert section.count('data-verdict="as_intended"') == 1 and section.count('data-verdict="not_measured"') == 1


def test_an_indicator_that_moved_the_wrong_way_is_said_so(loop):
    IndicatorValue.objects.filter(
        indicator=loop["indicators"]["waste"], assessment__city__slug="fez", assessment__year=2026
    ).update(value_number=Decimal("1500"))
    fez_values = list(
        IndicatorValue.objects.filter(
            indicator=loop["indicators"]["waste"], assessment__city__slug="fez"
        ).select_related("assessment__city")
    )
    outcome = indicator_outcome(
        indicator=loop["indicators"]["waste"], city="Fez", values=fez_values, start=date(2021, 3, 1)
    )
    assert (outcome.verdict, outcome.arrow, outcome.before.year, outcome.after.year) == ("against", "↑", 2017, 2025)


def test_a_value_measured_only_after_the_start_gives_no_verdict(loop):
    values = list(
        IndicatorValue.objects.filter(
            indicator=loop["indicators"]["waste"], assessment__city__slug="fez"
        ).select_related("assessment__city")
    )
    outcome = indicator_outcome(
        indicator=loop["indicators"]["waste"], city="Fez", values=values, start=date(2010, 1, 1)
    )
    assert outcome.verdict == "no_baseline" and outcome.before is None and outcome.after.display == "950"


def test_the_public_sees_no_value_of_an_unpublished_edition_in_the_loop(client, loop):
    Assessment.objects.filter(city__slug="fez", year=2026).update(status="in_review")
    html = client.get(f"/en/duos/{loop['duo'].slug}/dashboard/").content.decode()
    section = html[html.index('id="loop-heading"') :]
    assert "950" not in section and section.count('data-verdict="not_measured"') == 2
