"""Ballot rules: one ballot per participant token, every score in its criterion's range, none outside the open vote."""

import pytest
from django.utils import timezone

from tests.factories import PartnerCityFactory, ProposalFactory
from workshops import services
from workshops.models import Ballot, Score


@pytest.fixture
def workshop(db):
    city = PartnerCityFactory(name_en="Fez", name_fr="Fès")
    workshop = services.workshop_create(city=city, title_en="Fez priorities", starts_at=timezone.now())
    for order, title in enumerate(["School canteens", "Wholesale market", "Urban farms"]):
        ProposalFactory(workshop=workshop, title_en=title, order=order)
    return workshop


@pytest.fixture
def open_workshop(workshop):
    return services.vote_open(workshop=workshop)


def full_scores(workshop, value=3):
    return {(p.pk, c.pk): value for p in workshop.proposals.all() for c in workshop.criteria.all()}


def test_a_complete_ballot_is_recorded_with_one_score_per_proposal_and_criterion(open_workshop):
    ballot = services.ballot_cast(workshop=open_workshop, token="phone-1", scores=full_scores(open_workshop))

    assert ballot.scores.count() == 3 * 4
    assert not ballot.from_paper


def test_a_token_casts_only_one_ballot(open_workshop):
    services.ballot_cast(workshop=open_workshop, token="phone-1", scores=full_scores(open_workshop, 5))

    with pytest.raises(services.WorkshopError, match="already voted"):
        services.ballot_cast(workshop=open_workshop, token="phone-1", scores=full_scores(open_workshop, 1))
    assert Ballot.objects.count() == 1
    assert set(Score.objects.values_list("value", flat=True)) == {5}


@pytest.mark.parametrize("value", [0, 6])
def test_a_score_outside_the_one_to_five_scale_is_refused(open_workshop, value):
    scores = full_scores(open_workshop)
    scores[next(iter(scores))] = value

    with pytest.raises(services.WorkshopError, match="scored from 1 to 5"):
        services.ballot_cast(workshop=open_workshop, token="phone-1", scores=scores)
    assert not Ballot.objects.exists()


def test_a_score_that_is_not_a_whole_number_is_refused(open_workshop):
    scores = full_scores(open_workshop)
    scores[next(iter(scores))] = "4"

    with pytest.raises(services.WorkshopError):
        services.ballot_cast(workshop=open_workshop, token="phone-1", scores=scores)


def test_a_ballot_missing_a_score_is_refused_and_nothing_is_saved(open_workshop):
    scores = full_scores(open_workshop)
    del scores[next(iter(scores))]

    with pytest.raises(services.WorkshopError, match="Score every proposal on every criterion"):
        services.ballot_cast(workshop=open_workshop, token="phone-1", scores=scores)
    assert not Ballot.objects.exists()
    assert not Score.objects.exists()


def test_a_score_on_another_workshops_proposal_is_refused(open_workshop):
    other = services.workshop_create(city=open_workshop.city, title_en="Another workshop", starts_at=timezone.now())
    foreign = ProposalFactory(workshop=other, title_en="Foreign proposal")
    scores = full_scores(open_workshop)
    scores[(foreign.pk, open_workshop.criteria.first().pk)] = 3

    with pytest.raises(services.WorkshopError, match="another workshop"):
        services.ballot_cast(workshop=open_workshop, token="phone-1", scores=scores)
    assert not Ballot.objects.exists()


def test_no_ballot_is_accepted_before_the_vote_opens(workshop):
    with pytest.raises(services.WorkshopError, match="not open yet"):
        services.ballot_cast(workshop=workshop, token="phone-1", scores=full_scores(workshop))


def test_no_ballot_is_accepted_after_the_vote_closed(open_workshop):
    services.ballot_cast(workshop=open_workshop, token="phone-1", scores=full_scores(open_workshop))
    services.vote_close(workshop=open_workshop)

    with pytest.raises(services.WorkshopError, match="closed"):
        services.ballot_cast(workshop=open_workshop, token="phone-2", scores=full_scores(open_workshop))
    assert Ballot.objects.count() == 1


def test_an_empty_token_is_refused(open_workshop):
    with pytest.raises(services.WorkshopError, match="token"):
        services.ballot_cast(workshop=open_workshop, token="", scores=full_scores(open_workshop))


def test_a_closed_vote_cannot_be_reopened(open_workshop):
    services.vote_close(workshop=open_workshop)

    with pytest.raises(services.WorkshopError, match="frozen"):
        services.vote_open(workshop=open_workshop)


def test_a_vote_without_proposals_cannot_open(db):
    city = PartnerCityFactory(name_en="Sfax")
    empty = services.workshop_create(city=city, title_en="Empty", starts_at=timezone.now())

    with pytest.raises(services.WorkshopError, match="proposals"):
        services.vote_open(workshop=empty)


def test_a_true_or_false_is_not_taken_for_a_score(open_workshop):
    scores = full_scores(open_workshop)
    scores[next(iter(scores))] = True  # bool is an int in Python: True would have counted as a 1

    with pytest.raises(services.WorkshopError, match="scored from 1 to 5"):
        services.ballot_cast(workshop=open_workshop, token="phone-1", scores=scores)
