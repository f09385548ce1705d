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
