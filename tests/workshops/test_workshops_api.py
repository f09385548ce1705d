"""The workshops API: what the public sees, what stays private, and bounded query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import InfrastructureFactory, MissionFactory, ParticipantFactory
from tests.workshops.plan_data import action_for, workshop_for
from workshops.models import Participant, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(duo_a):
    published = workshop_for(duo_a.french_city, slug="lyon-workshop", private_notes="Tension between services.")
    ParticipantFactory(
        workshop=published,
        name="Named Person",
        email="named@example.org",
        kind=Participant.Kind.OTHER,
        consents_to_be_named=True,
    )
    ParticipantFactory(
        workshop=published, name="Hidden Person", email="hidden@example.org", kind=Participant.Kind.OTHER
    )
    workshop_for(duo_a.french_city, slug="draft-workshop", published=False)
    action_for(
        duo_a,
        workshop=published,
        internal_notes="Budget not voted yet.",
        milestones=[("Charter", dt.date(2020, 1, 1), None), ("Tender", dt.date(2099, 1, 1), dt.date(2020, 1, 1))],
    )
    MissionFactory(city=duo_a.french_city, title_en="Lyon mission", slug="lyon-mission", is_published=True)
    InfrastructureFactory(
        city=duo_a.partner_city,
        kind="market",
        name="Binh Dien market",
        location={"type": "Point", "coordinates": [106.6, 10.7]},
    )


def test_the_public_sees_published_workshops_without_private_notes_nor_emails(anonymous, data):
    body = anonymous.get("/api/workshops/").json()

    assert [item["slug"] for item in body["results"]] == ["lyon-workshop"]
    text = str(body)
    assert "Tension" not in text and "@example.org" not in text and "private_notes" not in text
    assert body["results"][0]["participant_count"] == 2
    assert [p["name"] for p in body["results"][0]["named_participants"]] == ["Named Person"]


def test_actions_come_with_milestones_and_progress_but_no_internal_notes_for_the_public(anonymous, data):
    action = anonymous.get("/api/actions/").json()["results"][0]

    assert action["progress"] == 50
    assert [m["overdue"] for m in action["milestones"]] == [True, False]
    assert action["internal_notes"] is None
    assert action["workshop"] == "lyon-workshop"


def test_another_duos_partner_cannot_see_internal_notes(client, data, partner_a, partner_b):
    client.force_login(partner_b)
    assert client.get("/api/actions/").json()["results"][0]["internal_notes"] is None
    client.force_login(partner_a)
    assert client.get("/api/actions/").json()["results"][0]["internal_notes"] == "Budget not voted yet."


def test_missions_scenarios_and_infrastructure_are_listed_and_filterable(anonymous, data, duo_a):
    assert anonymous.get("/api/missions/").json()["results"][0]["slug"] == "lyon-mission"
    assert anonymous.get("/api/scenarios/").status_code == 200
    listed = anonymous.get(f"/api/infrastructure/?city={duo_a.partner_city.slug}&kind=market").json()
    assert listed["results"][0]["name"] == "Binh Dien market"
    geojson = anonymous.get("/api/infrastructure/geojson/").json()
    assert geojson["type"] == "FeatureCollection" and geojson["features"][0]["geometry"]["coordinates"] == [106.6, 10.7]
    assert anonymous.get("/api/actions/?duo=nope").json()["count"] == 0


def test_the_schema_documents_the_workshops_endpoints(anonymous, db):
    schema = anonymous.get("/api/schema/").content.decode()

    for path in ("/api/missions/", "/api/workshops/", "/api/actions/", "/api/scenarios/", "/api/infrastructure/"):
        assert path in schema


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/api/actions/", "/api/workshops/", "/api/infrastructure/", "/api/missions/"])
def test_api_list_queries_do_not_grow_with_the_data(client, duo_a, partner_a, url):
    client.force_login(partner_a)

    def grow(n):
        for index in range(n):
            workshop = workshop_for(
                duo_a.french_city, slug=f"w-{url.strip('/').replace('/', '-')}-{timezone.now().timestamp()}-{index}"
            )
            ParticipantFactory(
                workshop=workshop, name=f"P{index}", kind=Participant.Kind.OTHER, consents_to_be_named=True
            )
            action_for(duo_a, title=f"A{index}", workshop=workshop, milestones=[("M", dt.date(2020, 1, 1), None)])
            InfrastructureFactory(city=duo_a.partner_city, kind="mill", name=f"Mill {index}")
            MissionFactory(
                city=duo_a.french_city,
                title_en=f"M{index}",
                slug=f"m-{index}-{timezone.now().timestamp()}",
                is_published=True,
            )

    grow(2)
    small = _count(client, url)
    grow(6)
    assert _count(client, url) == small


def test_workshops_are_filtered_by_format_and_still_answer_format_json(anonymous, data):
    Workshop.objects.filter(slug="lyon-workshop").update(format=Workshop.Format.SIMULATION)
    workshop_for(Workshop.objects.get(slug="lyon-workshop").city, slug="lyon-planning")

    as_json = anonymous.get("/api/workshops/", {"format": "json"})
    simulations = anonymous.get("/api/workshops/", {"workshop_format": "simulation"})

    assert as_json.status_code == 200
    assert {item["slug"] for item in as_json.json()["results"]} == {"lyon-workshop", "lyon-planning"}
    assert simulations.status_code == 200
    assert [item["slug"] for item in simulations.json()["results"]] == ["lyon-workshop"]
