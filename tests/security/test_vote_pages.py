"""The vote pages reveal nothing of a workshop before it is published or its vote opens; code guesses are limited."""

import re

import pytest
from django.utils import timezone

from tests.factories import ProposalFactory, UserFactory
from workshops import services
from workshops.views import voting

SECRET_TITLE = "Secret priorities of Fez"
SECRET_PROPOSAL = "Close the wholesale market"


@pytest.fixture
def hidden_workshop(duo_b):
    """An unpublished workshop whose vote has not opened, with a proposal: nothing of it is public yet."""
    workshop = services.workshop_create(city=duo_b.partner_city, title_en=SECRET_TITLE, starts_at=timezone.now())
    workshop.code = "HID234"
    workshop.save(update_fields=["code"])
    ProposalFactory(workshop=workshop, title_en=SECRET_PROPOSAL, order=0)
    return workshop


@pytest.fixture
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True


def page_text(response, code: str) -> str:
    """Return a page with the code asked for replaced by a placeholder and without its per-request CSRF tokens."""
    text = response.content.decode().replace(code, "<code>")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


VOTE_PAGES = ["/en/vote/{code}/", "/en/vote/{code}/ranking/", "/en/vote/{code}/ranking.json"]


@pytest.mark.parametrize("page", VOTE_PAGES)
@pytest.mark.parametrize("code", ["HID234", "hid234"])
def test_an_unpublished_workshop_before_its_vote_answers_like_an_unknown_code(client, hidden_workshop, page, code):
    """Guards defect 10: anyone holding the code read the title and the proposals of an unpublished workshop."""
    hidden = client.get(page.format(code=code))
    unknown = client.get(page.format(code="ZZZ999"))

    assert hidden.status_code == unknown.status_code == 404
    assert SECRET_TITLE not in hidden.content.decode() and SECRET_PROPOSAL not in hidden.content.decode()
    assert page_text(hidden, code) == page_text(unknown, "ZZZ999")


def test_the_code_form_says_the_same_of_a_hidden_workshop_and_an_unknown_one(client, hidden_workshop):
    hidden = client.get("/en/vote/", {"code": "HID234"})
    unknown = client.get("/en/vote/", {"code": "ZZZ999"})

    assert hidden.status_code == unknown.status_code == 200
    assert "No workshop has this code" in hidden.content.decode()
    assert page_text(hidden, "HID234") == page_text(unknown, "ZZZ999")


def test_the_vote_pages_show_the_workshop_once_its_vote_opens(client, hidden_workshop):
    services.vote_open(workshop=hidden_workshop)

    assert SECRET_TITLE in client.get("/en/vote/HID234/").content.decode()
    assert SECRET_PROPOSAL in client.get("/en/vote/HID234/ranking/").content.decode()


def test_the_vote_pages_show_a_published_workshop_waiting_for_its_vote(client, hidden_workshop):
    hidden_workshop.is_published = True
    hidden_workshop.save(update_fields=["is_published"])

    response = client.get("/en/vote/HID234/")

    assert response.status_code == 200
    assert "The vote is not open yet" in response.content.decode()


def test_the_facilitator_and_the_team_see_the_projector_page_before_the_vote_opens(client, hidden_workshop):
    facilitator = UserFactory(username="fez-facilitator", role="partner", city=hidden_workshop.city)
    hidden_workshop.facilitators.add(facilitator)
    for user in [facilitator, UserFactory(username="team", role="team", is_staff=True)]:
        client.force_login(user)
        assert client.get("/en/vote/HID234/ranking/").status_code == 200


def test_code_guesses_are_limited_per_client_with_a_clear_429(client, db, limits_on):
    """Guards defect 10: codes could be guessed without limit."""
    allowed = int(voting.GUESS_RATE.split("/")[0])

    answers = [client.get(f"/en/vote/ZZ{number:04d}/").status_code for number in range(allowed + 2)]

    assert set(answers[:allowed]) == {404}
    assert answers[-1] == 429
    limited = client.get("/en/vote/", {"code": "ABCDEF"})
    assert limited.status_code == 429
    assert "Too many wrong codes" in limited.content.decode()
    assert int(limited["Retry-After"]) > 0
    assert "Trop de codes erronés" in client.get("/fr/vote/ZZ0000/").content.decode()


def test_reloading_a_known_ballot_or_ranking_is_not_a_guess(client, hidden_workshop, limits_on):
    services.vote_open(workshop=hidden_workshop)

    answers = {client.get("/en/vote/HID234/ranking.json").status_code for _ in range(50)}

    assert answers == {200}


def test_without_the_cache_the_vote_pages_still_answer(client, hidden_workshop, limits_on, monkeypatch):
    """The guess limit fails open: a cache outage must not stop a vote in progress."""

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("workshops.views.voting.is_ratelimited", unreachable)
    services.vote_open(workshop=hidden_workshop)

    assert client.get("/en/vote/HID234/").status_code == 200
    assert client.get("/en/vote/ZZZ999/").status_code == 404
    assert client.get("/en/vote/", {"code": "ZZZ999"}).status_code == 200
