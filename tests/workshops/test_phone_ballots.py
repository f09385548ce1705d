"""A phone's ballot on an unreliable connection: sent twice it counts once, changed it replaces the phone's previous
ballot, refused with its reason once the vote is closed; the facilitator counts ballots received and phones waiting."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import PartnerCityFactory, ProposalFactory
from workshops import services
from workshops.models import Ballot, BallotOpening, Score, Workshop

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def open_workshop(db):
    city = PartnerCityFactory(name_en="Fez", name_fr="Fès")
    workshop = services.workshop_create(city=city, title_en="Fez priorities", starts_at=timezone.now())
    for order, title in enumerate(["School canteens", "Wholesale market", "Urban farms"]):
        ProposalFactory(workshop=workshop, title_en=title, order=order)
    return services.vote_open(workshop=workshop)


def scores(workshop, value=3):
    return {(p.pk, c.pk): value for p in workshop.proposals.all() for c in workshop.criteria.all()}


def form_data(workshop, value=3, key="key-1"):
    data = {f"score-{p}-{c}": v for (p, c), v in scores(workshop, value).items()}
    return {**data, "ballot_key": key}


def ballot_url(workshop):
    return reverse("voting:ballot", args=[workshop.code])


def test_a_ballot_sent_twice_with_the_same_key_counts_once(open_workshop):
    first, created = services.ballot_submit(
        workshop=open_workshop, token="phone-1", scores=scores(open_workshop), key="k1"
    )
    again, duplicate = services.ballot_submit(
        workshop=open_workshop, token="phone-1", scores=scores(open_workshop), key="k1"
    )

    assert (created, duplicate) == (services.BallotOutcome.CREATED, services.BallotOutcome.DUPLICATE)
    assert again.pk == first.pk
    assert Ballot.objects.count() == 1
    assert Score.objects.count() == 3 * 4


def test_a_changed_ballot_replaces_the_phones_previous_scores(open_workshop):
    first, _ = services.ballot_submit(
        workshop=open_workshop, token="phone-1", scores=scores(open_workshop, 5), key="k1"
    )

    second, outcome = services.ballot_submit(
        workshop=open_workshop, token="phone-1", scores=scores(open_workshop, 2), key="k2"
    )

    assert outcome == services.BallotOutcome.REPLACED
    assert second.pk == first.pk
    assert Ballot.objects.get().key == "k2"
    assert set(Score.objects.values_list("value", flat=True)) == {2}
    assert Score.objects.count() == 3 * 4
    assert services.ranking_compute(workshop=open_workshop)[0].score == 2


def test_a_retry_of_an_older_ballot_after_a_change_is_refused_as_incomplete_without_harm(open_workshop):
    services.ballot_submit(workshop=open_workshop, token="phone-1", scores=scores(open_workshop, 5), key="k1")
    partial = dict(list(scores(open_workshop, 1).items())[:-1])

    with pytest.raises(services.WorkshopError, match="Score every proposal"):
        services.ballot_submit(workshop=open_workshop, token="phone-1", scores=partial, key="k2")

    assert set(Score.objects.values_list("value", flat=True)) == {5}
    assert Ballot.objects.get().key == "k1"


def test_a_closed_vote_refuses_a_phones_ballot_even_a_retry(open_workshop):
    services.ballot_submit(workshop=open_workshop, token="phone-1", scores=scores(open_workshop, 5), key="k1")
    services.vote_close(workshop=open_workshop)

    with pytest.raises(services.WorkshopError, match="The vote is closed"):
        services.ballot_submit(workshop=open_workshop, token="phone-1", scores=scores(open_workshop, 1), key="k2")
    assert set(Score.objects.values_list("value", flat=True)) == {5}


def test_the_script_sends_a_ballot_twice_and_the_second_answer_says_already_recorded(client, open_workshop):
    client.get(ballot_url(open_workshop))

    first = client.post(ballot_url(open_workshop), form_data(open_workshop, key="abc"), **JSON)
    second = client.post(ballot_url(open_workshop), form_data(open_workshop, key="abc"), **JSON)

    assert (first.status_code, first.json()["status"]) == (200, "created")
    assert (second.status_code, second.json()["status"]) == (200, "duplicate")
    assert Ballot.objects.count() == 1


def test_a_phone_changes_its_ballot_with_a_new_key(client, open_workshop):
    client.get(ballot_url(open_workshop))
    client.post(ballot_url(open_workshop), form_data(open_workshop, 5, key="abc"), **JSON)

    response = client.post(ballot_url(open_workshop), form_data(open_workshop, 1, key="def"), **JSON)

    assert response.json()["status"] == "replaced"
    assert set(Score.objects.values_list("value", flat=True)) == {1}


def test_a_ballot_reaching_a_closed_vote_gets_409_with_the_reason(client, open_workshop):
    client.get(ballot_url(open_workshop))
    services.vote_close(workshop=open_workshop)

    response = client.post(ballot_url(open_workshop), form_data(open_workshop), **JSON)

    assert response.status_code == 409
    assert response.json() == {"status": "refused", "errors": {"vote": ["The vote is closed."]}}
    assert not Ballot.objects.exists()


def test_an_incomplete_ballot_from_the_script_gets_400_naming_the_missing_score(client, open_workshop):
    client.get(ballot_url(open_workshop))
    data = form_data(open_workshop)
    proposal, criterion = open_workshop.proposals.last(), open_workshop.criteria.get(code="impact")
    del data[f"score-{proposal.pk}-{criterion.pk}"]

    response = client.post(ballot_url(open_workshop), data, **JSON)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[f"score-{proposal.pk}-{criterion.pk}"][0]["message"] == "Score “Urban farms” on Impact."
    assert not Ballot.objects.exists()


def test_an_overlong_idempotency_key_gets_400_naming_it(client, open_workshop):
    client.get(ballot_url(open_workshop))

    response = client.post(ballot_url(open_workshop), form_data(open_workshop, key="x" * 65), **JSON)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["ballot_key"]
    assert not Ballot.objects.exists()


def test_a_phone_that_voted_sees_its_thanks_and_may_change_its_ballot_with_its_scores_filled_in(client, open_workshop):
    client.get(ballot_url(open_workshop))
    client.post(ballot_url(open_workshop), form_data(open_workshop, 4))

    thanks = client.get(ballot_url(open_workshop)).content.decode()
    change = client.get(ballot_url(open_workshop) + "?change=1").content.decode()

    assert "Thank you, your ballot is recorded" in thanks
    assert "?change=1" in thanks
    assert len(re.findall(r'value="4" id="[^"]+" required checked', change)) == 3 * 4
    assert "once sent, your new scores replace the previous ones" in change


def test_the_facilitator_counts_ballots_received_and_phones_still_to_send(client, open_workshop):
    phones = [Client() for _ in range(3)]
    for phone in phones:
        phone.get(ballot_url(open_workshop))
    phones[0].get(ballot_url(open_workshop))  # a reload is the same phone
    phones[0].post(ballot_url(open_workshop), form_data(open_workshop))

    counts = services.vote_counts(workshop=open_workshop)
    data = client.get(reverse("voting:ranking-json", args=[open_workshop.code])).json()

    assert counts == {"ballots": 1, "waiting": 2}
    assert (data["ballots"], data["waiting"]) == (1, 2)
    assert BallotOpening.objects.count() == 3


def test_the_ballot_page_needs_the_same_few_queries_whatever_the_number_of_proposals(
    client, open_workshop, django_assert_max_num_queries
):
    client.get(ballot_url(open_workshop))
    for order in range(10):
        ProposalFactory(workshop=open_workshop, title_en=f"Extra {order}", order=10 + order)
    data = form_data(open_workshop)

    with django_assert_max_num_queries(8):
        response = client.get(ballot_url(open_workshop))
    with django_assert_max_num_queries(14):
        sent = client.post(ballot_url(open_workshop), data, **JSON)

    assert response.status_code == 200
    assert sent.json()["status"] == "created"


def test_the_service_worker_is_served_under_the_vote_so_its_scope_covers_the_ballots(client, open_workshop):
    response = client.get(reverse("voting:service-worker"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert reverse("voting:service-worker").rsplit("/", 1)[0] + "/" == "/en/vote/"
    assert ballot_url(open_workshop).startswith("/en/vote/")
    assert '"/static/js/vote-offline.js"' in response.content.decode()
    assert open_workshop.vote == Workshop.Vote.OPEN
