"""The ranking: weighted means computed by hand, tie-breaks with their explanations, and the frozen ranking."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import BallotFactory, PartnerCityFactory, ProposalFactory
from workshops import services
from workshops.models import RankingEntry, Score

CRITERIA = ["impact", "feasibility", "cost", "urgency"]  # default weights 2, 1.5, 1 and 1: their sum is 5.5


@pytest.fixture
def workshop(db):
    city = PartnerCityFactory(name_en="Fez", name_fr="Fès")
    return services.workshop_create(city=city, title_en="Fez priorities", starts_at=timezone.now())


def add_proposals(workshop, *titles):
    return [ProposalFactory(workshop=workshop, title_en=title, order=order) for order, title in enumerate(titles)]


def cast(workshop, token, sheet):
    """sheet: {proposal: (impact, feasibility, cost, urgency)}."""
    criteria = {criterion.code: criterion for criterion in workshop.criteria.all()}
    scores = {
        (proposal.pk, criteria[code].pk): value
        for proposal, values in sheet.items()
        for code, value in zip(CRITERIA, values, strict=True)
    }
    return services.ballot_cast(workshop=workshop, token=token, scores=scores)


def by_title(ranking):
    return {item.proposal.title: item for item in ranking}


def test_the_default_criteria_are_weighted_two_one_and_a_half_one_and_one(workshop):
    weights = dict(workshop.criteria.values_list("code", "weight"))

    assert weights == {"impact": 2, "feasibility": Decimal("1.5"), "cost": 1, "urgency": 1}


def test_proposals_are_ranked_by_the_weighted_mean_not_the_plain_mean(workshop):
    canteens, market, farms = add_proposals(workshop, "Canteens", "Market", "Farms")
    services.vote_open(workshop=workshop)
    cast(workshop, "a", {canteens: (5, 5, 1, 1), market: (2, 2, 5, 5), farms: (3, 3, 3, 3)})
    cast(workshop, "b", {canteens: (4, 5, 2, 1), market: (2, 3, 5, 4), farms: (3, 3, 3, 3)})

    ranking = services.ranking_compute(workshop=workshop)

    # Canteens: means 4.5, 5, 1.5, 1 -> (2×4.5 + 1.5×5 + 1×1.5 + 1×1) / 5.5 = 19 / 5.5 = 3.4545… (plain mean 3.0)
    # Market:   means 2, 2.5, 5, 4.5 -> (2×2 + 1.5×2.5 + 1×5 + 1×4.5) / 5.5 = 17.25 / 5.5 = 3.1363… (plain mean 3.5)
    # Farms:    means 3, 3, 3, 3     -> 16.5 / 5.5 = 3
    assert [(item.rank, item.proposal.title, item.score) for item in ranking] == [
        (1, "Canteens", Decimal("3.455")),
        (2, "Market", Decimal("3.136")),
        (3, "Farms", Decimal("3.000")),
    ]
    assert by_title(ranking)["Canteens"].criterion_means == {
        "impact": Decimal("4.500"),
        "feasibility": Decimal("5.000"),
        "cost": Decimal("1.500"),
        "urgency": Decimal("1.000"),
    }
    assert all(item.ballots == 2 and item.tie_break == "" for item in ranking)


def test_weights_set_for_the_workshop_change_the_ranking(workshop):
    canteens, market = add_proposals(workshop, "Canteens", "Market")
    workshop.criteria.filter(code="impact").update(weight=Decimal("0.5"))
    workshop.criteria.filter(code="cost").update(weight=Decimal("3"))
    services.vote_open(workshop=workshop)
    cast(workshop, "a", {canteens: (5, 5, 1, 1), market: (2, 2, 5, 5)})

    ranking = services.ranking_compute(workshop=workshop)

    # Weights 0.5, 1.5, 3, 1 (sum 6). Canteens: (2.5 + 7.5 + 3 + 1) / 6 = 2.333…; Market: (1 + 3 + 15 + 5) / 6 = 4
    assert [(item.proposal.title, item.score) for item in ranking] == [
        ("Market", Decimal("4.000")),
        ("Canteens", Decimal("2.333")),
    ]


def test_a_tie_is_broken_by_the_heaviest_criterion_and_says_so(workshop):
    first, second = add_proposals(workshop, "Entered first", "Entered second")
    services.vote_open(workshop=workshop)
    # (2×3 + 1.5×5 + 3 + 3) = 19.5 and (2×4 + 1.5×3 + 4 + 3) = 19.5: both 19.5 / 5.5 = 3.545
    cast(workshop, "a", {first: (3, 5, 3, 3), second: (4, 3, 4, 3)})

    ranking = services.ranking_compute(workshop=workshop)

    assert [(item.proposal.title, item.score) for item in ranking] == [
        ("Entered second", Decimal("3.545")),
        ("Entered first", Decimal("3.545")),
    ]
    assert ranking[0].tie_break == ""
    assert ranking[1].tie_break == ("Same score as the proposal above; ranked lower on Impact, the heaviest criterion.")


def test_a_tie_on_score_and_heaviest_criterion_is_broken_by_the_number_of_ballots(workshop):
    (late,) = add_proposals(workshop, "Added late")
    services.vote_open(workshop=workshop)
    cast(workshop, "a", {late: (4, 4, 4, 4)})
    # A proposal added while the vote is open: the first ballot did not score it.
    early = ProposalFactory(workshop=workshop, title_en="Added during the vote", order=0)
    late.refresh_from_db()
    cast(workshop, "b", {late: (4, 4, 4, 4), early: (4, 4, 4, 4)})

    ranking = services.ranking_compute(workshop=workshop)

    assert [(item.proposal.title, item.ballots) for item in ranking] == [
        ("Added late", 2),
        ("Added during the vote", 1),
    ]
    assert ranking[1].tie_break == "Same score as the proposal above; fewer ballots."


def test_a_complete_tie_is_broken_by_the_order_of_the_proposals(workshop):
    first, second, third = add_proposals(workshop, "First", "Second", "Third")
    services.vote_open(workshop=workshop)
    cast(workshop, "a", {first: (2, 2, 2, 2), second: (4, 4, 4, 4), third: (4, 4, 4, 4)})

    ranking = services.ranking_compute(workshop=workshop)

    assert [item.proposal.title for item in ranking] == ["Second", "Third", "First"]
    assert ranking[1].tie_break == "Same score as the proposal above; entered later."
    assert ranking[2].tie_break == ""


def test_proposals_without_scores_come_last_without_a_score(workshop):
    scored, unscored = add_proposals(workshop, "Scored", "Unscored")
    services.vote_open(workshop=workshop)

    ranking = services.ranking_compute(workshop=workshop)

    assert [(item.proposal.title, item.score, item.ballots) for item in ranking] == [
        ("Scored", None, 0),
        ("Unscored", None, 0),
    ]
    cast(workshop, "a", {scored: (1, 1, 1, 1), unscored: (1, 1, 1, 1)})
    assert services.ranking_compute(workshop=workshop)[0].score == Decimal("1.000")


def test_the_ranking_frozen_at_closing_is_unchanged_by_later_data(workshop):
    canteens, market = add_proposals(workshop, "Canteens", "Market")
    services.vote_open(workshop=workshop)
    cast(workshop, "a", {canteens: (5, 5, 5, 5), market: (1, 1, 1, 1)})
    services.vote_close(workshop=workshop)
    workshop.refresh_from_db()

    # Later changes, made behind the vote's back: weights, a ballot written straight into the database, a new proposal.
    workshop.criteria.update(weight=Decimal("1"))
    late = BallotFactory(workshop=workshop, token="late")
    Score.objects.bulk_create(
        Score(ballot=late, proposal=proposal, criterion=criterion, value=value)
        for proposal, value in [(canteens, 1), (market, 5)]
        for criterion in workshop.criteria.all()
    )
    ProposalFactory(workshop=workshop, title_en="After closing")

    frozen = services.ranking_current(workshop=workshop)

    assert [(item.rank, item.proposal.title, item.score, item.ballots) for item in frozen] == [
        (1, "Canteens", Decimal("5.000"), 1),
        (2, "Market", Decimal("1.000"), 1),
    ]
    assert RankingEntry.objects.filter(proposal__workshop=workshop).count() == 2
    assert services.ranking_compute(workshop=workshop)[0].score == Decimal("3.000")  # the live sum has moved


def test_the_live_ranking_follows_each_ballot_while_the_vote_is_open(workshop):
    canteens, market = add_proposals(workshop, "Canteens", "Market")
    services.vote_open(workshop=workshop)
    cast(workshop, "a", {canteens: (5, 5, 5, 5), market: (1, 1, 1, 1)})
    assert services.ranking_current(workshop=workshop)[0].proposal == canteens

    cast(workshop, "b", {canteens: (1, 1, 1, 1), market: (5, 5, 5, 5)})
    cast(workshop, "c", {canteens: (1, 1, 1, 1), market: (5, 5, 5, 5)})

    ranking = services.ranking_current(workshop=workshop)
    assert [(item.proposal.title, item.score, item.ballots) for item in ranking] == [
        ("Market", Decimal("3.667"), 3),
        ("Canteens", Decimal("2.333"), 3),
    ]
