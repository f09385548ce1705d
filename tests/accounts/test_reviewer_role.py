"""A reviewer reviews, sends back and publishes assessments, without the rest of the team's rights."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Framework
from assessments.services import (
    MUFPP_SLUG,
    AssessmentError,
    assessment_categories_ensure,
    assessment_publish,
    assessment_send_back,
    assessment_submit,
)
from cities.models import City
from tests.factories import AssessmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", role="reviewer", is_staff=True)


@pytest.fixture
def in_review(reference_data, student):
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    assessment = AssessmentFactory(city=City.objects.get(slug="sfax"), framework=framework, year=2019)
    assessment_categories_ensure(assessment=assessment)
    return assessment_submit(assessment=assessment, by=student)


def test_a_reviewer_sends_back_then_publishes_an_assessment_in_review(in_review, reviewer, student):
    assessment_send_back(assessment=in_review, by=reviewer, comment="Sources, please.")
    assessment_submit(assessment=in_review, by=student)
    assessment_publish(assessment=in_review, by=reviewer)

    in_review.refresh_from_db()
    assert in_review.status == Assessment.Status.PUBLISHED
    assert reviewer in in_review.reviewers.all()


def test_a_reviewer_cannot_publish_a_draft_nor_reopen_or_archive(in_review, reviewer, team_member):
    assessment_publish(assessment=in_review, by=team_member)

    assert not reviewer.has_perm("assessments.reopen_assessment", in_review)
    assert not reviewer.has_perm("assessments.archive_assessment", in_review)
    draft = AssessmentFactory(city=in_review.city, framework=in_review.framework, year=2026)
    with pytest.raises(AssessmentError):
        assessment_publish(assessment=draft, by=reviewer)


def test_a_reviewer_reads_but_does_not_edit_the_assessment_content(in_review, reviewer):
    assert reviewer.has_perm("assessments.view_assessment", in_review)
    assert reviewer.has_perm("assessments.view_categoryassessment", in_review)
    assert not reviewer.has_perm("assessments.change_assessment", in_review)
    assert not reviewer.has_perm("assessments.delete_assessment", in_review)
    assert not reviewer.has_perm("assessments.change_indicator")


@pytest.mark.parametrize(
    "perm",
    [
        "accounts.change_user",
        "accounts.add_user",
        "accounts.invite_user",
        "newsletter.add_campaign",
        "newsletter.change_campaign",
        "workshops.change_action",
        "cities.change_city",
    ],
)
def test_a_reviewer_has_none_of_the_teams_other_rights(reviewer, perm):
    assert not reviewer.has_perm(perm)


def test_a_reviewer_opens_the_assessment_in_review_in_the_admin_but_not_users_nor_campaigns(
    in_review, reviewer, client
):
    client.force_login(reviewer)

    change = client.get(reverse("admin:assessments_assessment_change", args=[in_review.pk]))
    assert change.status_code == 200
    assert 'name="workflow-publish"' in change.text and 'name="workflow-send_back"' in change.text
    home = client.get(reverse("admin:index"))
    assert {item.key: item.count for item in home.context["lists"]}["to-review"] == 1
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert client.get(reverse("admin:newsletter_campaign_changelist")).status_code == 403


def test_a_reviewer_publishes_through_the_admin_workflow_button(in_review, reviewer, client):
    client.force_login(reviewer)

    client.post(reverse("admin:assessments_assessment_workflow", args=[in_review.pk, "publish"]))

    in_review.refresh_from_db()
    assert in_review.status == Assessment.Status.PUBLISHED


def test_a_reviewer_lands_on_the_admin_after_logging_in(reviewer, client):
    reviewer.set_password("correct-horse-battery")
    reviewer.save()

    response = client.post(reverse("login"), {"username": "reviewer", "password": "correct-horse-battery"})

    assert response.url == reverse("admin:index")
