"""Small builders of action plans, workshops and simulations shared by the workshops tests."""

import datetime as dt

from django.utils import timezone

from cities.models import Organisation
from tests.factories import ActionFactory, MilestoneFactory, ProposalFactory, WorkshopFactory
from workshops.models import Action, Workshop

TODAY = dt.date(2026, 3, 15)


def workshop_for(city, *, published=True, slug=None, **fields) -> Workshop:
    return WorkshopFactory(
        city=city,
        title_en=fields.pop("title_en", "Stakeholder workshop"),
        slug=slug or f"workshop-{city.slug}-{Workshop.objects.count()}",
        starts_at=timezone.now(),
        is_published=published,
        **fields,
    )


def action_for(duo, *, title="School canteens source locally", workshop=None, milestones=(), **fields) -> Action:
    """An action of the duo's plan (from a proposal of `workshop` if given), milestones [(title, due, done_on)]."""
    proposal = None
    if workshop is not None:
        proposal = ProposalFactory(workshop=workshop, title_en=title)
    action = ActionFactory(duo=duo, proposal=proposal, title_en=title, **fields)
    for milestone_title, due, done_on in milestones:
        MilestoneFactory(action=action, title=milestone_title, due=due, done_on=done_on)
    action.owners.add(
        Organisation.objects.get_or_create(name="Food policy office", city=duo.french_city, kind="local_authority")[0],
        Organisation.objects.get_or_create(
            name="Department of agriculture", city=duo.partner_city, kind="public_agency"
        )[0],
    )
    return action
