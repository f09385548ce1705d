"""Partners act on their duo's plan without the admin: the "my duo" page, postponing a milestone with a reason,
editing milestones and owners, every change in the action's history; others are refused."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.workshops.plan_data import action_for, workshop_for
from workshops import action_plans
from workshops.models import ActionUpdate, Milestone
from workshops.services import WorkshopError

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


@pytest.fixture
def fez_action(duo_b):
    """An action of the Montpellier–Fez plan, from a published workshop in Fez: one milestone late, one soon."""
    return action_for(
        duo_b,
        title="Fez school canteens buy from local farms",
        workshop=workshop_for(duo_b.partner_city),
        milestones=[
            ("Survey the canteens", TODAY - dt.timedelta(days=10), None),
            ("Sign the first supply contract", TODAY + dt.timedelta(days=20), None),
            ("Kick-off meeting", TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=60)),
        ],
    )


@pytest.fixture
def late(fez_action):
    return fez_action.milestones.get(title="Survey the canteens")


@pytest.fixture
def fez_client(client, partner_b):
    client.force_login(partner_b)
    return client


@pytest.fixture
def lyon_client(client, partner_a):
    client.force_login(partner_a)
    return client


# The page


def test_fez_lands_on_my_duo_after_logging_in(partner_b, client, fez_action):
    partner_b.set_password("correct-horse-battery")
    partner_b.language = "fr"
    partner_b.save()

    response = client.post(reverse("login"), {"username": "fez", "password": "correct-horse-battery"})

    assert response.status_code == 302
    assert response.url == "/fr/plan/mine/"  # in the partner's own language
    assert response.cookies["django_language"].value == "fr"


def test_my_duo_shows_what_is_due_and_overdue_for_the_city(fez_client, fez_action, late):
    page = fez_client.get(reverse("plans:mine"))

    assert page.status_code == 200
    assert [m.title for m in page.context["due"].overdue] == ["Survey the canteens"]
    assert [m.title for m in page.context["due"].soon] == ["Sign the first supply contract"]
    assert "Kick-off meeting" not in page.text  # done: nothing to do about it
    assert "10 days late" in page.text
    assert reverse("plans:milestone-postpone", args=[late.pk]) in page.text
    assert reverse("plans:action-owners", args=[fez_action.pk]) in page.text


def test_my_duo_costs_the_same_queries_however_many_actions(fez_client, duo_b, fez_action):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert fez_client.get(reverse("plans:mine")).status_code == 200
        return len(captured)

    count()  # the first page fills the site's caches (the footer's texts)
    few = count()
    for number in range(4):
        action_for(duo_b, title=f"Action {number}", milestones=[(f"Step {number}", TODAY, None)])
    assert count() == few


def test_my_duo_is_not_found_for_the_team_and_students(client, team_member, student, fez_action):
    for user in (team_member, student):
        client.force_login(user)
        assert client.get(reverse("plans:mine")).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, late, fez_action):
    for url in (
        reverse("plans:mine"),
        reverse("plans:milestone-postpone", args=[late.pk]),
        reverse("plans:action-owners", args=[fez_action.pk]),
        reverse("profile"),
    ):
        response = client.post(url, {"due": "2030-01-01", "reason": "x"})
        assert response.status_code == 302 and "/accounts/login/" in response.url
    late.refresh_from_db()
    assert late.due < TODAY


# Postponing


def test_fez_postpones_a_milestone_with_a_reason_and_the_history_says_so(fez_client, partner_b, late, fez_action):
    new_due = TODAY + dt.timedelta(days=45)

    response = fez_client.post(
        reverse("plans:milestone-postpone", args=[late.pk]),
        {"due": new_due.isoformat(), "reason": "The canteens close for Ramadan.", "next": reverse("plans:mine")},
    )

    assert response.status_code == 302 and response.url == reverse("plans:mine")
    late.refresh_from_db()
    assert late.due == new_due
    update = ActionUpdate.objects.get(action=fez_action)
    assert update.author == partner_b and "The canteens close for Ramadan." in update.note
    assert str(new_due) in update.note
    record = fez_action.history.latest()
    assert record.history_user == partner_b and "postponed" in record.history_change_reason


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"due": "2099-01-01", "reason": "  "}, "reason"),
        ({"due": "", "reason": "Ramadan"}, "due"),
        ({"due": "not a date", "reason": "Ramadan"}, "due"),
        ({"due": "2001-01-01", "reason": "Ramadan"}, "due"),  # not later than the current due date
    ],
)
def test_a_postponement_without_a_reason_or_a_later_date_is_a_400_with_the_field(fez_client, late, data, field):
    before = late.due

    response = fez_client.post(reverse("plans:milestone-postpone", args=[late.pk]), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.text
    late.refresh_from_db()
    assert late.due == before
    assert not ActionUpdate.objects.exists()


def test_the_service_refuses_to_postpone_a_done_milestone(fez_action, partner_b):
    done = fez_action.milestones.get(title="Kick-off meeting")
    with pytest.raises(WorkshopError):
        action_plans.milestone_postpone(milestone=done, due=TODAY + dt.timedelta(days=9), reason="Late", by=partner_b)


# Editing milestones and owners


def test_fez_edits_an_actions_owners_and_the_history_says_so(fez_client, partner_b, fez_action, duo_b):
    municipality = OrganisationFactory(name="Fez municipality", city=duo_b.partner_city, kind="local_authority")

    response = fez_client.post(reverse("plans:action-owners", args=[fez_action.pk]), {"owners": [municipality.pk]})

    assert response.status_code == 302
    assert list(fez_action.owners.all()) == [municipality]
    update = ActionUpdate.objects.get(action=fez_action)
    assert "Fez municipality" in update.note and "Food policy office" in update.note
    assert fez_action.history.latest().history_user == partner_b


def test_an_owner_from_outside_the_duo_is_a_400(fez_client, fez_action, duo_a):
    outsider = OrganisationFactory(name="Lyon market", city=duo_a.french_city, kind="local_authority")

    response = fez_client.post(reverse("plans:action-owners", args=[fez_action.pk]), {"owners": [outsider.pk]})

    assert response.status_code == 400
    assert "owners" in response.context["form"].errors
    assert fez_action.owners.count() == 2


def test_fez_renames_a_milestone_and_moves_its_date(fez_client, late, fez_action):
    due = TODAY + dt.timedelta(days=5)

    response = fez_client.post(
        reverse("plans:milestone-edit", args=[late.pk]), {"title": "Survey ten canteens", "due": due.isoformat()}
    )

    assert response.status_code == 302
    late.refresh_from_db()
    assert (late.title, late.due) == ("Survey ten canteens", due)
    assert "Survey ten canteens" in ActionUpdate.objects.get(action=fez_action).note


def test_a_milestone_without_title_is_a_400(fez_client, late):
    response = fez_client.post(reverse("plans:milestone-edit", args=[late.pk]), {"title": " ", "due": "2030-01-01"})

    assert response.status_code == 400
    assert "title" in response.context["form"].errors


def test_fez_adds_a_milestone(fez_client, fez_action):
    response = fez_client.post(
        reverse("plans:milestone-add", args=[fez_action.pk]), {"title": "Evaluate", "due": "2030-06-30"}
    )

    assert response.status_code == 302
    assert Milestone.objects.filter(action=fez_action, title="Evaluate", due=dt.date(2030, 6, 30)).exists()


def test_marking_a_milestone_done_from_my_duo_is_recorded_in_the_history(fez_client, late, fez_action, partner_b):
    response = fez_client.post(reverse("plans:milestone-done", args=[late.pk]), {"next": reverse("plans:mine")})

    assert response.url == reverse("plans:mine")
    late.refresh_from_db()
    assert late.done_on == TODAY
    assert ActionUpdate.objects.get(action=fez_action).author == partner_b


def test_fez_posts_a_dated_status_update_from_my_duo(fez_client, fez_action, partner_b):
    fez_client.post(
        reverse("plans:action-update", args=[fez_action.pk]),
        {"status": "in_progress", "note": "Three canteens signed.", "next": reverse("plans:mine")},
    )

    update = ActionUpdate.objects.get(action=fez_action)
    assert (update.note, update.date, update.author) == ("Three canteens signed.", TODAY, partner_b)


# Lyon on Fez's actions


@pytest.mark.parametrize("name", ["plans:milestone-postpone", "plans:milestone-edit"])
def test_lyon_cannot_change_fezs_milestones(lyon_client, late, name):
    before = (late.title, late.due)

    response = lyon_client.post(
        reverse(name, args=[late.pk]), {"title": "Hijacked", "due": "2099-01-01", "reason": "x"}
    )

    assert response.status_code in (403, 404)
    late.refresh_from_db()
    assert (late.title, late.due) == before


def test_lyon_cannot_edit_the_owners_of_fezs_action(lyon_client, fez_action, duo_b):
    response = lyon_client.post(reverse("plans:action-owners", args=[fez_action.pk]), {"owners": []})

    assert response.status_code in (403, 404)
    assert fez_action.owners.count() == 2
    assert not ActionUpdate.objects.exists()


def test_lyon_cannot_add_a_milestone_to_fezs_action(lyon_client, fez_action):
    response = lyon_client.post(
        reverse("plans:milestone-add", args=[fez_action.pk]), {"title": "x", "due": "2030-01-01"}
    )

    assert response.status_code in (403, 404)
    assert fez_action.milestones.count() == 3


def test_lyons_my_duo_page_does_not_list_fezs_milestones(lyon_client, fez_action):
    assert "Survey the canteens" not in lyon_client.get(reverse("plans:mine")).text


def test_the_duo_plan_offers_fez_to_postpone_a_milestone_but_not_the_public(client, fez_client, fez_action, late):
    url = reverse("plans:duo-plan", kwargs={"slug": fez_action.duo.slug})
    postpone = reverse("plans:milestone-postpone", args=[late.pk])

    assert postpone in fez_client.get(url).text
    client.logout()
    assert postpone not in client.get(url).text


@pytest.mark.parametrize(
    ("data", "field"), [({"status": "in_progress", "note": "  "}, "note"), ({"status": "nope", "note": "x"}, "status")]
)
def test_a_status_update_without_a_note_or_with_an_unknown_status_is_a_400(fez_client, fez_action, data, field):
    response = fez_client.post(reverse("plans:action-update", args=[fez_action.pk]), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.text
    assert not ActionUpdate.objects.exists()


def test_on_the_demo_fez_finds_a_late_milestone_on_my_duo_and_loading_twice_adds_nothing(reference_data, client):
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from workshops.models import Action

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="fez"))

    due = client.get(reverse("plans:mine")).context["due"]

    assert [milestone.title for milestone in due.overdue] == ["Survey the school canteens' suppliers"]
    assert Action.objects.filter(duo__slug="montpellier-fez").count() == 1
