"""The demo loader adds one illustrative assessment per city, labelled as demonstration data."""

import pytest
from django.core.management import call_command

from assessments.models import Assessment, IndicatorValue, Initiative


@pytest.fixture
def demo(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)


def test_demo_loader_adds_one_labelled_assessment_per_city_and_three_follow_ups(demo):
    assert Assessment.objects.filter(year=2019).count() == 14
    assert sorted(Assessment.objects.filter(year=2026).values_list("city__slug", flat=True)) == [
        "fez",
        "lyon",
        "montpellier",
    ]
    assert not Assessment.objects.filter(is_demo=False).exists()
    assert Assessment.objects.get(city__slug="sfax").status == Assessment.Status.DRAFT
    assert Assessment.objects.published().count() == 16


def test_demo_assessments_have_ratings_values_challenges_and_initiatives(demo):
    fez = Assessment.objects.get(city__slug="fez", year=2019)
    assert fez.category_assessments.count() == 6
    assert all(0 <= reading.rating <= 10 for reading in fez.category_assessments.all())
    assert fez.indicator_values.count() == 10
    assert fez.challenges.count() == 3
    assert fez.initiatives.count() == 4
    assert all(initiative.location for initiative in fez.initiatives.all())


def test_demo_values_are_valid_for_their_indicator(demo):
    for value in IndicatorValue.objects.select_related("indicator"):
        value.full_clean()


def test_demo_loader_run_twice_adds_nothing(demo):
    counts = Assessment.objects.count(), Initiative.objects.count(), IndicatorValue.objects.count()
    call_command("load_demo", verbosity=0)
    assert (Assessment.objects.count(), Initiative.objects.count(), IndicatorValue.objects.count()) == counts


def test_the_fez_follow_up_continues_stops_and_starts_initiatives_and_moves_values(demo):
    follow_up = Assessment.objects.get(city__slug="fez", year=2026)
    assert follow_up.edition == Assessment.Edition.FOLLOW_UP and follow_up.status == Assessment.Status.PUBLISHED
    initiatives = list(follow_up.initiatives.all())
    assert sum(1 for i in initiatives if i.carried_from_id) == 4
    assert sum(1 for i in initiatives if i.status == Initiative.Status.ENDED) == 1
    assert sum(1 for i in initiatives if i.carried_from_id is None) == 1
    before = {
        v.indicator_id: v.value_number
        for v in IndicatorValue.objects.filter(assessment__year=2019, assessment__city__slug="fez")
    }
    moved = [
        v
        for v in follow_up.indicator_values.all()
        if v.value_number is not None and v.value_number != before.get(v.indicator_id)
    ]
    assert len(moved) >= 3


def test_the_demo_duo_of_montpellier_and_fez_shows_change_and_the_closed_loop_on_first_run(demo, client):
    from workshops.models import Action

    action = Action.objects.filter(duo__slug="montpellier-fez").order_by("start", "id").first()
    assert action.indicators.count() == 2
    html = client.get("/en/duos/montpellier-fez/dashboard/").content.decode()
    assert "Fez: change from 2019 to 2026" in html and "Lyon" not in html.split('id="change-heading"')[1][:200]
    assert 'data-verdict="as_intended"' in html or 'data-verdict="against"' in html
    city = client.get("/en/cities/lyon/").content.decode()
    assert "Lyon: change from 2019 to 2026" in city and "stopped (reported in 2026)" in city


def test_every_demo_number_lies_within_the_range_written_for_its_indicator_and_country(demo):
    from demo.content import demo_range

    numbers = IndicatorValue.objects.filter(value_number__isnull=False).select_related("indicator", "assessment__city")
    checked = 0
    for value in numbers:
        city = value.assessment.city
        plausible = demo_range(value.indicator, city)
        assert plausible is not None, f"{city.slug} {value.indicator.code}: no range written"
        low, high = plausible.bounds(city)
        assert low <= value.value_number <= high, (
            f"{city.slug} {value.assessment.year} {value.indicator.code}: {value.value_number} {value.unit} "
            f"outside {low}–{high} ({plausible.source})"
        )
        assert value.unit == plausible.unit
        checked += 1
    assert checked > 50


def test_fez_meat_and_lyon_stunting_are_of_the_order_of_their_countries(demo):
    fez_meat = IndicatorValue.objects.filter(assessment__city__slug="fez", indicator__code="mufpp-10")
    lyon_stunting = IndicatorValue.objects.filter(assessment__city__slug="lyon", indicator__code="mufpp-12")
    assert all(value.value_number <= 120 for value in fez_meat if value.has_value)
    assert all(value.value_number <= 5 for value in lyon_stunting if value.has_value)


def test_every_numeric_reference_indicator_has_a_sourced_range_in_every_demo_country(demo):
    from assessments.models import Indicator
    from cities.models import City
    from demo.content import demo_range

    numeric = Indicator.objects.exclude(value_type__in=[Indicator.ValueType.BOOLEAN, Indicator.ValueType.TEXT])
    for city in City.objects.all():
        for indicator in numeric:
            plausible = demo_range(indicator, city)
            assert plausible is not None and plausible.low < plausible.high and plausible.source and plausible.unit


def test_demo_no_data_rows_carry_no_year_confidence_or_unit(demo):
    rows = IndicatorValue.objects.filter(no_data=True)
    assert rows.exists()
    assert not rows.exclude(reference_year=None, confidence="", unit="").exists()
