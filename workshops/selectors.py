"""Reads of the workshops app: the duos' action plans (progress, the closed loop between actions, diagnosis and
indicators), a partner's "my duo" page, the food-infrastructure inventory and the recommended actions' coverage."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Assessment, Challenge, Indicator, IndicatorValue
from assessments.selectors import indicator_values_across_editions
from cities.models import City, Duo, Organisation
from cities.selectors import city_feature
from core.predicates import is_team

from .models import Action, ActionUpdate, Infrastructure, Milestone, Workshop
from .services import action_progress

PRIVATE_PERM = "workshops.view_action_private"


def actions_with_plan_data(queryset: QuerySet) -> QuerySet:
    """Return the actions with everything the plan page and the API show, in a fixed number of queries."""
    return queryset.select_related(
        "duo__french_city", "duo__partner_city", "territory", "proposal__workshop"
    ).prefetch_related(
        Prefetch("owners", Organisation.objects.select_related("city").order_by("name")),
        Prefetch("milestones", Milestone.objects.order_by("due", "id")),
        Prefetch("updates", ActionUpdate.objects.select_related("author").order_by("-date", "-id")),
        Prefetch("indicators", Indicator.objects.order_by("number", "code")),
    )


# --- The plan page ----------------------------------------------------------------------------------------------


@dataclass
class ActionCard:
    """An action as the plan shows it: progress from its milestones, owners by side, private parts if allowed."""

    action: Action
    progress: int | None
    milestones: list[Milestone]
    overdue: int
    owners_by_side: list[tuple[str, list[Organisation]]]
    updates: list[ActionUpdate]
    private: bool
    links: dict = field(default_factory=dict)


def action_card(action: Action, *, user, today: date | None = None) -> ActionCard:
    """Return the card of a prefetched action (see actions_with_plan_data) as the user may see it."""
    today = today or timezone.localdate()
    milestones = list(action.milestones.all())
    for milestone in milestones:
        milestone.overdue = milestone.is_overdue(today)
    cities = action.plan_cities()
    owners = list(action.owners.all())
    sides = []
    for city in cities:
        sides.append((city.name, [owner for owner in owners if owner.city_id == city.pk]))
    city_ids = {city.pk for city in cities}
    others = [owner for owner in owners if owner.city_id not in city_ids]
    if others:
        sides.append((_("Other organisations"), others))
    return ActionCard(
        action=action,
        progress=action_progress(action, milestones),
        milestones=milestones,
        overdue=sum(1 for milestone in milestones if milestone.overdue),
        owners_by_side=sides,
        updates=list(action.updates.all()),
        private=user.has_perm(PRIVATE_PERM, action),
    )


def duo_plan(*, duo: Duo, user, today: date | None = None) -> list[ActionCard]:
    """Return the duo's action plan as the user may see it, each action with its progress and milestones."""
    return _plan_cards(Action.objects.visible_to(user).filter(duo=duo), user=user, today=today)


def territory_plan(*, territory: City, user, today: date | None = None) -> list[ActionCard]:
    """Return the local action plan of a territory outside the duos (e.g. born from a disruption simulation), with
    the actions of its communes' own plans."""
    actions = Action.objects.visible_to(user).filter(Q(territory=territory) | Q(territory__parent=territory))
    return _plan_cards(actions, user=user, today=today)


def _plan_cards(actions: QuerySet, *, user, today: date | None) -> list[ActionCard]:
    actions = actions_with_plan_data(actions).order_by("start", "id")
    return [action_card(action, user=user, today=today) for action in actions]


def plan_summary(cards: list[ActionCard]) -> dict:
    """Return the counts the top of the plan page shows: actions by status, milestones overdue and due soon."""
    statuses = Counter(card.action.status for card in cards)
    return {
        "actions": len(cards),
        "by_status": [(label, statuses[value]) for value, label in Action.Status.choices if statuses[value]],
        "overdue": sum(card.overdue for card in cards),
        "milestones": sum(len(card.milestones) for card in cards),
    }


# --- The closed loop: action ↔ diagnosis ↔ indicators -------------------------------------------------------------


@dataclass
class IndicatorTrail:
    """An indicator with its values across assessment editions (per city) as the user may see them."""

    indicator: Indicator
    values: list[IndicatorValue]


@dataclass
class ActionOrigin:
    """Where an action came from: its proposal, the workshop (linked if the user may read it), the challenges."""

    proposal: object
    workshop: object
    workshop_readable: bool
    challenges: list[Challenge]


def action_origin(*, action: Action, user) -> ActionOrigin | None:
    """Return the proposal, workshop and diagnosed challenges an action answers, as far as the user may read them."""
    proposal = action.proposal
    if proposal is None:
        return None
    workshop = proposal.workshop
    readable = workshop.is_published or user.has_perm("workshops.view_workshop_private", workshop)
    challenges = list(
        Challenge.objects.filter(proposals=proposal, assessment__in=Assessment.objects.visible_to(user))
        .select_related("assessment__city", "category")
        .order_by("assessment__city__name", "title")
    )
    return ActionOrigin(proposal=proposal, workshop=workshop, workshop_readable=readable, challenges=challenges)


def action_indicator_trails(*, action: Action, user) -> list[IndicatorTrail]:
    """Return the indicators an action should move, each with its values across editions in the duo's cities."""
    indicators = list(action.indicators.all())
    values = indicator_values_across_editions(indicators=indicators, user=user, cities=action.plan_cities())
    return [IndicatorTrail(indicator, values.get(indicator.pk, [])) for indicator in indicators]


def indicator_actions(*, indicator: Indicator, user, city: City | None = None) -> list[ActionCard]:
    """Return the actions the user may read that are meant to move the indicator (in the city's duos, if given)."""
    actions = Action.objects.visible_to(user).filter(indicators=indicator)
    if city is not None:
        actions = actions.filter(Q(duo__french_city=city) | Q(duo__partner_city=city))
    actions = actions_with_plan_data(actions).order_by("duo__name", "start", "id")
    return [action_card(action, user=user) for action in actions]


# --- A partner's "my duo" page ----------------------------------------------------------------------------------

SOON_DAYS = 30


@dataclass
class PartnerDue:
    """What is due for a partner's city: the duos, their open milestones by urgency, and the actions to edit."""

    city: City | None
    duos: list[Duo]
    overdue: list[Milestone]
    soon: list[Milestone]
    later: list[Milestone]
    actions: list[Action]


def partner_due(*, user, today: date | None = None) -> PartnerDue:
    """Return what is due and overdue in the plans of the partner's duos, in three queries whatever their size.

    The open milestones of actions under way (not done, not dropped), with their action, sorted by due date.
    """
    today = today or timezone.localdate()
    duos = list(Duo.objects.for_city(user.city_id).with_cities().order_by("name")) if user.city_id else []
    actions = list(
        Action.objects.filter(duo__in=duos)
        .select_related("duo")
        .prefetch_related(Prefetch("owners", Organisation.objects.select_related("city").order_by("name")))
        .order_by("duo__name", "start", "id")
    )
    open_milestones = list(
        Milestone.objects.filter(action__in=[action.pk for action in actions], done_on__isnull=True)
        .exclude(action__status__in=[Action.Status.DONE, Action.Status.DROPPED])
        .select_related("action")
        .order_by("due", "id")
    )
    for milestone in open_milestones:
        milestone.days_late = (today - milestone.due).days
    horizon = today + timedelta(days=SOON_DAYS)
    return PartnerDue(
        city=user.city if user.city_id else None,
        duos=duos,
        overdue=[m for m in open_milestones if m.due < today],
        soon=[m for m in open_milestones if today <= m.due <= horizon],
        later=[m for m in open_milestones if m.due > horizon],
        actions=actions,
    )


def plan_organisations(action: Action) -> QuerySet:
    """Return the organisations that may carry an action: those of its plan's cities."""
    return Organisation.objects.filter(city__in=action.plan_cities()).select_related("city").order_by("name")


# --- Food infrastructure ----------------------------------------------------------------------------------------


def infrastructure_inventory(*, city: City) -> dict:
    """Return the city's food infrastructure (with its communes' for a park), its counts by kind (every kind, zero
    included) and its map data."""
    items = list(
        Infrastructure.objects.filter(Q(city=city) | Q(city__parent=city))
        .select_related("city")
        .order_by("kind", "name")
    )
    counts = Counter(item.kind for item in items)
    return {
        "items": items,
        "counts": [(value, label, counts.get(value, 0)) for value, label in Infrastructure.Kind.choices],
        "map_data": infrastructure_map_data(city=city, items=items),
    }


def infrastructure_map_data(*, city: City, items: list[Infrastructure]) -> dict:
    """Return the JSON static/js/map.js draws: the city centre and one marker per located piece of infrastructure."""
    return {
        "cities": [city_feature(city)] if city.location else [],
        "infrastructure": [
            {
                "name": item.name,
                "kind": item.kind,
                "kind_label": str(item.get_kind_display()),
                "status": str(item.get_status_display()),
                "lat": item.location["coordinates"][1],
                "lon": item.location["coordinates"][0],
            }
            for item in items
            if item.location
        ],
    }


# --- Coverage of the recommended actions (the network overview) ---------------------------------------------------


def planned_action_coverage(*, user, action_ids, city_ids) -> dict[tuple[int, int], int]:
    """Return {(recommended action id, city id): number of planned actions} among the actions the user may read.

    An action born in a workshop counts for that workshop's city; an action without a workshop counts for both
    cities of its duo. Dropped actions do not count. One query.
    """
    counts: dict[tuple[int, int], int] = {}
    rows = (
        Action.objects.visible_to(user)
        .exclude(status=Action.Status.DROPPED)
        .filter(recommended_actions__in=action_ids)
        .values_list(
            "recommended_actions", "proposal__workshop__city_id", "duo__french_city_id", "duo__partner_city_id"
        )
    )
    wanted = set(city_ids)
    for recommended_id, workshop_city, french_city, partner_city in rows:
        for city_id in [workshop_city] if workshop_city else [french_city, partner_city]:
            if city_id in wanted:
                counts[recommended_id, city_id] = counts.get((recommended_id, city_id), 0) + 1
    return counts


# --- Access to a workshop's facilitation (the vote's console)


def workshop_may_facilitate(user, workshop: Workshop) -> bool:
    """Return whether the user is on the team or facilitates the workshop."""
    return is_team(user) or (user.is_authenticated and workshop.facilitators.filter(pk=user.pk).exists())


def workshop_to_facilitate_for(user, slug: str) -> Workshop:
    """Return the workshop if the user is on the team or facilitates it; Http404 otherwise, revealing nothing."""
    workshop = Workshop.objects.select_related("city").filter(slug=slug).first()
    if workshop is None or not workshop_may_facilitate(user, workshop):
        raise Http404("No such workshop.")
    return workshop
