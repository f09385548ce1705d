"""Workshop pages: what the public reads of a published workshop, and nothing of a draft."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    CityFactory,
    MilestoneFactory,
    ParticipantFactory,
    ProposalFactory,
    UserFactory,
    WorkshopFactory,
)
from workshops import services
from workshops.models import Participant, Workshop

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def make_workshop(city, slug="lyon-workshop", **fields) -> Workshop:
    defaults = {
        "title_en": "Lyon workshop",
        "title_fr": "Atelier de Lyon",
        "starts_at": datetime(2024, 3, 14, 14, tzinfo=PARIS),
        "ends_at": datetime(2024, 3, 14, 18, tzinfo=PARIS),
        "venue": "City hall",
        "agenda_en": "Welcome; proposals; vote",
        "agenda_fr": "Accueil ; propositions ; vote",
        "minutes_en": "The minutes of the day.",
        "private_notes": "Secret budget remark",
        "is_published": True,
    }
    workshop = WorkshopFactory(city=city, slug=slug, **{**defaults, **fields})
    services.criteria_ensure_default(workshop=workshop)
    return workshop


@pytest.fixture
def workshop(db):
    workshop = make_workshop(CityFactory(name_en="Lyon", name_fr="Lyon"))
    workshop.facilitators.add(UserFactory(username="fac", first_name="Nora", last_name="Petit"))
    ParticipantFactory(workshop=workshop, name="Claire Dubois", kind=Participant.Kind.FARMER, consents_to_be_named=True)
    for number in range(7):
        ParticipantFactory(workshop=workshop, name=f"Hidden Person {number}", kind=Participant.Kind.CITIZEN)
    for order, title in enumerate(["Canteen exchange", "Farm map"]):
        ProposalFactory(workshop=workshop, title_en=title, title_fr=f"{title} (fr)", order=order)
    return workshop


def test_workshop_page_shows_the_public_record_in_english(client, workshop):
    response = client.get("/en/workshops/lyon-workshop/")

    page = response.text
    assert response.status_code == 200
    assert "Lyon workshop" in page and "City hall" in page and "Nora Petit" in page
    assert "Welcome; proposals; vote" in page and "The minutes of the day." in page
    assert "Canteen exchange" in page and "Farm map" in page
    assert "Secret budget remark" not in page
    assert "/en/workshops/lyon-workshop/calendar.ics" in page


def test_workshop_page_speaks_french_under_fr(client, workshop):
    response = client.get("/fr/workshops/lyon-workshop/")

    assert response.status_code == 200
    assert "Atelier de Lyon" in response.text
    assert "Accueil ; propositions ; vote" in response.text


def test_participants_are_named_only_with_their_consent(client, workshop):
    page = client.get("/en/workshops/lyon-workshop/").text

    assert "Claire Dubois" in page
    assert "Hidden Person" not in page
    assert "and 7 other participants" in page
    assert "8 participants" in page
    assert "Citizen: 7" in page and "Farmer or producer: 1" in page


def test_frozen_ranking_is_shown_once_the_vote_is_closed(client, workshop):
    assert "Ranking of the proposals" not in client.get("/en/workshops/lyon-workshop/").text
    services.vote_open(workshop=workshop)
    proposals = list(workshop.proposals.all())
    criteria = list(workshop.criteria.all())
    for token, favourite in (("a", proposals[1]), ("b", proposals[1])):
        scores = {(p.pk, c.pk): 5 if p == favourite else 2 for p in proposals for c in criteria}
        services.ballot_cast(workshop=workshop, token=token, scores=scores)
    services.vote_close(workshop=workshop)

    page = client.get("/en/workshops/lyon-workshop/").text

    assert "Ranking of the proposals" in page
    assert page.index("Farm map") < page.index("Canteen exchange")


def test_unpublished_workshop_is_not_found_by_the_public(client, workshop):
    Workshop.objects.filter(pk=workshop.pk).update(is_published=False)

    assert client.get("/en/workshops/lyon-workshop/").status_code == 404
    assert client.get("/en/workshops/lyon-workshop/calendar.ics").status_code == 404
    assert "Lyon workshop" not in client.get("/en/workshops/").text


def test_workshop_list_filters_by_city_and_format(client, workshop):
    other = make_workshop(
        CityFactory(name_en="Perche"), slug="perche-sim", title_en="Perche simulation", format="simulation"
    )

    everything = client.get("/en/workshops/").text
    by_city = client.get("/en/workshops/", {"city": other.city.slug}).text
    by_format = client.get("/en/workshops/", {"format": "action_planning"}).text

    assert "Lyon workshop" in everything and "Perche simulation" in everything
    assert "Perche simulation" in by_city and "Lyon workshop" not in by_city
    assert "Lyon workshop" in by_format and "Perche simulation" not in by_format


def test_workshop_page_query_count_does_not_grow_with_participants(client, workshop, django_assert_max_num_queries):
    for number in range(30):
        ParticipantFactory(
            workshop=workshop, name=f"More {number}", kind=Participant.Kind.OTHER, consents_to_be_named=True
        )

    with django_assert_max_num_queries(15):
        assert client.get("/en/workshops/lyon-workshop/").status_code == 200


@pytest.fixture
def fez_workshop_with_actions(duo_b):
    """A published Fez workshop whose top two proposals became actions of the Montpellier–Fez plan."""
    workshop = make_workshop(duo_b.partner_city, slug="fez-workshop", title_en="Fez workshop")
    first, second, _third = (
        ProposalFactory(workshop=workshop, title_en=title, order=order)
        for order, title in enumerate(["Canteen exchange", "Wholesale market", "Compost"])
    )
    action = services.proposal_to_action(proposal=second, duo=duo_b)
    MilestoneFactory(
        action=action, title="Kick-off", due=datetime(2024, 5, 1).date(), done_on=datetime(2024, 5, 2).date()
    )
    MilestoneFactory(action=action, title="Pilot", due=datetime(2024, 9, 1).date())
    services.proposal_to_action(proposal=first, duo=duo_b)
    return workshop


def test_workshop_page_shows_the_actions_born_from_it_with_their_progress(client, fez_workshop_with_actions):
    response = client.get("/en/workshops/fez-workshop/")

    page = response.text
    assert "Actions born from this workshop" in page
    section = page.split("Actions born from this workshop", 1)[1].split("</section>", 1)[0]
    assert "Wholesale market" in section and "Canteen exchange" in section and "Compost" not in section
    assert "50 % of milestones done" in section
    assert "/en/plan/actions/" in section


def test_workshop_page_hides_the_actions_of_an_unpublished_duo_from_the_public(
    client, partner_b, fez_workshop_with_actions, duo_b
):
    duo_b.is_published = False
    duo_b.save(update_fields=["is_published"])

    assert "Actions born from this workshop" not in client.get("/en/workshops/fez-workshop/").text

    client.force_login(partner_b)
    assert "Actions born from this workshop" in client.get("/en/workshops/fez-workshop/").text


def test_workshop_page_links_the_facilitator_console_only_for_those_who_run_the_vote(client, workshop, team_member):
    console = "/en/workshops/lyon-workshop/facilitate/"
    assert console not in client.get("/en/workshops/lyon-workshop/").text

    client.force_login(workshop.facilitators.get())
    assert console in client.get("/en/workshops/lyon-workshop/").text

    client.force_login(team_member)
    assert console in client.get("/en/workshops/lyon-workshop/").text
