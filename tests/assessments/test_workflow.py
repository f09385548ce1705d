"""The assessment workflow: who creates, edits, submits, publishes, sends back, reopens and archives, and its record."""

import pytest

from assessments.models import Assessment, Transition
from assessments.services import (
    AssessmentError,
    assessment_archive,
    assessment_create,
    assessment_publish,
    assessment_reopen,
    assessment_send_back,
    assessment_submit,
)
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    CategoryFactory,
    ChallengeFactory,
    CityFactory,
    FrameworkFactory,
    IndicatorValueFactory,
    InitiativeFactory,
    StudentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CONTENT_MODELS = ["categoryassessment", "indicatorvalue", "challenge", "initiative"]
ALL_MODELS = ["assessment", *CONTENT_MODELS, "framework", "category", "recommendedaction", "indicator", "pillar"]


@pytest.fixture
def framework(db):
    """A small framework of two categories."""
    framework = FrameworkFactory(slug="small-framework")
    CategoryFactory.create_batch(2, framework=framework)
    return framework


@pytest.fixture
def draft(sfax, framework):
    """A draft of Sfax, with a value, a challenge and an initiative."""
    assessment = AssessmentFactory(city=sfax, framework=framework, year=2019)
    IndicatorValueFactory(assessment=assessment)
    ChallengeFactory(assessment=assessment)
    InitiativeFactory(assessment=assessment)
    CategoryAssessmentFactory(assessment=assessment)
    return assessment


def content_of(assessment: Assessment) -> dict:
    """Return the assessment and one object of each kind of its content, keyed by model name."""
    return {
        "assessment": assessment,
        "categoryassessment": assessment.category_assessments.first(),
        "indicatorvalue": assessment.indicator_values.first(),
        "challenge": assessment.challenges.first(),
        "initiative": assessment.initiatives.first(),
    }


def submitted(assessment, by):
    return assessment_submit(assessment=assessment, by=by)


def published(assessment, team):
    if assessment.status == Assessment.Status.DRAFT:
        assessment_submit(assessment=assessment, by=team)
    return assessment_publish(assessment=assessment, by=team)


# Creating, editing and submitting


def test_student_assigned_to_sfax_creates_edits_and_submits_a_draft(student, sfax, framework):
    assessment = assessment_create(city=sfax, year=2019, by=student, framework=framework)

    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.slug == "sfax-2019"
    assert list(assessment.authors.all()) == [student]
    assert assessment.category_assessments.count() == 2
    assert student.has_perm("assessments.change_assessment", assessment)

    value = IndicatorValueFactory(assessment=assessment)
    assert student.has_perm("assessments.change_indicatorvalue", value)
    assessment.summary = "Sfax's food system, first reading."
    assessment.save()

    assessment_submit(assessment=assessment, by=student)

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_REVIEW
    assert assessment.summary == "Sfax's food system, first reading."
    assert assessment.submitted_at is not None


def test_student_cannot_create_an_assessment_for_a_city_they_are_not_assigned_to(student, framework):
    lyon = CityFactory(name_en="Lyon")

    with pytest.raises(AssessmentError):
        assessment_create(city=lyon, year=2019, by=student, framework=framework)

    assert not Assessment.objects.exists()


def test_a_student_without_any_city_cannot_create_an_assessment(sfax, framework):
    student = StudentFactory()

    assert not student.has_perm("assessments.add_assessment")
    with pytest.raises(AssessmentError):
        assessment_create(city=sfax, year=2019, by=student, framework=framework)


def test_the_same_edition_cannot_be_created_twice(team_member, sfax, framework):
    assessment_create(city=sfax, year=2019, by=team_member, framework=framework)

    with pytest.raises(AssessmentError):
        assessment_create(city=sfax, year=2019, by=team_member, framework=framework)


@pytest.mark.parametrize("model", ["assessment", *CONTENT_MODELS])
def test_student_cannot_edit_a_draft_of_a_city_they_are_not_assigned_to(draft, model):
    outsider = StudentFactory(assigned_cities=[CityFactory(name_en="Lyon")])
    obj = content_of(draft)[model]

    assert not outsider.has_perm(f"assessments.change_{model}", obj)
    assert not outsider.has_perm(f"assessments.view_{model}", obj)


def test_student_cannot_submit_a_draft_of_a_city_they_are_not_assigned_to(draft):
    outsider = StudentFactory(assigned_cities=[CityFactory(name_en="Lyon")])

    with pytest.raises(AssessmentError):
        assessment_submit(assessment=draft, by=outsider)

    draft.refresh_from_db()
    assert draft.status == Assessment.Status.DRAFT
    assert not draft.transitions.exists()


@pytest.mark.parametrize("model", ["assessment", *CONTENT_MODELS])
def test_student_can_no_longer_edit_once_the_draft_is_in_review(draft, student, team_member, model):
    submitted(draft, student)
    obj = content_of(draft)[model]

    assert not student.has_perm(f"assessments.change_{model}", obj)
    assert student.has_perm(f"assessments.view_{model}", obj)
    assert team_member.has_perm(f"assessments.change_{model}", obj)


def test_a_student_cannot_submit_twice(draft, student):
    submitted(draft, student)

    with pytest.raises(AssessmentError):
        assessment_submit(assessment=draft, by=student)


# Reviewing


def test_only_the_team_can_publish_an_assessment_in_review(draft, student, partner_b, team_member):
    submitted(draft, student)

    for outsider in (student, partner_b, UserFactory(role="other")):
        with pytest.raises(AssessmentError):
            assessment_publish(assessment=draft, by=outsider)
        assert draft.status == Assessment.Status.IN_REVIEW

    assessment_publish(assessment=draft, by=team_member)

    assert draft.status == Assessment.Status.PUBLISHED
    assert draft.published_at is not None
    assert list(draft.reviewers.all()) == [team_member]


def test_only_the_team_can_send_back_an_assessment_in_review(draft, student, partner_b, team_member):
    submitted(draft, student)

    for outsider in (student, partner_b):
        with pytest.raises(AssessmentError):
            assessment_send_back(assessment=draft, by=outsider, comment="Please add sources.")
    assert draft.status == Assessment.Status.IN_REVIEW

    assessment_send_back(assessment=draft, by=team_member, comment="Please add sources.")

    assert draft.status == Assessment.Status.DRAFT
    assert student.has_perm("assessments.change_assessment", draft)


def test_a_draft_cannot_be_published_without_review(draft, team_member):
    with pytest.raises(AssessmentError):
        assessment_publish(assessment=draft, by=team_member)

    assert draft.status == Assessment.Status.DRAFT


@pytest.mark.parametrize("comment", ["", "   \n"])
def test_sending_back_needs_a_comment(draft, student, team_member, comment):
    submitted(draft, student)

    with pytest.raises(AssessmentError, match="comment"):
        assessment_send_back(assessment=draft, by=team_member, comment=comment)

    draft.refresh_from_db()
    assert draft.status == Assessment.Status.IN_REVIEW
    assert draft.transitions.count() == 1


def test_every_transition_records_from_where_to_where_by_whom_and_why(draft, student, team_member):
    assessment_submit(assessment=draft, by=student, comment="Ready.")
    assessment_send_back(assessment=draft, by=team_member, comment="  Sources missing for mufpp-07.  ")
    assessment_submit(assessment=draft, by=student)
    assessment_publish(assessment=draft, by=team_member, comment="Good work.")
    assessment_archive(assessment=draft, by=team_member, comment="Replaced by the 2023 edition.")
    assessment_reopen(assessment=draft, by=team_member, comment="A typo in the summary.")

    steps = list(draft.transitions.values_list("from_status", "to_status", "by", "comment"))
    assert steps == [
        ("draft", "in_review", student.pk, "Ready."),
        ("in_review", "draft", team_member.pk, "Sources missing for mufpp-07."),
        ("draft", "in_review", student.pk, ""),
        ("in_review", "published", team_member.pk, "Good work."),
        ("published", "archived", team_member.pk, "Replaced by the 2023 edition."),
        ("archived", "draft", team_member.pk, "A typo in the summary."),
    ]
    assert all(step.at is not None for step in Transition.objects.all())


# Publication makes the assessment read-only


@pytest.mark.parametrize("model", ["assessment", *CONTENT_MODELS])
def test_a_published_assessment_is_read_only_for_team_and_student(draft, student, team_member, model):
    published(draft, team_member)
    obj = content_of(draft)[model]

    for user in (team_member, student):
        assert not user.has_perm(f"assessments.change_{model}", obj)
        assert not user.has_perm(f"assessments.delete_{model}", obj)
        assert user.has_perm(f"assessments.view_{model}", obj)
    if model != "assessment":
        assert not team_member.has_perm(f"assessments.add_{model}", obj)


@pytest.mark.parametrize("model", ["assessment", *CONTENT_MODELS])
def test_an_archived_assessment_is_read_only_for_the_team(draft, team_member, model):
    published(draft, team_member)
    assessment_archive(assessment=draft, by=team_member)

    assert not team_member.has_perm(f"assessments.change_{model}", content_of(draft)[model])


@pytest.mark.parametrize("model", ["assessment", *CONTENT_MODELS])
def test_reopening_a_published_assessment_makes_it_an_editable_draft_again(draft, student, team_member, model):
    published(draft, team_member)

    assessment_reopen(assessment=draft, by=team_member, comment="Correct a value.")

    assert draft.status == Assessment.Status.DRAFT
    obj = content_of(draft)[model]
    assert team_member.has_perm(f"assessments.change_{model}", obj)
    assert student.has_perm(f"assessments.change_{model}", obj)


def test_only_the_team_can_reopen_or_archive_a_published_assessment(draft, student, partner_b, team_member):
    published(draft, team_member)

    for outsider in (student, partner_b):
        with pytest.raises(AssessmentError):
            assessment_reopen(assessment=draft, by=outsider, comment="Please.")
        with pytest.raises(AssessmentError):
            assessment_archive(assessment=draft, by=outsider)

    draft.refresh_from_db()
    assert draft.status == Assessment.Status.PUBLISHED


def test_a_draft_cannot_be_reopened_or_archived(draft, team_member):
    with pytest.raises(AssessmentError):
        assessment_reopen(assessment=draft, by=team_member)
    with pytest.raises(AssessmentError):
        assessment_archive(assessment=draft, by=team_member)


# Partners read, never write


@pytest.mark.parametrize("model", ALL_MODELS)
@pytest.mark.parametrize("action", ["add", "change", "delete"])
def test_a_partner_cannot_add_change_or_delete_anything_even_for_their_own_city(partner_b, framework, model, action):
    assessment = AssessmentFactory(city=partner_b.city, framework=framework, shared_with_partners=True)
    IndicatorValueFactory(assessment=assessment)
    ChallengeFactory(assessment=assessment)
    InitiativeFactory(assessment=assessment)
    CategoryAssessmentFactory(assessment=assessment)
    objects = content_of(assessment)
    reference = {
        "framework": framework,
        "category": framework.categories.first(),
        "indicator": assessment.indicator_values.first().indicator,
    }
    obj = objects.get(model) or reference.get(model)

    assert not partner_b.has_perm(f"assessments.{action}_{model}")
    if obj is not None:
        assert not partner_b.has_perm(f"assessments.{action}_{model}", obj)


def test_a_partner_cannot_view_an_unshared_draft_of_their_own_duo(partner_b, framework):
    for city in (partner_b.city, partner_b.city.duos_as_partner.get().french_city):
        assessment = AssessmentFactory(city=city, framework=framework)
        assert not partner_b.has_perm("assessments.view_assessment", assessment)
        assert not partner_b.has_perm("assessments.view_indicatorvalue", IndicatorValueFactory(assessment=assessment))


def test_a_partner_can_view_a_shared_draft_of_either_city_of_their_duo(partner_b, duo_b, framework):
    for city in (duo_b.partner_city, duo_b.french_city):
        assessment = AssessmentFactory(city=city, framework=framework, shared_with_partners=True)
        assert partner_b.has_perm("assessments.view_assessment", assessment)
        assert partner_b.has_perm("assessments.view_initiative", InitiativeFactory(assessment=assessment))
        assert not partner_b.has_perm("assessments.change_assessment", assessment)


def test_a_partner_never_views_a_shared_draft_of_another_duo(partner_b, duo_a, framework):
    for city in (duo_a.french_city, duo_a.partner_city):
        assessment = AssessmentFactory(city=city, framework=framework, shared_with_partners=True)
        assert not partner_b.has_perm("assessments.view_assessment", assessment)
        assert not partner_b.has_perm("assessments.view_challenge", ChallengeFactory(assessment=assessment))


# Concurrency and history


def test_a_transition_from_a_stale_status_is_refused(draft, student, team_member):
    submitted(draft, student)
    stale = Assessment.objects.get(pk=draft.pk)
    assessment_send_back(assessment=draft, by=team_member, comment="Sources missing.")

    with pytest.raises(AssessmentError, match="meanwhile"):
        assessment_publish(assessment=stale, by=team_member)

    draft.refresh_from_db()
    assert draft.status == Assessment.Status.DRAFT
    assert draft.published_at is None
    assert draft.transitions.count() == 2


def test_each_change_to_an_assessment_records_a_version_with_its_author(draft, team_member):
    before = draft.history.count()

    draft.summary = "Corrected summary."
    draft._history_user = team_member
    draft.save()

    assert draft.history.count() == before + 1
    latest = draft.history.first()
    assert latest.history_user == team_member
    assert latest.summary == "Corrected summary."


def test_a_change_made_through_a_request_records_the_requesting_user(draft, team_member, rf):
    from simple_history.models import HistoricalRecords

    request = rf.post("/")
    request.user = team_member
    HistoricalRecords.context.request = request
    try:
        draft.summary = "Edited in a request."
        draft.save()
    finally:
        del HistoricalRecords.context.request

    assert draft.history.first().history_user == team_member


def test_each_transition_records_a_version_with_its_author_and_the_comment_as_reason(draft, student, team_member):
    before = draft.history.count()

    assessment_submit(assessment=draft, by=student, comment="Ready for review.")
    after_submit = draft.history.count()
    assessment_send_back(assessment=draft, by=team_member, comment="Add the sources.")

    assert before < after_submit < draft.history.count()
    sent_back, submitted_version = draft.history.all()[:2]
    assert (submitted_version.status, submitted_version.history_change_reason) == ("in_review", "Ready for review.")
    assert submitted_version.history_user == student
    assert (sent_back.status, sent_back.history_change_reason) == ("draft", "Add the sources.")
    assert sent_back.history_user == team_member


def test_the_creator_of_an_assessment_is_recorded_in_its_history(student, sfax, framework):
    assessment = assessment_create(city=sfax, year=2019, by=student, framework=framework)

    assert {version.history_user for version in assessment.history.all()} == {student}
