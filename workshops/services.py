"""Side-effecting operations of workshops: creating one, its ballots and ranking, a proposal made an action."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import (
    Action,
    Ballot,
    BallotOpening,
    Criterion,
    Proposal,
    RankingEntry,
    Score,
    Workshop,
)

DEFAULT_CRITERIA = [
    ("impact", "Impact", "Impact", Decimal("2")),
    ("feasibility", "Feasibility", "Faisabilité", Decimal("1.5")),
    ("cost", "Cost (low cost scores high)", "Coût (un coût faible donne une note élevée)", Decimal("1")),
    ("urgency", "Urgency", "Urgence", Decimal("1")),
]


class WorkshopError(Exception):
    """A workshop operation could not be carried out; the message says why, for the person who tried."""


class VoteNotOpenError(WorkshopError):
    """A ballot came when the vote is not open (not yet, or no longer): a conflict with the vote's state."""


class AlreadyVotedError(WorkshopError):
    """A ballot came from a participant who has voted already: one ballot per participant."""


@transaction.atomic
def workshop_create(*, city, title_en: str, starts_at, by=None, title_fr: str = "", **fields) -> Workshop:
    """Create a workshop with the default weighted criteria (impact, feasibility, cost, urgency)."""
    base = slugify(f"{city.slug}-{title_en}")[:120] or "workshop"
    slug, suffix = base, 2
    while Workshop.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    workshop = Workshop.objects.create(
        city=city, title_en=title_en, title_fr=title_fr, slug=slug, starts_at=starts_at, **fields
    )
    criteria_ensure_default(workshop=workshop)
    if by is not None and by.pk:
        workshop.facilitators.add(by)
    return workshop


def criteria_ensure_default(*, workshop: Workshop) -> None:
    """Give a workshop without criteria the four default ones."""
    if workshop.criteria.exists():
        return
    Criterion.objects.bulk_create(
        Criterion(workshop=workshop, code=code, name_en=en, name_fr=fr, weight=weight, order=order)
        for order, (code, en, fr, weight) in enumerate(DEFAULT_CRITERIA)
    )


@transaction.atomic
def vote_open(*, workshop: Workshop) -> Workshop:
    """Open the vote: participants may now score from their phones."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.vote == Workshop.Vote.CLOSED:
        raise WorkshopError(_("The vote is closed: its ranking is frozen."))
    if not workshop.proposals.exists():
        raise WorkshopError(_("Add the proposals before opening the vote."))
    criteria_ensure_default(workshop=workshop)
    workshop.vote = Workshop.Vote.OPEN
    workshop.save(update_fields=["vote"])
    return workshop


@transaction.atomic
def ballot_cast(*, workshop: Workshop, token: str, scores: dict, from_paper: bool = False) -> Ballot:
    """Record one participant's ballot: scores[(proposal_id, criterion_id)] = value.

    Refused, with nothing saved, when the vote is not open, the token has voted already, a proposal or criterion is
    foreign to the workshop, a score is out of its criterion's range, or a proposal/criterion pair is missing.
    """
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    _vote_check_open(workshop)
    _scores_check(workshop=workshop, token=token, scores=scores)
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(workshop=workshop, token=token, from_paper=from_paper)
    except IntegrityError:
        raise AlreadyVotedError(_("This participant has already voted: one ballot per participant.")) from None
    Score.objects.bulk_create(
        Score(ballot=ballot, proposal_id=p, criterion_id=c, value=value) for (p, c), value in scores.items()
    )
    return ballot


def _vote_check_open(workshop: Workshop) -> None:
    if workshop.vote != Workshop.Vote.OPEN:
        raise VoteNotOpenError(
            _("The vote is closed.") if workshop.vote == Workshop.Vote.CLOSED else _("The vote is not open yet.")
        )


def _scores_check(*, workshop: Workshop, token: str, scores: dict) -> None:
    """Raise WorkshopError unless the token is valid and every proposal has every criterion's score, in range."""
    if not token or len(token) > 64:
        raise WorkshopError(_("This ballot has no valid participant token."))
    proposals = {proposal.pk for proposal in workshop.proposals.all()}
    criteria = {criterion.pk: criterion for criterion in workshop.criteria.all()}
    expected = {(p, c) for p in proposals for c in criteria}
    if set(scores) != expected:
        unknown = set(scores) - expected
        raise WorkshopError(
            _("Some scores belong to another workshop.") if unknown else _("Score every proposal on every criterion.")
        )
    # type(), not isinstance(): a bool is an int, and True must not count as a score of 1.
    for (_proposal, criterion_id), value in scores.items():
        criterion = criteria[criterion_id]
        if type(value) is not int or not criterion.scale_min <= value <= criterion.scale_max:
            raise WorkshopError(
                _("%(criterion)s is scored from %(min)s to %(max)s.")
                % {"criterion": criterion.name, "min": criterion.scale_min, "max": criterion.scale_max}
            )


class BallotOutcome(models.TextChoices):
    CREATED = "created", _("recorded")
    REPLACED = "replaced", _("replaced the previous ballot")
    DUPLICATE = "duplicate", _("already recorded")


@transaction.atomic
def ballot_submit(*, workshop: Workshop, token: str, scores: dict, key: str) -> tuple[Ballot, BallotOutcome]:
    """Record a phone's ballot while the vote is open: sent again with the same key, it counts once; with a new key,
    it replaces the phone's previous ballot (a participant may change their mind until the vote closes)."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)  # one ballot of a phone at a time
    _vote_check_open(workshop)
    if not key or len(key) > 64:
        raise WorkshopError(_("This ballot has no valid idempotency key."))
    previous = Ballot.objects.filter(workshop=workshop, token=token).first()
    if previous is not None and previous.key == key:
        return previous, BallotOutcome.DUPLICATE
    _scores_check(workshop=workshop, token=token, scores=scores)
    if previous is None:
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(workshop=workshop, token=token, key=key)
                outcome = BallotOutcome.CREATED
        except IntegrityError:  # a database without row locks let the same phone's retry in first
            previous = Ballot.objects.get(workshop=workshop, token=token)
            if previous.key == key:
                return previous, BallotOutcome.DUPLICATE
    if previous is not None:
        previous.scores.all().delete()
        previous.key, previous.cast_at = key, timezone.now()
        previous.save(update_fields=["key", "cast_at"])
        ballot, outcome = previous, BallotOutcome.REPLACED
    Score.objects.bulk_create(
        Score(ballot=ballot, proposal_id=p, criterion_id=c, value=value) for (p, c), value in scores.items()
    )
    return ballot, outcome


def ballot_opening_record(*, workshop: Workshop, token: str) -> None:
    """Count a phone that opened the open vote's ballot, once, so the facilitator sees the phones still waiting."""
    BallotOpening.objects.bulk_create([BallotOpening(workshop=workshop, token=token)], ignore_conflicts=True)


def vote_counts(*, workshop: Workshop) -> dict:
    """Return {"ballots": received, "waiting": phones that opened the ballot and have sent nothing yet}."""
    received = Ballot.objects.filter(workshop=workshop)
    waiting = BallotOpening.objects.filter(workshop=workshop).exclude(token__in=received.values("token"))
    return {"ballots": received.count(), "waiting": waiting.count()}


@dataclass
class RankedProposal:
    proposal: Proposal
    rank: int
    score: Decimal | None
    ballots: int
    criterion_means: dict = field(default_factory=dict)  # criterion code -> mean score
    tie_break: str = ""


def _quantise(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def _score_totals(workshop: Workshop) -> tuple[dict, dict]:
    """Return the sum and count of the scores per (proposal id, criterion id), and the ballots per proposal id."""
    totals: dict = defaultdict(lambda: [0, 0])  # (proposal, criterion) -> [sum, count]
    for proposal_id, criterion_id, value in Score.objects.filter(ballot__workshop=workshop).values_list(
        "proposal_id", "criterion_id", "value"
    ):
        cell = totals[(proposal_id, criterion_id)]
        cell[0] += value
        cell[1] += 1
    ballots = dict(
        Score.objects.filter(ballot__workshop=workshop)
        .values("proposal_id")
        .annotate(count=Count("ballot_id", distinct=True))
        .values_list("proposal_id", "count")
    )
    return totals, ballots


def _weighted_score(proposal, criteria: list, totals: dict, weight_sum: Decimal) -> tuple[Decimal | None, dict]:
    """Return a proposal's weighted mean score (None unless every criterion is scored) and its mean per criterion."""
    means = {}
    for criterion in criteria:
        total, count = totals.get((proposal.pk, criterion.pk), (0, 0))
        means[criterion.code] = Decimal(total) / count if count else None
    if weight_sum and all(mean is not None for mean in means.values()):
        weighted = sum(criterion.weight * means[criterion.code] for criterion in criteria) / weight_sum
        return _quantise(weighted), means
    return None, means


def _tie_break(previous: tuple, entry: tuple, heaviest) -> str:
    """Return which rule ranked an entry below the previous one of the same score."""
    _proposal, _score, count, means, _position = entry
    prev_heavy = previous[3].get(heaviest.code) if heaviest else None
    heavy = means.get(heaviest.code) if heaviest else None
    if prev_heavy != heavy:
        return _("Same score as the proposal above; ranked lower on %(criterion)s, the heaviest criterion.") % {
            "criterion": heaviest.name
        }
    if previous[2] != count:
        return _("Same score as the proposal above; fewer ballots.")
    return _("Same score as the proposal above; entered later.")


def ranking_compute(*, workshop: Workshop) -> list[RankedProposal]:
    """Return the proposals ranked by weighted mean score, ties broken and explained.

    score = Σ(weight × mean score on the criterion) / Σ weights. Ties (equal to the thousandth) are broken by the
    mean on the heaviest criterion, then by the number of ballots, then by the order of the proposals; each broken
    tie says which rule decided it. Proposals without any score come last, unranked by score.
    """
    criteria = list(workshop.criteria.order_by("-weight", "order"))
    proposals = list(workshop.proposals.order_by("order", "id"))
    totals, ballots = _score_totals(workshop)
    weight_sum = sum((criterion.weight for criterion in criteria), Decimal(0))
    entries = []
    for position, proposal in enumerate(proposals):
        score, means = _weighted_score(proposal, criteria, totals, weight_sum)
        entries.append((proposal, score, ballots.get(proposal.pk, 0), means, position))

    heaviest = criteria[0] if criteria else None

    def key(entry):
        proposal, score, count, means, position = entry
        heavy = means.get(heaviest.code) if heaviest else None
        return (score is None, -(score or 0), -(heavy or 0), -count, position)

    entries.sort(key=key)
    ranked: list[RankedProposal] = []
    for index, entry in enumerate(entries):
        proposal, score, count, means, _position = entry
        tie_break = ""
        if index and score is not None and entries[index - 1][1] == score:
            tie_break = _tie_break(entries[index - 1], entry, heaviest)
        means_rounded = {code: (_quantise(mean) if mean is not None else None) for code, mean in means.items()}
        ranked.append(RankedProposal(proposal, index + 1, score, count, means_rounded, tie_break))
    return ranked


@transaction.atomic
def vote_close(*, workshop: Workshop) -> list[RankingEntry]:
    """Close the vote and freeze its ranking; later ballots are refused."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.vote != Workshop.Vote.OPEN:
        raise WorkshopError(_("Only an open vote can be closed."))
    workshop.vote, workshop.vote_closed_at = Workshop.Vote.CLOSED, timezone.now()
    workshop.save(update_fields=["vote", "vote_closed_at"])
    RankingEntry.objects.filter(proposal__workshop=workshop).delete()
    return RankingEntry.objects.bulk_create(
        RankingEntry(
            proposal=item.proposal, rank=item.rank, score=item.score, ballots=item.ballots, tie_break=item.tie_break
        )
        for item in ranking_compute(workshop=workshop)
    )


def ranking_current(*, workshop: Workshop) -> list[RankedProposal]:
    """Return the frozen ranking of a closed vote, or the live one while it is open."""
    if workshop.vote != Workshop.Vote.CLOSED:
        return ranking_compute(workshop=workshop)
    live = {item.proposal.pk: item for item in ranking_compute(workshop=workshop)}
    frozen = RankingEntry.objects.filter(proposal__workshop=workshop).select_related("proposal").order_by("rank")
    return [
        RankedProposal(
            entry.proposal,
            entry.rank,
            entry.score,
            entry.ballots,
            live[entry.proposal_id].criterion_means if entry.proposal_id in live else {},
            entry.tie_break,
        )
        for entry in frozen
    ]


@transaction.atomic
def proposal_to_action(*, proposal: Proposal, duo=None, territory=None, by=None, **fields) -> Action:
    """Turn a proposal into an action of the duo's action plan, keeping the link to the workshop and diagnosis.

    A workshop in a territory outside the duos (a regional park's disruption simulation) feeds the territory's own
    local plan instead: pass `territory`, the workshop's own city.
    """
    if (duo is None) == (territory is None):
        raise WorkshopError(_("An action belongs to the plan of a duo or of a territory, not both."))
    if duo is not None:
        if proposal.workshop.city_id not in {duo.french_city_id, duo.partner_city_id}:
            raise WorkshopError(_("This workshop's city is not part of the duo."))
        if Action.objects.filter(proposal=proposal, duo=duo).exists():
            raise WorkshopError(_("This proposal is already an action of the duo's plan."))
    else:
        if proposal.workshop.city_id != territory.pk:
            raise WorkshopError(_("This workshop did not take place in this territory."))
        if Action.objects.filter(proposal=proposal, territory=territory).exists():
            raise WorkshopError(_("This proposal is already an action of the territory's plan."))
    action = Action.objects.create(
        duo=duo,
        territory=territory,
        proposal=proposal,
        title_en=fields.pop("title_en", proposal.title_en),
        title_fr=fields.pop("title_fr", proposal.title_fr),
        description_en=fields.pop("description_en", proposal.description_en),
        description_fr=fields.pop("description_fr", proposal.description_fr),
        is_demo=proposal.workshop.is_demo,
        **fields,
    )
    action.recommended_actions.set(proposal.actions.all())
    return action


def action_progress(action: Action, milestones=None) -> int | None:
    """Return the share of the action's milestones that are done, in percent (None without milestones)."""
    milestones = list(action.milestones.all()) if milestones is None else milestones
    if not milestones:
        return None
    return round(100 * sum(1 for milestone in milestones if milestone.done_on) / len(milestones))
