"""The duo's action plan: progress from milestones, overdue flags, status updates, who sees what, query budgets."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.workshops.plan_data import TODAY, action_for, workshop_for
from workshops import selectors as plans
from workshops.action_plans import action_update_record
from workshops.models import Action, ActionUpdate
from workshops.services import action_progress

pytestmark = pytest.mark.django_db

PAST, FUTURE = dt.date(2020, 1, 10), dt.date(2099, 1, 10)


def test_progress_is_the_share_of_milestones_done(duo_a):
    action = action_for(
        duo_a,
        milestones=[("Map suppliers", PAST, PAST), ("Sign charter", PAST, None), ("Tender", FUTURE, None)],
    )

    assert action_progress(action) == 33
    assert action_progress(action_for(duo_a, title="No milestones")) is None


def test_a_past_due_open_milestone_is_overdue_and_a_done_one_is_not(duo_a):
    action = action_for(duo_a, milestones=[("Late", TODAY - dt.timedelta(days=1), None), ("Done", PAST, PAST)])
    late, done = action.milestones.get(title="Late"), action.milestones.get(title="Done")

    assert late.is_overdue(TODAY) is True
    assert done.is_overdue(TODAY) is False


def test_the_plan_page_flags_overdue_milestones_in_words(anonymous, duo_a):
    action_for(duo_a, milestones=[("Sign the canteen charter", PAST, None), ("Tender", FUTURE, None)])

    page = anonymous.get(reverse("plans:duo-plan", kwargs={"slug": duo_a.slug})).content.decode()

    assert "School canteens source locally" in page
    assert "Overdue" in page and "1 milestone overdue" in page
    assert "Progress: 0 % of milestones done" in page
    assert "Food policy office" in page and "Department of agriculture" in page


def test_a_status_update_is_recorded_with_its_author_and_moves_the_status(duo_a, partner_a):
    action = action_for(duo_a)

    update = action_update_record(
        action=action, status=Action.Status.IN_PROGRESS, note="Tender launched.", by=partner_a
    )

    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert update.author == partner_a and update.note == "Tender launched."


def test_a_partner_of_the_duo_posts_an_update_and_ticks_a_milestone_from_the_page(client, duo_a, partner_a):
    action = action_for(duo_a, milestones=[("Sign charter", PAST, None)])
    client.force_login(partner_a)

    response = client.post(
        reverse("plans:action-update", kwargs={"pk": action.pk}), {"status": "in_progress", "note": "Charter drafted."}
    )
    client.post(reverse("plans:milestone-done", kwargs={"pk": action.milestones.get().pk}))

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert ActionUpdate.objects.get(note="Charter drafted.").author == partner_a
    assert action.milestones.get().done_on is not None
    assert ActionUpdate.objects.filter(note__startswith="Milestone “Sign charter” done on", author=partner_a).exists()


def test_another_duos_partner_cannot_post_an_update(client, duo_a, partner_b):
    action = action_for(duo_a)
    client.force_login(partner_b)

    response = client.post(
        reverse("plans:action-update", kwargs={"pk": action.pk}), {"status": "done", "note": "Hijacked."}
    )

    assert response.status_code == 403
    assert not ActionUpdate.objects.exists()


def test_the_public_sees_no_internal_notes_nor_update_authors(anonymous, client, duo_a, partner_a, partner_b):
    action = action_for(duo_a, internal_notes="Mayor hesitant about the budget.")
    action_update_record(action=action, status="in_progress", note="Kick-off held.", by=partner_a)
    partner_a.first_name, partner_a.last_name = "Camille", "Martin"
    partner_a.save()
    url = reverse("plans:duo-plan", kwargs={"slug": duo_a.slug})

    public = anonymous.get(url).content.decode()
    client.force_login(partner_b)
    other_duo = client.get(url).content.decode()
    client.force_login(partner_a)
    own_duo = client.get(url).content.decode()

    for page in (public, other_duo):
        assert "Kick-off held." in page
        assert "Mayor hesitant" not in page and "Camille Martin" not in page
    assert "Mayor hesitant" in own_duo and "Camille Martin" in own_duo


def test_actions_of_an_unpublished_workshop_stay_off_the_public_plan(anonymous, client, duo_a, partner_a):
    hidden = workshop_for(duo_a.french_city, published=False)
    action_for(duo_a, title="Secret action", workshop=hidden)
    action_for(duo_a, title="Public action", workshop=workshop_for(duo_a.french_city))
    url = reverse("plans:duo-plan", kwargs={"slug": duo_a.slug})

    public = anonymous.get(url).content.decode()
    client.force_login(partner_a)

    assert "Public action" in public and "Secret action" not in public
    assert "Secret action" in client.get(url).content.decode()
    hidden_action = Action.objects.get(title_en="Secret action")
    client.logout()
    assert client.get(reverse("plans:action-detail", kwargs={"pk": hidden_action.pk})).status_code == 404


def test_plan_selector_counts_overdue_milestones(duo_a, team_member):
    action_for(duo_a, milestones=[("Late", PAST, None), ("Later", FUTURE, None)])

    cards = plans.duo_plan(duo=duo_a, user=team_member, today=TODAY)

    assert plans.plan_summary(cards)["overdue"] == 1
    assert cards[0].private is True


def _plan_queries(client, duo, django_assert_num_queries, count):
    for index in range(count):
        action_for(duo, title=f"Action {index}", milestones=[("M1", PAST, None), ("M2", FUTURE, PAST)])
    url = reverse("plans:duo-plan", kwargs={"slug": duo.slug})
    client.get(url)  # warm caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_plan_page_query_count_does_not_grow_with_the_actions(client, duo_a, duo_b, partner_a, partner_b):
    client.force_login(partner_a)
    small = _plan_queries(client, duo_a, None, 2)
    client.force_login(partner_b)
    large = _plan_queries(client, duo_b, None, 8)

    assert small == large
    assert small <= 15
