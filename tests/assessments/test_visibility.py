"""Who reads which assessment: published ones for everyone, drafts only for the team, the city's students and,
when shared, the partners of the duo; the same boundary holds in the selectors and in every API endpoint."""

import pytest
from django.contrib.auth.models import AnonymousUser

from assessments.models import Assessment
from tests.factories import (
    AssessmentFactory,
    CityFactory,
    IndicatorValueFactory,
    InitiativeFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED = Assessment.Status.PUBLISHED


@pytest.fixture
def published(duo_b):
    """The published assessment of Fez, with a value and a located initiative."""
    assessment = AssessmentFactory(city=duo_b.partner_city, status=PUBLISHED, year=2019)
    IndicatorValueFactory(assessment=assessment)
    InitiativeFactory(assessment=assessment, title_en="Fez farmers' market")
    return assessment


@pytest.fixture
def draft(duo_a):
    """A draft of Lyon (duo A), not shared with partners, with a value and a located initiative."""
    assessment = AssessmentFactory(city=duo_a.french_city, year=2019)
    IndicatorValueFactory(assessment=assessment)
    InitiativeFactory(assessment=assessment, title_en="Lyon secret draft initiative")
    return assessment


def login(client, user):
    client.force_login(user)
    return client


def slugs(response) -> set[str]:
    assert response.status_code == 200
    return {item["assessment"] if "assessment" in item else item["slug"] for item in response.json()["results"]}


# Selectors


def test_anonymous_visitors_see_only_published_assessments_of_published_cities(published, draft):
    hidden_city = CityFactory(name_en="Hidden", is_published=False)
    AssessmentFactory(city=hidden_city, status=PUBLISHED)

    assert list(Assessment.objects.visible_to(AnonymousUser())) == [published]


def test_the_team_sees_every_assessment(team_member, published, draft):
    archived = AssessmentFactory(status=Assessment.Status.ARCHIVED)

    assert set(Assessment.objects.visible_to(team_member)) == {published, draft, archived}


def test_a_student_sees_the_drafts_of_their_cities_and_published_ones(published, draft):
    student = StudentFactory(assigned_cities=[draft.city])
    other_draft = AssessmentFactory()

    visible = set(Assessment.objects.visible_to(student))

    assert visible == {published, draft}
    assert other_draft not in visible


def test_a_partner_sees_the_shared_drafts_of_their_duo_only(partner_a, published, draft, duo_b):
    assert set(Assessment.objects.visible_to(partner_a)) == {published}

    Assessment.objects.filter(pk=draft.pk).update(shared_with_partners=True)
    AssessmentFactory(city=duo_b.french_city, shared_with_partners=True)

    assert set(Assessment.objects.visible_to(partner_a)) == {published, draft}


# API: assessments


def test_anonymous_list_of_assessments_holds_only_published_ones_of_published_cities(anonymous, published, draft):
    AssessmentFactory(city=CityFactory(name_en="Hidden", is_published=False), status=PUBLISHED)
    AssessmentFactory(status=Assessment.Status.IN_REVIEW)
    AssessmentFactory(status=Assessment.Status.ARCHIVED)

    response = anonymous.get("/api/assessments/")

    assert slugs(response) == {published.slug}
    assert response.json()["count"] == 1


def test_a_draft_detail_is_not_found_for_anonymous_visitors(anonymous, draft):
    assert anonymous.get(f"/api/assessments/{draft.slug}/").status_code == 404


def test_a_draft_detail_is_not_found_for_a_partner_of_another_duo_even_when_shared(client, partner_b, draft):
    Assessment.objects.filter(pk=draft.pk).update(shared_with_partners=True)

    assert login(client, partner_b).get(f"/api/assessments/{draft.slug}/").status_code == 404


def test_a_draft_detail_is_not_found_for_a_partner_of_its_duo_until_shared(client, partner_a, draft):
    login(client, partner_a)
    assert client.get(f"/api/assessments/{draft.slug}/").status_code == 404

    Assessment.objects.filter(pk=draft.pk).update(shared_with_partners=True)

    assert client.get(f"/api/assessments/{draft.slug}/").status_code == 200


def test_a_draft_detail_is_readable_by_the_team(client, team_member, draft):
    response = login(client, team_member).get(f"/api/assessments/{draft.slug}/")

    assert response.status_code == 200
    assert response.json()["status"] == "draft"


def test_a_draft_detail_is_readable_by_a_student_of_its_city_only(client, draft):
    student = StudentFactory(assigned_cities=[draft.city])
    assert login(client, student).get(f"/api/assessments/{draft.slug}/").status_code == 200
    outsider = StudentFactory(assigned_cities=[CityFactory(name_en="Elsewhere")])
    assert login(client, outsider).get(f"/api/assessments/{draft.slug}/").status_code == 404


# API: values, initiatives, GeoJSON


def test_indicator_values_of_a_draft_are_never_listed_for_anonymous_visitors(anonymous, published, draft):
    response = anonymous.get("/api/indicator-values/")

    assert slugs(response) == {published.slug}
    assert anonymous.get("/api/indicator-values/", {"assessment": draft.slug}).json()["count"] == 0


def test_initiatives_of_a_draft_are_never_listed_for_anonymous_visitors(anonymous, published, draft):
    response = anonymous.get("/api/initiatives/")

    assert slugs(response) == {published.slug}
    assert "Lyon secret draft initiative" not in response.content.decode()
    assert anonymous.get(f"/api/initiatives/{draft.initiatives.get().ref}/").status_code == 404


def test_the_initiatives_geojson_never_holds_a_draft_for_anonymous_visitors(anonymous, published, draft):
    response = anonymous.get("/api/initiatives/geojson/")

    assert response.status_code == 200
    features = response.json()["features"]
    assert {feature["properties"]["ref"] for feature in features} == {published.initiatives.get().ref}
    assert "Lyon secret draft initiative" not in response.content.decode()


def test_the_team_sees_draft_values_and_initiatives(client, team_member, published, draft):
    login(client, team_member)

    assert slugs(client.get("/api/indicator-values/")) == {published.slug, draft.slug}
    assert slugs(client.get("/api/initiatives/")) == {published.slug, draft.slug}
    assert len(client.get("/api/initiatives/geojson/").json()["features"]) == 2


@pytest.mark.parametrize("url", ["/api/assessments/", "/api/indicator-values/", "/api/initiatives/"])
def test_every_list_says_whether_its_items_are_demonstration_data(anonymous, published, url):
    demo = AssessmentFactory(status=PUBLISHED, is_demo=True)
    IndicatorValueFactory(assessment=demo)
    InitiativeFactory(assessment=demo)

    results = anonymous.get(url).json()["results"]

    flags = {item.get("slug", item.get("assessment")): item["demonstration_data"] for item in results}
    assert flags == {published.slug: False, demo.slug: True}


def test_the_geojson_says_whether_its_features_are_demonstration_data(anonymous, published):
    demo = AssessmentFactory(status=PUBLISHED, is_demo=True)
    demo_initiative = InitiativeFactory(assessment=demo)

    features = anonymous.get("/api/initiatives/geojson/").json()["features"]

    flags = {feature["properties"]["ref"]: feature["properties"]["demonstration_data"] for feature in features}
    assert flags == {published.initiatives.get().ref: False, demo_initiative.ref: True}


def test_a_draft_detail_says_whether_it_is_demonstration_data(client, team_member, draft):
    Assessment.objects.filter(pk=draft.pk).update(is_demo=True)

    assert login(client, team_member).get(f"/api/assessments/{draft.slug}/").json()["demonstration_data"] is True
