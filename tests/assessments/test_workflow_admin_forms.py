"""Every form of the assessment admin saves with its optional fields empty, and a rating without its rationale is a
field error on the page, not a server error."""

import pytest
from django.urls import reverse

from assessments.models import Category, Challenge, Framework, Indicator, IndicatorValue, Initiative
from assessments.services import MUFPP_SLUG, assessment_categories_ensure
from cities.models import City
from tests.assessments.test_admin import change_form_data, change_url
from tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sfax_draft(reference_data, student):
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    assessment = AssessmentFactory(city=City.objects.get(slug="sfax"), framework=framework, year=2019)
    assessment_categories_ensure(assessment=assessment)
    return assessment


@pytest.fixture
def team_client(client, team_member):
    client.force_login(team_member)
    return client


def with_readings(assessment, data):
    """Add the six category readings to the POST data, as the change page sends them, all left empty."""
    readings = list(assessment.category_assessments.order_by("category__order"))
    count = len(readings)
    data.update({"category_assessments-TOTAL_FORMS": count, "category_assessments-INITIAL_FORMS": count})
    for index, reading in enumerate(readings):
        data[f"category_assessments-{index}-id"] = reading.pk
        data[f"category_assessments-{index}-assessment"] = assessment.pk
    return readings


def test_a_rating_without_its_rationale_is_a_field_error_not_a_crash(sfax_draft, team_client):
    data = change_form_data(sfax_draft)
    readings = with_readings(sfax_draft, data)
    data["category_assessments-0-rating"] = 6

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors == {"rating_rationale_en": ["Explain the rating: a rating needs its rationale."]}
    assert "Explain the rating" in response.text
    readings[0].refresh_from_db()
    assert readings[0].rating is None


def test_a_rating_without_its_rationale_on_its_own_page_is_a_field_error(sfax_draft, team_client):
    reading = sfax_draft.category_assessments.first()
    url = reverse("admin:assessments_categoryassessment_change", args=[reading.pk])

    response = team_client.post(url, {"rating": 4, "_save": "Save"})

    assert response.status_code == 200
    assert "rating_rationale_en" in response.context["adminform"].form.errors
    reading.refresh_from_db()
    assert reading.rating is None


def test_the_assessment_form_saves_with_every_optional_field_empty(sfax_draft, team_client):
    data = change_form_data(sfax_draft, summary_en="", summary_fr="")

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302
    sfax_draft.refresh_from_db()
    assert sfax_draft.summary_en in ("", None)


def test_the_category_readings_save_with_every_optional_field_empty(sfax_draft, team_client):
    data = change_form_data(sfax_draft)
    readings = with_readings(sfax_draft, data)
    data["category_assessments-0-strengths_en"] = "A food council."  # one change, all the rest empty

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302
    readings[0].refresh_from_db()
    assert readings[0].strengths_en == "A food council." and readings[0].rating is None


def test_an_indicator_value_saves_with_every_optional_field_empty(sfax_draft, team_client):
    indicator = Indicator.objects.filter(framework=sfax_draft.framework).first()
    data = change_form_data(sfax_draft)
    data.update({"indicator_values-TOTAL_FORMS": 1, "indicator_values-0-indicator": indicator.pk})
    data["indicator_values-0-no_data"] = "on"  # no value given: "no data" is the one state that must be said

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302
    value = IndicatorValue.objects.get(assessment=sfax_draft)
    assert value.no_data and value.reference_year is None and value.source_title == ""


def test_an_indicator_value_without_value_nor_no_data_is_a_field_error(sfax_draft, team_client):
    indicator = Indicator.objects.filter(framework=sfax_draft.framework).first()
    data = change_form_data(sfax_draft)
    data.update({"indicator_values-TOTAL_FORMS": 1, "indicator_values-0-indicator": indicator.pk})

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 200
    assert not IndicatorValue.objects.filter(assessment=sfax_draft).exists()


def test_a_challenge_saves_with_every_optional_field_empty(sfax_draft, team_client):
    category = Category.objects.filter(framework=sfax_draft.framework).first()
    data = change_form_data(sfax_draft)
    data.update(
        {
            "challenges-TOTAL_FORMS": 1,
            "challenges-0-category": category.pk,
            "challenges-0-severity": "medium",
            "challenges-0-title_en": "Food waste",
        }
    )

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302
    challenge = Challenge.objects.get(assessment=sfax_draft)
    assert challenge.title_en == "Food waste" and challenge.description_en in ("", None)


def test_an_initiative_saves_with_every_optional_field_empty(sfax_draft, team_client):
    data = change_form_data(sfax_draft)
    data.update(
        {
            "initiatives-TOTAL_FORMS": 1,
            "initiatives-0-title_en": "Urban gardens",
            "initiatives-0-actor_type": Initiative.ActorType.choices[0][0],
            "initiatives-0-status": Initiative.Status.choices[0][0],
        }
    )

    response = team_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302, response.context["inline_admin_formsets"][3].formset.errors
    initiative = Initiative.objects.get(assessment=sfax_draft)
    assert initiative.organisation is None and not initiative.categories.exists()
