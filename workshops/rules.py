"""Who edits the workshops app (the project team) and who reads a workshop's or an action's private side: the team
and the partner users of the duo concerned; never students, never another duo's partners (django-rules)."""

import rules

from cities.predicates import duo_city_ids
from core.predicates import is_partner, is_team

MODELS = (
    "mission",
    "photo",
    "workshop",
    "criterion",
    "participant",
    "proposal",
    "ballot",
    "score",
    "rankingentry",
    "action",
    "milestone",
    "actionupdate",
    "scenario",
    "scenarioround",
    "simulationgroup",
    "roleassignment",
    "rounddecision",
    "vulnerability",
    "infrastructure",
)


@rules.predicate
def is_partner_of_workshop_city(user, workshop) -> bool:
    """The workshop's city belongs to the partner user's duo."""
    return workshop is not None and workshop.city_id in duo_city_ids(user)


@rules.predicate
def is_partner_of_action_duo(user, action) -> bool:
    """The partner user works for one of the two cities of the action's duo."""
    if action is None:
        return False
    duo = action.duo
    if duo is None:  # a territory's own plan: no partner municipality, the team only
        return False
    return user.city_id in (duo.french_city_id, duo.partner_city_id)


rules.add_perm("workshops", is_team)
for model in MODELS:
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"workshops.{verb}_{model}", is_team)

rules.add_perm("workshops.view_workshop_private", is_team | (is_partner & is_partner_of_workshop_city))
rules.add_perm("workshops.view_action_private", is_team | (is_partner & is_partner_of_action_duo))
# Changing the plan itself (owners, milestones' titles and dates, postponing): the team, and the partners of the duo,
# from their "my duo" page rather than the admin.
rules.add_perm("workshops.edit_action_plan", is_team | (is_partner & is_partner_of_action_duo))
