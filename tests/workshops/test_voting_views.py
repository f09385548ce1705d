"""The vote's pages: the participant's code and ballot, the room's live ranking, the facilitator's console."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import ProposalFactory, UserFactory
from workshops import services
from workshops.models import Action, Ballot, Workshop

TITLES = ["School canteens", "Wholesale market", "Urban farms", "Food bank", "Compost"]


@pytest.fixture(autouse=True)
def _english():
    """Addresses are reversed in English; a French request earlier in the thread must not leak into the next test."""
    with translation.override("en"):
        yield


@pytest.fixture
def duo(duo_b):
    """Montpellier–Fez."""
    return duo_b


@pytest.fixture
def fez(duo):
    return duo.partner_city


@pytest.fixture
def workshop(duo, fez):
    workshop = services.workshop_create(city=fez, title_en="Fez priorities", starts_at=timezone.now())
    workshop.code = "ABC234"
    workshop.is_published = True  # the vote pages show an unpublished workshop only once its vote has opened
    workshop.save(update_fields=["code", "is_published"])
    for order, title in enumerate(TITLES):
        ProposalFactory(workshop=workshop, title_en=title, order=order)
    return workshop


@pytest.fixture
def open_workshop(workshop):
    return services.vote_open(workshop=workshop)


@pytest.fixture
def facilitator(workshop, fez):
    user = UserFactory(username="fez-facilitator", role="partner", city=fez)
    workshop.facilitators.add(user)
    return user


def ballot_data(workshop, value=3, **overrides):
    data = {
        f"score-{proposal.pk}-{criterion.pk}": value
        for proposal in workshop.proposals.all()
        for criterion in workshop.criteria.all()
    }
    data.update(overrides)
    return data


def paper_data(workshop, value=3):
    return {f"paper-{name}": score for name, score in ballot_data(workshop, value).items()}


def ballot_url(workshop):
    return reverse("voting:ballot", args=[workshop.code])


def vote_from_phone(client, workshop, value=3):
    client.get(ballot_url(workshop))
    return client.post(ballot_url(workshop), ballot_data(workshop, value))


def test_the_code_page_finds_the_workshop_whatever_the_case_of_the_code(client, workshop):
    response = client.get(reverse("voting:enter"), {"code": " abc234 "})

    assert response.status_code == 302
    assert response["Location"] == "/en/vote/ABC234/"


def test_a_ballot_address_in_lower_case_leads_to_the_workshop(client, workshop):
    response = client.get("/en/vote/abc234/")

    assert response.status_code == 302
    assert response["Location"] == "/en/vote/ABC234/"


def test_an_unknown_code_is_answered_with_a_clear_message(client, workshop):
    response = client.get(reverse("voting:enter"), {"code": "ZZZZZZ"})

    assert response.status_code == 200
    assert "No workshop has this code" in response.content.decode()
    assert client.get("/en/vote/ZZZZZZ/").status_code == 404


def test_the_ballot_waits_for_the_vote_to_open(client, workshop):
    response = client.get(ballot_url(workshop))

    assert response.status_code == 200
    assert "The vote is not open yet" in response.content.decode()
    assert client.post(ballot_url(workshop), ballot_data(workshop)).status_code == 409


def test_the_first_visit_gives_the_phone_a_participant_token_in_a_signed_cookie(client, open_workshop):
    response = client.get(ballot_url(open_workshop))

    cookie = response.cookies[f"lfc-vote-{open_workshop.pk}"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    page = response.content.decode()
    assert page.count('type="radio"') == len(TITLES) * 4 * 5
    assert page.count("<legend>Impact</legend>") == len(TITLES)
    assert 'action="/en/vote/ABC234/"' in page


def test_a_participant_scores_every_proposal_and_is_thanked(client, open_workshop):
    response = vote_from_phone(client, open_workshop, value=4)

    assert response.status_code == 302
    ballot = Ballot.objects.get(workshop=open_workshop)
    assert not ballot.from_paper
    assert ballot.scores.count() == len(TITLES) * 4
    assert set(ballot.scores.values_list("value", flat=True)) == {4}
    page = client.get(ballot_url(open_workshop)).content.decode()
    assert "Thank you, your ballot is recorded" in page
    assert 'type="radio"' not in page
    assert "Send my ballot" not in page


def test_a_second_ballot_from_the_same_phone_replaces_the_first(client, open_workshop):
    vote_from_phone(client, open_workshop, value=4)

    response = client.post(ballot_url(open_workshop), ballot_data(open_workshop, 1))

    assert response.status_code == 302
    assert Ballot.objects.count() == 1
    assert set(Ballot.objects.get().scores.values_list("value", flat=True)) == {1}


def test_two_phones_cast_two_ballots(client, open_workshop, django_user_model):
    from django.test import Client

    vote_from_phone(client, open_workshop)
    vote_from_phone(Client(), open_workshop)

    assert Ballot.objects.filter(workshop=open_workshop).count() == 2
    assert len(set(Ballot.objects.values_list("token", flat=True))) == 2


def test_a_ballot_posted_without_the_cookie_is_refused(client, open_workshop):
    response = client.post(ballot_url(open_workshop), ballot_data(open_workshop))

    assert response.status_code == 400
    assert "allow cookies" in response.content.decode()
    assert not Ballot.objects.exists()


def test_an_out_of_range_or_incomplete_ballot_is_shown_again_with_its_errors(client, open_workshop):
    client.get(ballot_url(open_workshop))
    first = open_workshop.proposals.first()
    impact = open_workshop.criteria.get(code="impact")
    data = ballot_data(open_workshop, **{f"score-{first.pk}-{impact.pk}": 6})
    del data[f"score-{open_workshop.proposals.last().pk}-{impact.pk}"]

    response = client.post(ballot_url(open_workshop), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Score “Compost” on Impact." in page
    assert not Ballot.objects.exists()


def test_a_closed_vote_refuses_ballots_with_409(client, open_workshop):
    client.get(ballot_url(open_workshop))
    services.vote_close(workshop=open_workshop)

    response = client.post(ballot_url(open_workshop), ballot_data(open_workshop))

    assert response.status_code == 409
    assert "The vote is closed" in response.content.decode()
    assert not Ballot.objects.exists()
    assert "The vote is closed" in client.get(ballot_url(open_workshop)).content.decode()


def test_the_ranking_json_has_only_aggregates(client, open_workshop):
    vote_from_phone(client, open_workshop, value=5)
    token = Ballot.objects.get().token

    response = client.get(reverse("voting:ranking-json", args=[open_workshop.code]))

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"vote", "vote_label", "ballots", "waiting", "criteria", "ranking"}
    assert data["ballots"] == 1
    assert data["vote"] == "open"
    assert [c["code"] for c in data["criteria"]] == ["impact", "feasibility", "cost", "urgency"]
    assert set(data["ranking"][0]) == {"rank", "proposal", "score", "ballots", "means", "tie_break"}
    assert data["ranking"][0]["score"] == "5.000"
    assert data["ranking"][0]["means"] == ["5.00"] * 4
    assert token not in response.content.decode()
    assert "token" not in json.dumps(data)


def test_the_ranking_speaks_french_on_the_french_address(client, open_workshop):
    vote_from_phone(client, open_workshop, value=4)

    data = client.get(f"/fr/vote/{open_workshop.code}/ranking.json").json()

    assert data["vote_label"] == "Ouvert" or data["vote_label"] == "Open"  # translated once locale/fr has it
    assert data["criteria"][1]["name"] == "Faisabilité"
    assert data["ranking"][0]["score"] == "4,000"


def test_the_projector_page_shows_the_code_the_qr_code_and_the_ranking(client, open_workshop):
    vote_from_phone(client, open_workshop)

    response = client.get(reverse("voting:ranking", args=[open_workshop.code]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "ABC234" in page
    assert '<svg viewBox="' in page  # the QR code, drawn on the server
    assert 'data-ranking-url="/en/vote/ABC234/ranking.json"' in page
    assert page.count('<th scope="row">') == len(TITLES)
    assert "<script>" not in page and "style=" not in page


def test_the_projector_page_needs_a_bounded_number_of_queries(client, open_workshop, django_assert_max_num_queries):
    for _ in range(3):
        from django.test import Client

        vote_from_phone(Client(), open_workshop)

    with django_assert_max_num_queries(12):
        client.get(reverse("voting:ranking-json", args=[open_workshop.code]))


@pytest.mark.parametrize("who", ["partner_b", "partner_a", "student"])
def test_the_console_is_not_found_for_users_who_do_not_facilitate(client, workshop, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("voting:facilitate", args=[workshop.slug])).status_code == 404
    response = client.post(reverse("voting:facilitate-vote", args=[workshop.slug]), {"vote": "open"})
    assert response.status_code == 404
    workshop.refresh_from_db()
    assert workshop.vote == Workshop.Vote.NOT_OPEN


def test_an_anonymous_visitor_is_sent_to_log_in_before_the_console(client, workshop):
    response = client.get(reverse("voting:facilitate", args=[workshop.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.post(reverse("voting:facilitate-paper", args=[workshop.slug]), {}).status_code == 302
    assert not Ballot.objects.exists()


def test_the_team_and_the_workshops_facilitators_open_the_console(client, workshop, facilitator, team_member):
    for user in (facilitator, team_member):
        client.force_login(user)
        response = client.get(reverse("voting:facilitate", args=[workshop.slug]))
        assert response.status_code == 200
        assert "ABC234" in response.content.decode()
        assert "Open the vote" in response.content.decode()


def test_the_facilitator_opens_and_closes_the_vote(client, workshop, facilitator):
    client.force_login(facilitator)
    url = reverse("voting:facilitate-vote", args=[workshop.slug])

    client.post(url, {"vote": "open"})
    workshop.refresh_from_db()
    assert workshop.vote == Workshop.Vote.OPEN

    client.post(url, {"vote": "close"})
    workshop.refresh_from_db()
    assert workshop.vote == Workshop.Vote.CLOSED
    page = client.get(reverse("voting:facilitate", args=[workshop.slug])).content.decode()
    assert "the ranking is frozen" in page
    assert "Turn the top proposals into actions" in page

    response = client.post(url, {"vote": "open"}, follow=True)
    assert "The vote is closed: its ranking is frozen." in response.content.decode()


def test_the_facilitator_types_in_paper_sheets(client, open_workshop, facilitator):
    client.force_login(facilitator)
    url = reverse("voting:facilitate-paper", args=[open_workshop.slug])

    assert client.post(url, paper_data(open_workshop, 2)).status_code == 302
    assert client.post(url, paper_data(open_workshop, 4)).status_code == 302

    ballots = Ballot.objects.filter(workshop=open_workshop).order_by("token")
    assert [(b.token, b.from_paper) for b in ballots] == [("paper-1", True), ("paper-2", True)]
    data = client.get(reverse("voting:ranking-json", args=[open_workshop.code])).json()
    assert data["ballots"] == 2
    assert data["ranking"][0]["score"] == "3.000"


def test_an_incomplete_paper_sheet_is_shown_again_and_not_recorded(client, open_workshop, facilitator):
    client.force_login(facilitator)
    data = paper_data(open_workshop)
    data[next(iter(data))] = 9

    response = client.post(reverse("voting:facilitate-paper", args=[open_workshop.slug]), data)

    assert response.status_code == 400
    assert "less than or equal to 5" in response.content.decode()
    assert not Ballot.objects.exists()


def test_the_top_three_proposals_become_actions_of_the_duos_plan(client, open_workshop, facilitator, duo):
    for value, title in [(5, "Urban farms"), (4, "Food bank"), (3, "School canteens")]:
        services.ballot_cast(
            workshop=open_workshop,
            token=f"t{value}",
            scores={
                (p.pk, c.pk): value if p.title == title else 1
                for p in open_workshop.proposals.all()
                for c in open_workshop.criteria.all()
            },
        )
    services.vote_close(workshop=open_workshop)
    client.force_login(facilitator)
    url = reverse("voting:facilitate-actions", args=[open_workshop.slug])

    response = client.post(url, {"top-count": 3}, follow=True)

    actions = Action.objects.filter(duo=duo).order_by("id")
    assert [action.title for action in actions] == ["Urban farms", "Food bank", "School canteens"]
    assert all(action.proposal.workshop == open_workshop for action in actions)
    page = response.content.decode()
    assert "3 actions added to the plan" in page
    assert "Actions born from this workshop" in page

    client.post(url, {"top-count": 3})
    assert Action.objects.filter(duo=duo).count() == 3


def test_no_actions_before_the_vote_is_closed(client, open_workshop, facilitator, duo):
    client.force_login(facilitator)

    response = client.post(
        reverse("voting:facilitate-actions", args=[open_workshop.slug]), {"top-count": 3}, follow=True
    )

    assert "Close the vote first" in response.content.decode()
    assert not Action.objects.exists()
