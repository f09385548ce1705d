"""The review workflow tells people: emails on submit, send back and publish, each in its reader's language, the
reviewer's comment on top of the form, and the admin home's lists (to review, sent back to you, my drafts)."""

import pytest
from django.core import mail
from django.urls import reverse

from assessments.models import Assessment, Framework
from assessments.services import MUFPP_SLUG, assessment_categories_ensure
from cities.models import City
from tests.factories import AssessmentFactory, UserFactory

pytestmark = pytest.mark.django_db

COMMENT = "Cite the sources of the diet indicators."


@pytest.fixture
def sfax_draft(reference_data, student):
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    assessment = AssessmentFactory(city=City.objects.get(slug="sfax"), framework=framework, year=2019)
    assessment_categories_ensure(assessment=assessment)
    assessment.authors.add(student)
    return assessment


@pytest.fixture
def people(sfax_draft, student, team_member):
    """Who takes part: a French-speaking student and reviewer, an English-speaking team member, the partners."""
    student.is_staff, student.language = True, "fr"
    student.save()
    team_member.language = "en"
    team_member.save()
    fez = City.objects.get(slug="fez")
    return {
        "student": student,
        "team": team_member,
        "reviewer": UserFactory(username="reviewer", role="reviewer", is_staff=True, language="fr"),
        "sfax": UserFactory(username="sfax", role="partner", city=sfax_draft.city, language="fr"),
        "sfax-en": UserFactory(username="sfax-en", role="partner", city=sfax_draft.city, language="en"),
        "fez": UserFactory(username="fez", role="partner", city=fez, language="fr"),
    }


def step(client, user, assessment, verb, capture, **data):
    client.force_login(user)
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(reverse("admin:assessments_assessment_workflow", args=[assessment.pk, verb]), data)
    assert response.status_code == 302
    return {message.to[0].split("@")[0]: message for message in mail.outbox}


def inbox_counts(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {item.key: item.count for item in response.context["lists"]}


def test_a_submit_send_back_resubmit_publish_cycle_tells_the_right_people_in_their_languages(
    sfax_draft, people, client, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    assert inbox_counts(client, people["student"]) == {"sent-back": 0, "my-drafts": 1}
    assert inbox_counts(client, people["reviewer"]) == {"to-review": 0, "sent-back": 0, "my-drafts": 0}

    submitted = step(client, people["student"], sfax_draft, "submit", capture)
    assert set(submitted) == {"team", "reviewer"}  # no reviewer named: every reviewer and team member
    assert submitted["reviewer"].subject == "À relire : l’évaluation de Sfax 2019"
    assert submitted["team"].subject == "To review: the assessment of Sfax 2019"
    assert "/admin/assessments/assessment/" in submitted["team"].body
    assert inbox_counts(client, people["reviewer"])["to-review"] == 1
    assert inbox_counts(client, people["team"])["to-review"] == 1
    assert inbox_counts(client, people["student"]) == {"sent-back": 0, "my-drafts": 0}

    sent_back = step(client, people["reviewer"], sfax_draft, "send_back", capture, comment=COMMENT)
    assert set(sent_back) == {"student"}
    message = sent_back["student"]
    assert message.subject == "Renvoyée : l’évaluation de Sfax 2019 demande des modifications"
    assert message.body.index(COMMENT) < message.body.index("brouillon")  # the comment first
    assert COMMENT in message.alternatives[0][0]
    assert inbox_counts(client, people["student"]) == {"sent-back": 1, "my-drafts": 0}
    assert inbox_counts(client, people["reviewer"])["to-review"] == 0

    resubmitted = step(client, people["student"], sfax_draft, "submit", capture)
    assert set(resubmitted) == {"team", "reviewer"}
    assert inbox_counts(client, people["student"]) == {"sent-back": 0, "my-drafts": 0}
    assert inbox_counts(client, people["reviewer"])["to-review"] == 1

    published = step(client, people["reviewer"], sfax_draft, "publish", capture)
    assert set(published) == {"student", "sfax", "sfax-en"}  # the contributors and Sfax's partners, not Fez's
    assert published["sfax"].subject == "Publiée : l’évaluation de Sfax 2019"
    assert published["sfax-en"].subject == "Published: the assessment of Sfax 2019"
    assert "/fr/" in published["sfax"].body and "/en/" in published["sfax-en"].body
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.PUBLISHED
    assert inbox_counts(client, people["reviewer"])["to-review"] == 0
    assert inbox_counts(client, people["student"]) == {"sent-back": 0, "my-drafts": 0}


def test_a_submission_goes_to_the_reviewers_named_on_the_assessment_only(
    sfax_draft, people, client, django_capture_on_commit_callbacks
):
    sfax_draft.reviewers.add(people["reviewer"])

    submitted = step(client, people["student"], sfax_draft, "submit", django_capture_on_commit_callbacks)

    assert set(submitted) == {"reviewer"}


def test_no_email_leaves_when_the_step_is_refused(sfax_draft, people, client, django_capture_on_commit_callbacks):
    sent = step(client, people["student"], sfax_draft, "publish", django_capture_on_commit_callbacks)

    assert sent == {}
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.DRAFT


def test_the_reviewers_comment_is_shown_at_the_top_of_the_form(
    sfax_draft, people, client, django_capture_on_commit_callbacks
):
    step(client, people["student"], sfax_draft, "submit", django_capture_on_commit_callbacks)
    step(client, people["reviewer"], sfax_draft, "send_back", django_capture_on_commit_callbacks, comment=COMMENT)
    client.force_login(people["student"])

    page = client.get(reverse("admin:assessments_assessment_change", args=[sfax_draft.pk])).text

    assert 'id="review-comment"' in page
    assert page.index(COMMENT) < page.index('name="category_assessments-TOTAL_FORMS"')


def test_the_admin_home_lists_cost_the_same_queries_whatever_the_number_of_assessments(
    sfax_draft, people, client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_of_admin_home():
        client.force_login(people["team"])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("admin:index")).status_code == 200
        return len(captured)

    step(client, people["student"], sfax_draft, "submit", django_capture_on_commit_callbacks)
    few = queries_of_admin_home()
    for city in City.objects.exclude(slug="sfax")[:5]:
        assessment = AssessmentFactory(city=city, framework=sfax_draft.framework, year=2019)
        Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.IN_REVIEW)
    many = queries_of_admin_home()

    assert inbox_counts(client, people["team"])["to-review"] == 6
    assert many == few
    with django_assert_num_queries(few):
        client.get(reverse("admin:index"))
