"""The closed loop: from an action to the challenge and workshop it came from and the indicators it should move, and
from an indicator to its values across editions and the actions meant to move it."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Assessment
from tests.factories import AssessmentFactory, ChallengeFactory, IndicatorFactory, IndicatorValueFactory
from tests.workshops.plan_data import action_for, workshop_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def loop(duo_a):
    city = duo_a.partner_city
    city.is_published = True
    city.save()
    baseline = AssessmentFactory(city=city, year=2019, status=Assessment.Status.PUBLISHED)
    follow_up = AssessmentFactory(
        city=city, framework=baseline.framework, year=2024, edition="follow_up", status=Assessment.Status.PUBLISHED
    )
    draft = AssessmentFactory(city=city, framework=baseline.framework, year=2026)
    indicator = IndicatorFactory(framework=baseline.framework, code="mufpp-06", name_en="Share of local food")
    IndicatorValueFactory(assessment=baseline, indicator=indicator, value_number=Decimal("12"))
    IndicatorValueFactory(assessment=follow_up, indicator=indicator, value_number=Decimal("19"))
    IndicatorValueFactory(assessment=draft, indicator=indicator, value_number=Decimal("77"))
    challenge = ChallengeFactory(assessment=baseline, title_en="Canteens buy imported rice")
    workshop = workshop_for(city, title_en="Ho Chi Minh City stakeholder workshop")
    action = action_for(duo_a, workshop=workshop)
    action.proposal.challenges.add(challenge)
    action.indicators.add(indicator)
    return {"action": action, "indicator": indicator, "city": city, "workshop": workshop}


def test_an_action_links_to_its_challenge_workshop_and_indicator_values(anonymous, loop):
    page = anonymous.get(reverse("plans:action-detail", kwargs={"pk": loop["action"].pk})).content.decode()

    assert "Canteens buy imported rice" in page
    assert loop["city"].get_absolute_url() in page
    assert reverse("workshops:workshop-detail", kwargs={"slug": loop["workshop"].slug}) in page
    assert reverse("assessments:indicator-detail", kwargs={"code": "mufpp-06"}) in page
    assert "2019" in page and "2024" in page
    assert "77" not in re.sub(r'="[^"]*"', "", page)  # a draft edition stays private (chart coordinates aside)


def test_an_indicator_lists_its_values_across_editions_and_the_actions_meant_to_move_it(anonymous, loop):
    url = reverse("assessments:indicator-detail", kwargs={"code": "mufpp-06"}) + f"?city={loop['city'].slug}"

    page = anonymous.get(url).content.decode()

    assert "Share of local food" in page
    assert page.index("2019") < page.index("2024")
    assert "School canteens source locally" in page
    assert reverse("plans:action-detail", kwargs={"pk": loop["action"].pk}) in page
    # The draft edition's 77 stays private: read from the values on, past the heading's factory-made category name
    # ("Category 577" once a process has made that many), chart coordinates aside.
    values = page[page.index('id="values-heading"') :]
    assert "77" not in re.sub(r'="[^"]*"', "", values)


def test_an_unknown_indicator_is_not_found(anonymous, db):
    assert anonymous.get(reverse("assessments:indicator-detail", kwargs={"code": "nope"})).status_code == 404
