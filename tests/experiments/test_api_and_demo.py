"""The read-only public API of the experiments (published only, never a code nor a comment), the admin, and the
Perche's demonstration data."""

import io

import pytest
from django.core.management import call_command

from cities.models import City
from experiments.demo import EXPERIMENT_SLUG, demo_perche_experiment_load
from experiments.models import Experiment, Partner, Session
from tests.factories import ExperimentFactory, FeedbackFactory, ParkFactory, SessionFactory, ToolFactory


def test_the_api_lists_only_published_experiments(client, experiment, draft):
    response = client.get("/api/experiments/")

    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == [experiment.slug]
    assert client.get(f"/api/experiments/{draft.slug}/").status_code == 404


def test_the_api_detail_gives_tools_and_published_sessions_without_codes_or_comments(client, experiment):
    ToolFactory(experiment=experiment, title="Shared orchard")
    shown = SessionFactory(experiment=experiment, title="Evening")
    SessionFactory(experiment=experiment, title="Closed", is_published=False)
    FeedbackFactory(session=shown, token="t", rating=4, comment="Private words")

    data = client.get(f"/api/experiments/{experiment.slug}/").json()

    assert [tool["title"] for tool in data["tools"]] == ["Shared orchard"]
    assert [(s["title"], s["feedback_count"], s["feedback_rating"]) for s in data["sessions"]] == [("Evening", 1, 4.0)]
    text = str(data)
    assert shown.code not in text and "Private words" not in text


def test_the_api_gives_each_text_in_the_readers_language_under_its_plain_name(client, experiment):
    experiment.title_fr = "La résilience alimentaire dans le Perche"
    experiment.save()
    ToolFactory(experiment=experiment, title_en="Shared orchard", title_fr="Verger partagé")

    data = client.get(f"/api/experiments/{experiment.slug}/", HTTP_ACCEPT_LANGUAGE="fr").json()

    assert (data["title"], [tool["title"] for tool in data["tools"]]) == (
        "La résilience alimentaire dans le Perche",
        ["Verger partagé"],
    )
    assert "title_fr" not in data and "title_en" not in data


def test_the_api_refuses_to_write(client, experiment):
    assert client.post("/api/experiments/", {"title": "x"}).status_code in (401, 403, 405)


@pytest.mark.parametrize("n", [1, 4])
def test_the_api_list_costs_the_same_queries_whatever_its_size(client, park, n, django_assert_num_queries):
    for _ in range(n):
        ExperimentFactory(territory=park)

    with django_assert_num_queries(3):
        assert client.get("/api/experiments/").status_code == 200


@pytest.mark.parametrize("n", [1, 4])
def test_the_api_detail_costs_the_same_queries_whatever_its_size(client, experiment, n, django_assert_num_queries):
    for _ in range(n):
        ToolFactory(experiment=experiment)
        SessionFactory(experiment=experiment)

    with django_assert_num_queries(8):
        assert client.get(f"/api/experiments/{experiment.slug}/").status_code == 200


def test_the_team_opens_the_experiments_admin(client, team_member, experiment):
    team_member.is_superuser = True
    team_member.save()
    client.force_login(team_member)
    session = SessionFactory(experiment=experiment)

    for url in (
        "/admin/experiments/experiment/",
        f"/admin/experiments/experiment/{experiment.pk}/change/",
        "/admin/experiments/tool/",
        f"/admin/experiments/session/{session.pk}/change/",
        "/admin/experiments/feedback/",
    ):
        assert client.get(url).status_code == 200, url


# --- Demonstration data


@pytest.fixture
def perche(db):
    return ParkFactory(
        slug="perche",
        name_en="Parc naturel régional du Perche",
        name_fr=None,
        country="FR",
        kind=City.Kind.REGIONAL_NATURAL_PARK,
        role=City.Role.TERRITORY,
        location={"type": "Point", "coordinates": [0.8, 48.4]},
        population=None,
        population_year=None,
        population_unit="",
    )


def test_the_demo_gives_the_perche_two_communes_and_a_running_experiment(perche):
    demo_perche_experiment_load()

    experiment = Experiment.objects.get(slug=EXPERIMENT_SLUG)
    assert experiment.status == "running" and experiment.is_published and experiment.is_demo
    assert sorted(c.slug for c in experiment.communes.all()) == ["belleme", "mortagne-au-perche"]
    assert set(City.objects.within(perche).values_list("kind", flat=True)) == {"commune"}
    assert set(Session.objects.values_list("kind", flat=True)) == {"awareness", "training"}
    assert experiment.tools.filter(kind="shared_orchard").exists()
    assert (experiment.end - experiment.start).days >= 2 * 365 - 1


def test_the_parks_contact_in_the_demo_is_a_role_not_a_name(perche):
    demo_perche_experiment_load()

    contact = Partner.objects.get(organisation="Parc naturel régional du Perche")
    assert "officer" in contact.role
    assert not any(hasattr(contact, field) for field in ("name", "email", "phone"))


def test_the_demo_experiment_reads_in_french_on_its_french_page(client, perche):
    demo_perche_experiment_load()

    page = client.get(f"/fr/experiments/{EXPERIMENT_SLUG}/").content.decode()

    assert "La résilience alimentaire dans les communes du Perche" in page
    assert "Verger partagé de variétés anciennes" in page and "Formation des élus" in page
    assert "Shared orchard" not in page and "Training of the elected officials" not in page


def test_the_demo_loads_twice_without_doubling(perche):
    demo_perche_experiment_load()
    demo_perche_experiment_load()

    assert Experiment.objects.count() == 1
    assert City.objects.within(perche).count() == 2


def test_load_demo_creates_the_perche_experiment_and_its_officer(db, settings):
    settings.DEMO_MODE = True
    call_command("load_reference", stdout=io.StringIO())

    call_command("load_demo", stdout=io.StringIO())

    experiment = Experiment.objects.get(slug=EXPERIMENT_SLUG)
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="perche")
    assert officer.city == experiment.territory and officer.has_perm("experiments.run_experiment", experiment)
    assert officer.first_name == "Project officer"
