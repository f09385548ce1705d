"""The demo loader adds one illustrative assessment per city, labelled as demonstration data."""

import pytest
from django.core.management import call_command

from assessments.models import Assessment, IndicatorValue, Initiative


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)


def test_demo_loader_adds_one_labelled_assessment_per_city(demo):
    assert Assessment.objects.count() == 14
    assert not Assessment.objects.filter(is_demo=False).exists()
    assert Assessment.objects.get(city__slug="sfax").status == Assessment.Status.DRAFT
    assert Assessment.objects.published().count() == 13


def test_demo_assessments_have_ratings_values_challenges_and_initiatives(demo):
    fez = Assessment.objects.get(city__slug="fez")
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
