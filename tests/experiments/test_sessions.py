"""Awareness and training sessions: the officer records them, participants give anonymous feedback on their phones
with the session's code (one answer per phone, wrong codes limited), and the follow-up actions they propose enter
the same proposal → plan pipeline as the workshops'."""

from datetime import date

import pytest

from experiments import services
from experiments.feedback_views import GUESS_RATE
from experiments.models import Feedback, Session
from tests.factories import CommuneFactory, FeedbackFactory, SessionFactory
from workshops.models import Action, Proposal


def test_the_officer_records_a_training_session_for_elected_officials(client, officer, experiment, communes):
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/{experiment.slug}/sessions/new/",
        {
            "commune": communes[1].pk,
            "kind": "training",
            "title": "Training of the mayors",
            "date": "2025-11-14",
            "audience": "Mayors",
            "attendance": "14",
            "material": "Self-diagnosis grid",
        },
    )

    session = Session.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert (session.kind, session.commune, session.attendance, session.date) == (
        "training",
        communes[1],
        14,
        date(2025, 11, 14),
    )
    assert len(session.code) == 6 and not session.feedback_open


def test_a_session_with_a_negative_attendance_is_refused_with_its_field(client, officer, experiment, communes):
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/{experiment.slug}/sessions/new/",
        {
            "commune": communes[0].pk,
            "kind": "awareness",
            "title": "x",
            "date": "2025-11-14",
            "audience": "All",
            "attendance": "-3",
        },
    )

    assert response.status_code == 400
    assert "attendance" in response.context["form"].errors
    assert not Session.objects.exists()


def test_a_session_in_a_commune_outside_the_experiment_is_refused(experiment):
    with pytest.raises(services.ExperimentError, match="not a partner commune"):
        services.session_record(
            experiment=experiment,
            commune=CommuneFactory(parent=experiment.territory),
            kind="awareness",
            title="x",
            on=date(2025, 10, 1),
            audience="All",
            attendance=3,
        )


@pytest.fixture
def open_session(experiment):
    return SessionFactory(experiment=experiment, feedback_open=True, is_published=False)


def test_a_participant_gives_feedback_once_from_a_phone(client, open_session):
    url = f"/en/feedback/{open_session.code}/"

    assert client.get(url).status_code == 200  # the visit sets the phone's token
    response = client.post(url, {"rating": "4", "will_act": "on", "comment": "Useful!"})
    again = client.post(url, {"rating": "1"})

    assert response.status_code == 302
    assert again.status_code == 409
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.will_act, feedback.comment) == (4, True, "Useful!")


def test_two_phones_give_two_answers(client, open_session):
    from django.test import Client

    for phone in (client, Client()):
        phone.get(f"/en/feedback/{open_session.code}/")
        phone.post(f"/en/feedback/{open_session.code}/", {"rating": "5"})

    assert Feedback.objects.filter(session=open_session).count() == 2


def test_a_post_without_the_phones_cookie_is_refused(client, open_session):
    response = client.post(f"/en/feedback/{open_session.code}/", {"rating": "5"})

    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_rating_out_of_the_scale_is_refused(client, open_session):
    client.get(f"/en/feedback/{open_session.code}/")

    response = client.post(f"/en/feedback/{open_session.code}/", {"rating": "9"})

    assert response.status_code == 400
    assert "rating" in response.context["form"].errors


def test_the_feedback_of_a_closed_session_is_refused(client, experiment):
    session = SessionFactory(experiment=experiment, feedback_open=False, is_published=True)

    response = client.post(f"/en/feedback/{session.code}/", {"rating": "5"})

    assert response.status_code == 409
    assert not Feedback.objects.exists()


def test_the_code_is_typed_in_lower_case_with_spaces_and_leads_to_the_form(client, open_session):
    typed = f" {open_session.code[:3].lower()} {open_session.code[3:].lower()}"

    response = client.get("/en/feedback/", {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == f"/en/feedback/{open_session.code}/"


def test_an_unpublished_session_with_closed_feedback_reads_as_an_unknown_code(client, experiment):
    session = SessionFactory(experiment=experiment, feedback_open=False, is_published=False)

    assert client.get(f"/en/feedback/{session.code}/").status_code == 404
    assert client.get("/en/feedback/", {"code": session.code}).status_code == 400


def test_wrong_codes_are_limited_per_client(client, open_session, settings):
    settings.RATELIMIT_ENABLE = True  # the test settings turn the limits off
    limit = int(GUESS_RATE.split("/")[0])
    answers = [client.get("/en/feedback/", {"code": f"ZZ{number:04d}"}).status_code for number in range(limit + 1)]

    response = client.get(f"/en/feedback/{open_session.code}/")

    assert set(answers[:limit]) == {400}

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"


def test_the_officer_opens_the_feedback_and_sees_the_code_and_its_qr(client, officer, experiment):
    session = SessionFactory(experiment=experiment)
    client.force_login(officer)

    client.post(f"/en/experiments/sessions/{session.pk}/feedback/", {"feedback": "open"})
    page = client.get(session.get_absolute_url()).content.decode()

    session.refresh_from_db()
    assert session.feedback_open
    assert session.code in page and "<svg" in page


def test_the_public_never_sees_the_code_nor_the_comments(client, experiment):
    session = SessionFactory(experiment=experiment, feedback_open=True)
    FeedbackFactory(session=session, token="t", rating=3, comment="The hall was cold")

    page = client.get(session.get_absolute_url()).content.decode()

    assert session.code not in page
    assert "The hall was cold" not in page
    assert "1 answer" in page


def test_another_parks_officer_cannot_open_the_feedback(client, other_officer, experiment):
    session = SessionFactory(experiment=experiment)
    client.force_login(other_officer)

    response = client.post(f"/en/experiments/sessions/{session.pk}/feedback/", {"feedback": "open"})

    assert response.status_code == 403
    session.refresh_from_db()
    assert not session.feedback_open


def test_old_sessions_close_their_feedback(experiment):
    old = SessionFactory(experiment=experiment, date=date(2025, 1, 1), feedback_open=True)
    recent = SessionFactory(experiment=experiment, date=date(2025, 1, 20), feedback_open=True)

    closed = services.sessions_feedback_close_stale(today=date(2025, 1, 25))

    old.refresh_from_db()
    recent.refresh_from_db()
    assert closed == 1 and not old.feedback_open and recent.feedback_open


# --- Follow-up actions: proposal → (vote) → the commune's plan


def test_a_follow_up_action_becomes_a_proposal_then_an_action_of_the_communes_plan(client, officer, experiment):
    session = SessionFactory(experiment=experiment, title="Evening on food disruptions")
    client.force_login(officer)

    client.post(f"/en/experiments/sessions/{session.pk}/follow-ups/", {"title": "Map the village wells"})
    session.refresh_from_db()
    proposal = Proposal.objects.get()
    client.post(f"/en/experiments/sessions/{session.pk}/follow-ups/{proposal.pk}/plan/")

    workshop = session.workshop
    assert (workshop.city, proposal.workshop) == (session.commune, workshop)
    assert officer in workshop.facilitators.all()  # the officer may run the vote on the follow-ups
    action = Action.objects.get()
    assert (action.territory, action.proposal, action.title) == (session.commune, proposal, "Map the village wells")


def test_a_follow_up_is_put_in_the_plan_only_once(officer, experiment):
    session = SessionFactory(experiment=experiment)
    proposal = services.session_follow_up(session=session, title="Wells", by=officer)
    services.follow_up_to_plan(session=session, proposal=proposal)

    with pytest.raises(services.ExperimentError, match="already an action"):
        services.follow_up_to_plan(session=session, proposal=proposal)


def test_a_follow_up_without_a_title_is_refused(experiment):
    session = SessionFactory(experiment=experiment)

    with pytest.raises(services.ExperimentError, match="needs a title"):
        services.session_follow_up(session=session, title="  ")

    assert not Proposal.objects.exists()


@pytest.mark.parametrize("n", [1, 4])
def test_the_session_page_costs_the_same_queries_whatever_its_feedback(
    client, officer, experiment, n, django_assert_num_queries
):
    session = SessionFactory(experiment=experiment)
    for index in range(n):
        FeedbackFactory(session=session, token=f"t{index}", rating=4, comment="ok")
        services.session_follow_up(session=session, title=f"Follow-up {index}")
    client.force_login(officer)

    with django_assert_num_queries(8):
        assert client.get(session.get_absolute_url()).status_code == 200
