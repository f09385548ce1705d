"""A refused ballot says why in its error's type: the vote's state (a conflict) or the ballot's own content."""

import pytest
from django.utils import timezone

from tests.factories import PartnerCityFactory, ProposalFactory
from workshops import services


@pytest.fixture
def workshop(db):
    workshop = services.workshop_create(
        city=PartnerCityFactory(name_en="Fez"), title_en="Fez priorities", starts_at=timezone.now()
    )
    ProposalFactory(workshop=workshop, title_en="School canteens")
    return workshop


def scores(workshop, value=3):
    return {(p.pk, c.pk): value for p in workshop.proposals.all() for c in workshop.criteria.all()}


def test_a_ballot_before_the_vote_opens_is_refused_as_vote_not_open(workshop):
    with pytest.raises(services.VoteNotOpenError):
        services.ballot_cast(workshop=workshop, token="phone-1", scores=scores(workshop))


def test_a_ballot_after_the_vote_closes_is_refused_as_vote_not_open(workshop):
    services.vote_open(workshop=workshop)
    services.vote_close(workshop=workshop)

    with pytest.raises(services.VoteNotOpenError, match="closed"):
        services.ballot_cast(workshop=workshop, token="phone-1", scores=scores(workshop))


def test_a_second_ballot_of_a_participant_is_refused_as_already_voted(workshop):
    services.vote_open(workshop=workshop)
    services.ballot_cast(workshop=workshop, token="phone-1", scores=scores(workshop))

    with pytest.raises(services.AlreadyVotedError):
        services.ballot_cast(workshop=workshop, token="phone-1", scores=scores(workshop))


def test_a_ballot_with_a_score_out_of_range_is_an_error_of_its_content_not_a_conflict(workshop):
    services.vote_open(workshop=workshop)

    with pytest.raises(services.WorkshopError) as raised:
        services.ballot_cast(workshop=workshop, token="phone-1", scores=scores(workshop, value=9))
    assert not isinstance(raised.value, services.VoteNotOpenError | services.AlreadyVotedError)
