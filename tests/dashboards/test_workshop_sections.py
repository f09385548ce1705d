"""The duo dashboard shows the outcomes of the duo's workshops and the progress of its action plan."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import MilestoneFactory, ProposalFactory
from workshops.services import ballot_cast, proposal_to_action, vote_close, vote_open, workshop_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop_with_plan(duo_a):
    lyon = duo_a.french_city
    workshop = workshop_create(city=lyon, title_en="Lyon action planning", starts_at=timezone.now(), is_published=True)
    proposals = [ProposalFactory(workshop=workshop, title_en=f"Proposal {n}", order=n) for n in range(3)]
    vote_open(workshop=workshop)
    criteria = list(workshop.criteria.all())
    ballot_cast(
        workshop=workshop,
        token="participant-1",
        scores={(p.pk, c.pk): value for p, value in zip(proposals, [2, 5, 3], strict=True) for c in criteria},
    )
    vote_close(workshop=workshop)
    action = proposal_to_action(proposal=proposals[1], duo=duo_a)
    today = timezone.localdate()
    MilestoneFactory(action=action, title="Site found", due=today - datetime.timedelta(days=40), done_on=today)
    MilestoneFactory(action=action, title="Stalls built", due=today - datetime.timedelta(days=5))
    return workshop, action


def test_dashboard_shows_the_frozen_ranking_and_the_plan_progress(client, duo_a, workshop_with_plan):
    workshop, action = workshop_with_plan

    html = client.get(f"/en/duos/{duo_a.slug}/dashboard/").content.decode()

    assert "Lyon action planning" in html
    ranked = html.index("Top proposals of the frozen ranking")
    assert html.index("Proposal 1", ranked) < html.index("Proposal 2", ranked) < html.index("Proposal 0", ranked)
    plan = html.split("Action-plan progress", 1)[1]
    row = plan.split(action.title, 1)[1].split("</tr>", 1)[0]
    assert "50\xa0%" in row or "50&nbsp;%" in row  # one milestone of two done
    assert "1 overdue" in row


def test_an_unpublished_workshop_stays_off_the_public_dashboard(client, duo_a, workshop_with_plan, partner_a):
    workshop, _action = workshop_with_plan
    workshop.is_published = False
    workshop.save()

    assert "Lyon action planning" not in client.get(f"/en/duos/{duo_a.slug}/dashboard/").content.decode()
    client.force_login(partner_a)
    assert "Lyon action planning" in client.get(f"/en/duos/{duo_a.slug}/dashboard/").content.decode()


def test_the_duo_partner_finds_the_private_notes_and_contacts_from_the_dashboard(
    client, duo_a, workshop_with_plan, partner_a, partner_b, student, team_member
):
    workshop, _action = workshop_with_plan
    notes = f'href="/en/workshops/{workshop.slug}/notes/"'
    contacts = f'href="/en/duos/{duo_a.slug}/contacts/"'
    url = f"/en/duos/{duo_a.slug}/dashboard/"

    public = client.get(url).content.decode()
    assert notes not in public and contacts not in public
    for outsider in (partner_b, student):
        client.force_login(outsider)
        html = client.get(url).content.decode()
        assert notes not in html and contacts not in html
    for insider in (partner_a, team_member):
        client.force_login(insider)
        html = client.get(url).content.decode()
        assert notes in html and contacts in html
        assert client.get(f"/en/workshops/{workshop.slug}/notes/").status_code == 200
        assert client.get(f"/en/duos/{duo_a.slug}/contacts/").status_code == 200
