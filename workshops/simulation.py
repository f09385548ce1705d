"""Food-disruption simulations (ATLASS format): recording a group's decision in a round, the debrief's proposals that
enter the same proposal → vote → action-plan pipeline, and the reads of the scenario library and of a session."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Prefetch, QuerySet
from django.utils.translation import gettext as _

from core.predicates import is_team

from .models import (
    Proposal,
    RoleAssignment,
    RoundDecision,
    Scenario,
    ScenarioRound,
    SimulationGroup,
    Vulnerability,
    Workshop,
)
from .services import WorkshopError

PROPOSAL_FIELDS = {"title_en", "title_fr", "description_en", "description_fr", "category", "pillar", "proposed_by"}


@transaction.atomic
def simulation_round_record(*, group: SimulationGroup, round: ScenarioRound, decision: str) -> RoundDecision:
    """Record what a group decided in one round of its session's scenario."""
    workshop = group.workshop
    if workshop.format != Workshop.Format.SIMULATION:
        raise WorkshopError(_("Only a simulation session has rounds."))
    if round.scenario_id != workshop.scenario_id:
        raise WorkshopError(_("This round belongs to another scenario than the session's."))
    if not decision.strip():
        raise WorkshopError(_("Say what the group decided."))
    return RoundDecision.objects.create(group=group, round=round, decision=decision.strip())


@transaction.atomic
def simulation_debrief(*, workshop: Workshop, proposals: list[dict]) -> list[Proposal]:
    """Record the actions a simulation's debrief proposes, as proposals of the session, ready to be voted on.

    Each dict gives title_en (or title_fr) and may give title_fr, description_en/_fr, category, pillar, proposed_by
    and challenges (a list of assessments.Challenge).
    """
    if workshop.format != Workshop.Format.SIMULATION:
        raise WorkshopError(_("Only a simulation session has a debrief."))
    if workshop.vote != Workshop.Vote.NOT_OPEN:
        raise WorkshopError(_("The vote has started: the debrief's proposals can no longer change."))
    order = (workshop.proposals.aggregate(last=Max("order"))["last"] or 0) + 1
    created = []
    for position, data in enumerate(proposals):
        data = dict(data)
        challenges = data.pop("challenges", [])
        unknown = set(data) - PROPOSAL_FIELDS
        if unknown:
            raise WorkshopError(_("Unknown proposal fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
        if not (data.get("title_en", "").strip() or data.get("title_fr", "").strip()):
            raise WorkshopError(_("Every proposal needs a title."))
        proposal = Proposal.objects.create(
            workshop=workshop, source=Proposal.Source.SIMULATION, order=order + position, **data
        )
        if challenges:
            proposal.challenges.set(challenges)
        created.append(proposal)
    return created


def scenario_library() -> QuerySet:
    """Return the scenarios with their rounds and the number of published sessions that played each."""
    published = Workshop.objects.published().filter(format=Workshop.Format.SIMULATION).select_related("city")
    return Scenario.objects.prefetch_related(
        Prefetch("rounds", ScenarioRound.objects.order_by("number")),
        Prefetch("sessions", published.order_by("-starts_at"), to_attr="published_sessions"),
    ).order_by("title")


def simulation_sessions_visible(user) -> QuerySet:
    """Return the simulation sessions the user may read: published ones; every one for the team."""
    sessions = Workshop.objects.filter(format=Workshop.Format.SIMULATION)
    return sessions if is_team(user) else sessions.published()


@dataclass
class RoundPlay:
    round: ScenarioRound
    decisions: list[RoundDecision]


@dataclass
class SessionRecord:
    workshop: Workshop
    rounds: list[RoundPlay]
    groups: list[SimulationGroup]
    vulnerabilities: list[Vulnerability]
    proposals: list[Proposal]


def simulation_session(*, workshop: Workshop) -> SessionRecord:
    """Return a session's scenario rounds with each group's decisions, the groups and their roles, the
    vulnerabilities found and the proposals of the debrief (with their rank and the actions they became)."""
    rounds = list(workshop.scenario.rounds.order_by("number")) if workshop.scenario_id else []
    decisions = list(
        RoundDecision.objects.filter(group__workshop=workshop)
        .select_related("group")
        .order_by("round__number", "group__name", "id")
    )
    groups = list(
        workshop.groups.prefetch_related(
            Prefetch("roles", RoleAssignment.objects.select_related("participant").order_by("role"))
        ).order_by("name")
    )
    for group in groups:
        for role in group.roles.all():
            # Players are named publicly only with their consent.
            role.player_name = (
                role.participant.name if role.participant and role.participant.consents_to_be_named else ""
            )
    return SessionRecord(
        workshop=workshop,
        rounds=[RoundPlay(item, [d for d in decisions if d.round_id == item.pk]) for item in rounds],
        groups=groups,
        vulnerabilities=list(workshop.vulnerabilities.select_related("category").order_by("id")),
        proposals=list(
            workshop.proposals.select_related("ranking", "category")
            .prefetch_related("plan_actions")
            .order_by("order", "id")
        ),
    )
