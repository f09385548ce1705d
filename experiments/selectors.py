"""Reads of experiments shaped for pages, the API and the capitalisation report, in a fixed number of queries."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet, Sum

from cities.models import City
from cities.selectors import territory_map_data
from workshops.models import Action, Infrastructure

from .models import Experiment, Funding, Observation, Session, Tool, ToolPhoto


def experiments_visible(user) -> QuerySet:
    """Return the experiments the user may read, with their territory."""
    return Experiment.objects.visible_to(user).select_related("territory")


def experiment_list(user) -> list[Experiment]:
    """Return the experiments the user may read, each with its communes."""
    return list(
        experiments_visible(user)
        .prefetch_related(Prefetch("communes", City.objects.order_by("name")))
        .annotate(tool_count=Count("tools", distinct=True), session_count=Count("sessions", distinct=True))
    )


def sessions_with_feedback(queryset: QuerySet) -> QuerySet:
    """Return sessions with their commune and their feedback counted and averaged."""
    return queryset.select_related("commune").annotate(
        feedback_count=Count("feedback"),
        feedback_rating=Avg("feedback__rating"),
        will_act_count=Count("feedback", filter=Q(feedback__will_act=True)),
    )


@dataclass
class CommuneRecord:
    commune: City
    tools: list[Tool]
    sessions: list[Session]
    cost: Decimal
    attendance: int


@dataclass
class ExperimentRecord:
    experiment: Experiment
    communes: list[CommuneRecord]
    fundings: list[Funding]
    partners: list
    sessions: list[Session]
    totals: dict = field(default_factory=dict)


def _tools(experiment: Experiment) -> list[Tool]:
    return list(
        experiment.tools.select_related("commune", "action")
        .prefetch_related(
            Prefetch("observations", Observation.objects.order_by("-date", "-id")),
            Prefetch("photos", ToolPhoto.objects.order_by("id")),
        )
        .order_by("commune__name", "kind", "id")
    )


def experiment_record(*, experiment: Experiment, published_sessions_only: bool = False) -> ExperimentRecord:
    """Return an experiment with, per commune, the tools tried (observations, photos) and the sessions held, plus its
    funding, partners and totals (costs, money granted and sought, attendance, feedback)."""
    communes = list(experiment.communes.order_by("name"))
    tools = _tools(experiment)
    sessions_qs = experiment.sessions.all()
    if published_sessions_only:
        sessions_qs = sessions_qs.published()
    sessions = list(sessions_with_feedback(sessions_qs).order_by("date", "id"))
    fundings = list(experiment.fundings.order_by("-amount", "source"))
    by_commune_tools, by_commune_sessions = defaultdict(list), defaultdict(list)
    for tool in tools:
        by_commune_tools[tool.commune_id].append(tool)
    for session in sessions:
        by_commune_sessions[session.commune_id].append(session)
    records = [
        CommuneRecord(
            commune=commune,
            tools=by_commune_tools[commune.pk],
            sessions=by_commune_sessions[commune.pk],
            cost=sum((tool.cost or Decimal(0) for tool in by_commune_tools[commune.pk]), Decimal(0)),
            attendance=sum(session.attendance for session in by_commune_sessions[commune.pk]),
        )
        for commune in communes
    ]
    feedback = sum(session.feedback_count for session in sessions)
    rated = [session for session in sessions if session.feedback_count]
    money = Counter()
    for funding in fundings:
        money[funding.status] += funding.amount
    totals = {
        "cost": sum((record.cost for record in records), Decimal(0)),
        "granted": money.get(Funding.Status.GRANTED, Decimal(0)),
        "sought": money.get(Funding.Status.SOUGHT, Decimal(0)),
        "attendance": sum(session.attendance for session in sessions),
        "sessions": len(sessions),
        "awareness": sum(1 for session in sessions if session.kind == Session.Kind.AWARENESS),
        "training": sum(1 for session in sessions if session.kind == Session.Kind.TRAINING),
        "feedback": feedback,
        "rating": (
            sum(session.feedback_rating * session.feedback_count for session in rated) / feedback if feedback else None
        ),
        "tools": len(tools),
        "tools_done": sum(1 for tool in tools if tool.status == Tool.Status.DONE),
        "tools_worked": sum(1 for tool in tools if tool.outcome == Tool.Outcome.WORKED),
    }
    return ExperimentRecord(
        experiment=experiment,
        communes=records,
        fundings=fundings,
        partners=list(experiment.partners.order_by("kind", "organisation")),
        sessions=sessions,
        totals=totals,
    )


@dataclass
class CommuneSummary:
    commune: City
    tools: list[Tool]
    sessions: int
    attendance: int
    infrastructure: int
    actions: int


def _session_counts(user, visible, ids: list[int]) -> tuple[Counter, Counter]:
    """Return the sessions the user may read and the people they drew, per commune id (one query)."""
    sessions = Counter()
    attendance = Counter()
    session_rows = Session.objects.visible_to(user).filter(experiment__in=visible, commune_id__in=ids)
    for row in session_rows.values("commune_id").annotate(count=Count("id"), people=Sum("attendance")):
        sessions[row["commune_id"]], attendance[row["commune_id"]] = row["count"], row["people"] or 0
    return sessions, attendance


def _place_counts(user, everywhere: list[int]) -> tuple[Counter, Counter]:
    """Return the infrastructure and the plan actions the user may read, per city id (two queries)."""
    infrastructure = Counter(
        dict(
            Infrastructure.objects.filter(city_id__in=everywhere)
            .values_list("city_id")
            .annotate(count=Count("id"))
            .values_list("city_id", "count")
        )
    )
    actions = Counter(
        dict(
            Action.objects.visible_to(user)
            .filter(territory_id__in=everywhere)
            .values_list("territory_id")
            .annotate(count=Count("id"))
            .values_list("territory_id", "count")
        )
    )
    return infrastructure, actions


def _communes_map(territory: City, communes: list[City], summaries: list[CommuneSummary]) -> dict:
    """Return the map of the territory, each commune's marker with the tools it is trying."""
    map_data = territory_map_data(territory, communes)
    trying = {summary.commune.slug: [tool.title for tool in summary.tools] for summary in summaries}
    for marker in map_data["cities"]:
        marker["trying"] = trying.get(marker["slug"], [])
    return map_data


def territory_communes(*, territory: City, user) -> dict:
    """Return a territory's published communes with what each is trying (the tools of the experiments the user may
    read), the sessions held there, and its infrastructure and plan actions; the totals aggregate the communes' and
    the territory's own; and the map of them all."""
    communes = list(City.objects.published().within(territory).order_by("name"))
    ids = [commune.pk for commune in communes]
    visible = Experiment.objects.visible_to(user).filter(territory=territory)
    tools = list(
        Tool.objects.filter(experiment__in=visible, commune_id__in=ids)
        .select_related("experiment")
        .order_by("commune__name", "kind", "id")
    )
    sessions, attendance = _session_counts(user, visible, ids)
    infrastructure, actions = _place_counts(user, [territory.pk, *ids])
    summaries = [
        CommuneSummary(
            commune=commune,
            tools=[tool for tool in tools if tool.commune_id == commune.pk],
            sessions=sessions[commune.pk],
            attendance=attendance[commune.pk],
            infrastructure=infrastructure[commune.pk],
            actions=actions[commune.pk],
        )
        for commune in communes
    ]
    map_data = _communes_map(territory, communes, summaries)
    return {
        "communes": summaries,
        "experiments": list(visible.order_by("-start")),
        "map_data": map_data,
        "totals": {
            "infrastructure": sum(infrastructure.values()),
            "actions": sum(actions.values()),
            "sessions": sum(sessions.values()),
            "attendance": sum(attendance.values()),
            "tools": len(tools),
        },
    }


def tools_that_worked(record: ExperimentRecord) -> list[Tool]:
    """Return the tools that worked (or partly), best first: what another commune should start from."""
    order = {Tool.Outcome.WORKED: 0, Tool.Outcome.PARTLY: 1}
    tools = [tool for item in record.communes for tool in item.tools if tool.outcome in order]
    return sorted(tools, key=lambda tool: (order[tool.outcome], tool.kind, tool.commune.name))
