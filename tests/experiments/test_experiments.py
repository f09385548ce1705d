"""The park's officer starts an experiment with its communes, adds the tools each commune tries and records what was
seen of them; the public reads only what is published."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from experiments import services
from experiments.models import Experiment, Observation, Tool, ToolPhoto
from tests.factories import (
    ActionFactory,
    CommuneFactory,
    ExperimentFactory,
    InfrastructureFactory,
    SessionFactory,
    ToolFactory,
)


def png(name="orchard.png", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (60, 140, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# --- Starting an experiment


def test_an_experiment_starts_with_two_communes_for_two_years(park, communes, officer):
    experiment = services.experiment_start(
        territory=park, communes=communes, title="Orchards", objectives="Plant", start=date(2025, 9, 1), by=officer
    )

    assert set(experiment.communes.all()) == set(communes)
    assert experiment.end == date(2027, 9, 1)
    assert experiment.created_by == officer


def test_an_experiment_with_a_single_commune_is_refused(park, communes):
    with pytest.raises(services.ExperimentError, match="at least 2 communes") as error:
        services.experiment_start(
            territory=park, communes=communes[:1], title="Alone", objectives="x", start=date(2025, 9, 1)
        )

    assert error.value.field == "communes"
    assert not Experiment.objects.exists()


def test_a_commune_of_another_park_is_refused(park, communes):
    stranger = CommuneFactory(name_en="Gérardmer")

    with pytest.raises(services.ExperimentError, match="Not communes of Perche: Gérardmer"):
        services.experiment_start(
            territory=park, communes=[communes[0], stranger], title="Mixed", objectives="x", start=date(2025, 9, 1)
        )


def test_the_officer_starts_an_experiment_from_the_form(client, officer, park, communes):
    client.force_login(officer)

    response = client.post(
        "/en/territories/perche/experiments/new/",
        {
            "title": "Orchards of the Perche",
            "communes": [c.pk for c in communes],
            "objectives": "Plant shared orchards.",
            "start": "2025-09-01",
            "is_published": "on",
        },
    )

    experiment = Experiment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    assert experiment.is_published and experiment.end == date(2027, 9, 1)


def test_the_form_names_the_field_when_a_single_commune_is_chosen(client, officer, park, communes):
    client.force_login(officer)

    response = client.post(
        "/en/territories/perche/experiments/new/",
        {"title": "Alone", "communes": [communes[0].pk], "objectives": "x", "start": "2025-09-01"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["communes"] == ["Choose at least two communes."]
    assert not Experiment.objects.exists()


def test_the_form_refuses_an_end_before_the_start(client, officer, park, communes):
    client.force_login(officer)

    response = client.post(
        "/en/territories/perche/experiments/new/",
        {
            "title": "Backwards",
            "communes": [c.pk for c in communes],
            "objectives": "x",
            "start": "2025-09-01",
            "end": "2025-01-01",
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["end"] == ["The experiment must end after it starts."]


def test_another_parks_officer_cannot_start_an_experiment_in_the_perche(client, other_officer, park, communes):
    client.force_login(other_officer)

    assert client.get("/en/territories/perche/experiments/new/").status_code == 403


def test_a_visitor_is_sent_to_log_in_to_start_an_experiment(client, park):
    response = client.get("/en/territories/perche/experiments/new/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- Tools, observations, photos


def test_a_tool_in_a_commune_outside_the_experiment_is_refused(experiment):
    outsider = CommuneFactory(parent=experiment.territory)

    with pytest.raises(services.ExperimentError, match="not a partner commune"):
        services.tool_add(experiment=experiment, commune=outsider, kind="shared_garden", title="Garden")


def test_the_officer_marks_the_orchard_done_with_an_observation_and_a_photo(client, officer, experiment, settings):
    orchard = ToolFactory(experiment=experiment, kind="shared_orchard", title="Shared orchard")
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/tools/{orchard.pk}/record/",
        {
            "status": "done",
            "outcome": "worked",
            "cost": "4200",
            "lessons": "Plant in November.",
            "date": "2026-03-01",
            "note": "40 trees planted.",
            "photo": png(),
            "caption": "The first trees",
            "credit": "Perche park",
        },
    )

    assert response.status_code == 302
    orchard.refresh_from_db()
    assert (orchard.status, orchard.outcome, orchard.cost) == ("done", "worked", Decimal("4200"))
    observation = Observation.objects.get(tool=orchard)
    assert (observation.date, observation.note, observation.author) == (date(2026, 3, 1), "40 trees planted.", officer)
    photo = ToolPhoto.objects.get(tool=orchard)
    assert photo.observation == observation and photo.credit == "Perche park"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("orchard.png", b"not an image", content_type="image/png"), "Upload a valid image"),
        (png(name="orchard.gif"), "A photo is a JPEG, PNG or WebP file"),
    ],
)
def test_a_file_that_is_not_an_accepted_photo_is_refused_and_nothing_is_saved(
    client, officer, experiment, upload, message
):
    orchard = ToolFactory(experiment=experiment)
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/tools/{orchard.pk}/record/",
        {"status": "done", "outcome": "worked", "date": "2026-03-01", "note": "x", "photo": upload, "credit": "me"},
    )

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["photo"])
    orchard.refresh_from_db()
    assert orchard.status == "planned"
    assert not Observation.objects.exists() and not ToolPhoto.objects.exists()


def test_a_photo_heavier_than_the_limit_is_refused(client, officer, experiment, monkeypatch):
    monkeypatch.setattr("experiments.models.PHOTO_MAX_BYTES", 10)
    orchard = ToolFactory(experiment=experiment)
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/tools/{orchard.pk}/record/",
        {"status": "done", "outcome": "worked", "date": "2026-03-01", "note": "x", "photo": png(), "credit": "me"},
    )

    assert response.status_code == 400
    assert "at most" in response.context["form"].errors["photo"][0]


def test_a_photo_without_its_credit_is_refused(client, officer, experiment):
    orchard = ToolFactory(experiment=experiment)
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/tools/{orchard.pk}/record/",
        {"status": "done", "outcome": "worked", "date": "2026-03-01", "note": "x", "photo": png()},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["credit"] == ["Give the photo's credit."]


def test_another_parks_officer_cannot_record_on_a_tool(client, other_officer, experiment):
    orchard = ToolFactory(experiment=experiment)
    client.force_login(other_officer)

    response = client.post(
        f"/en/experiments/tools/{orchard.pk}/record/",
        {"status": "done", "outcome": "worked", "date": "2026-03-01", "note": "x"},
    )

    assert response.status_code == 403
    assert Tool.objects.get().status == "planned"


def test_the_officer_records_funding_and_a_partner_by_role(client, officer, experiment):
    client.force_login(officer)

    client.post(
        f"/en/experiments/{experiment.slug}/funding/",
        {"funding-source": "LEADER", "funding-amount": "40000", "funding-status": "sought"},
    )
    client.post(
        f"/en/experiments/{experiment.slug}/partners/",
        {"partner-kind": "expert", "partner-organisation": "Chambre d'agriculture", "partner-role": "Agronomist"},
    )

    assert list(experiment.fundings.values_list("source", "amount", "status")) == [
        ("LEADER", Decimal("40000.00"), "sought")
    ]
    assert list(experiment.partners.values_list("kind", "role")) == [("expert", "Agronomist")]


def test_a_negative_funding_amount_is_refused_with_its_field(client, officer, experiment):
    client.force_login(officer)

    response = client.post(
        f"/en/experiments/{experiment.slug}/funding/",
        {"funding-source": "LEADER", "funding-amount": "-5", "funding-status": "sought"},
    )

    assert response.status_code == 400
    assert "amount" in response.context["funding_form"].errors
    assert not experiment.fundings.exists()


# --- What the public sees


def test_the_public_sees_only_published_experiments(client, experiment, draft):
    listing = client.get("/en/experiments/")

    assert [e.slug for e in listing.context["experiments"]] == [experiment.slug]
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(experiment.get_absolute_url()).status_code == 200


def test_the_officer_sees_the_parks_unpublished_experiment(client, officer, draft, other_officer):
    client.force_login(officer)
    assert client.get(draft.get_absolute_url()).status_code == 200

    client.force_login(other_officer)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_public_does_not_see_an_unpublished_session_of_a_published_experiment(client, experiment):
    shown = SessionFactory(experiment=experiment, title="Public evening")
    hidden = SessionFactory(experiment=experiment, title="Closed training", is_published=False)

    response = client.get(experiment.get_absolute_url())

    assert [s.title for s in response.context["record"].sessions] == ["Public evening"]
    assert client.get(shown.get_absolute_url()).status_code == 200
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_the_parks_communes_page_shows_what_each_commune_tries_and_the_totals(client, experiment, draft, communes):
    ToolFactory(experiment=experiment, commune=communes[0], title="Shared orchard")
    ToolFactory(experiment=draft, commune=communes[1], title="Secret mill")
    SessionFactory(experiment=experiment, commune=communes[0], attendance=42)

    response = client.get("/en/territories/perche/communes/")

    summaries = {item.commune.name: item for item in response.context["communes"]}
    assert [t.title for t in summaries["Mortagne-au-Perche"].tools] == ["Shared orchard"]
    assert summaries["Bellême"].tools == []
    assert response.context["totals"]["attendance"] == 42
    markers = {m["slug"]: m for m in response.context["map_data"]["cities"]}
    assert markers[communes[0].slug]["trying"] == ["Shared orchard"]
    assert "Secret mill" not in response.content.decode()


def test_the_park_aggregates_its_communes_infrastructure_and_plan_actions(client, park, communes):
    InfrastructureFactory(city=park, kind="mill", name="Park mill")
    InfrastructureFactory(city=communes[0], kind="market", name="Mortagne market")
    ActionFactory(territory=communes[1], duo=None, title_en="Open a garden")

    response = client.get("/en/territories/perche/communes/")

    assert response.context["totals"]["infrastructure"] == 2
    assert response.context["totals"]["actions"] == 1
    summaries = {item.commune.name: item for item in response.context["communes"]}
    assert (summaries["Mortagne-au-Perche"].infrastructure, summaries["Bellême"].actions) == (1, 1)


# --- Query budgets


def _fill(experiment, communes, n):
    for index in range(n):
        tool = ToolFactory(experiment=experiment, commune=communes[index % 2])
        services.tool_record(tool=tool, status="done", outcome="worked", note=f"seen {index}")
        SessionFactory(experiment=experiment, commune=communes[index % 2])


@pytest.mark.parametrize("n", [1, 4])
def test_the_experiment_page_costs_the_same_queries_whatever_its_size(
    client, experiment, communes, n, django_assert_num_queries
):
    _fill(experiment, communes, n)

    with django_assert_num_queries(9):
        assert client.get(experiment.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [1, 4])
def test_the_communes_page_costs_the_same_queries_whatever_its_size(
    client, experiment, communes, n, django_assert_num_queries
):
    _fill(experiment, communes, n)

    with django_assert_num_queries(8):
        assert client.get("/en/territories/perche/communes/").status_code == 200


@pytest.mark.parametrize("n", [1, 4])
def test_the_experiment_list_costs_the_same_queries_whatever_its_size(client, park, n, django_assert_num_queries):
    for _ in range(n):
        ExperimentFactory(territory=park)

    with django_assert_num_queries(3):
        assert client.get("/en/experiments/").status_code == 200
