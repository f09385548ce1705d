"""The capitalisation report of an experiment: what was tried where, results and lessons, costs, participation, and
how to reproduce in another commune what worked; public data only, in French and English."""

import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from experiments import services
from reports import requests as report_requests
from reports import services as report_services
from reports.models import Report
from tests.factories import FeedbackFactory, SessionFactory, ToolFactory
from tests.pdf import pdf_info, pdf_text


@pytest.fixture
def tried(experiment, communes):
    """An orchard that worked in Mortagne (photo), a garden that did not in Bellême, two sessions with feedback."""
    orchard = ToolFactory(experiment=experiment, commune=communes[0], kind="shared_orchard", title="Shared orchard")
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (60, 140, 60)).save(buffer, format="PNG")
    services.tool_record(
        tool=orchard,
        status="done",
        outcome="worked",
        cost=Decimal("4200"),
        lessons="Plant in November with the school.",
        note="40 trees planted.",
        photo=SimpleUploadedFile("orchard.png", buffer.getvalue()),
        caption="The first trees",
        credit="Perche park",
    )
    garden = ToolFactory(experiment=experiment, commune=communes[1], kind="shared_garden", title="Shared garden")
    services.tool_record(
        tool=garden, status="dropped", outcome="did_not_work", cost=Decimal("800"), note="No water.", lessons="Dry."
    )
    awareness = SessionFactory(experiment=experiment, commune=communes[0], kind="awareness", attendance=42)
    SessionFactory(experiment=experiment, commune=communes[1], kind="training", attendance=14)
    SessionFactory(experiment=experiment, commune=communes[1], title="Unpublished", attendance=99, is_published=False)
    FeedbackFactory(session=awareness, token="a", rating=5, comment="Private words")
    FeedbackFactory(session=awareness, token="b", rating=4)
    return orchard, garden


def test_the_report_data_is_plain_json_and_stable(experiment, tried):
    first = report_services.report_data(kind="experiment", subject=experiment.slug, language="en")
    second = report_services.report_data(kind="experiment", subject=experiment.slug, language="en")

    json.dumps(first)
    assert report_services.data_hash(first) == report_services.data_hash(second)


def test_how_to_reproduce_is_built_from_the_tools_that_worked(experiment, tried):
    data = report_services.report_data(kind="experiment", subject=experiment.slug, language="en")

    assert [(recipe["kind"], [t["title"] for t in recipe["tools"]]) for recipe in data["recipes"]] == [
        ("Shared orchard", ["Shared orchard"])
    ]
    assert data["recipes"][0]["tools"][0]["lessons"] == "Plant in November with the school."


def test_the_report_adds_up_costs_and_participation_of_published_sessions_only(experiment, tried):
    data = report_services.report_data(kind="experiment", subject=experiment.slug, language="en")

    assert data["totals"]["cost"] == "5,000"
    assert (data["totals"]["attendance"], data["totals"]["feedback"], data["totals"]["rating"]) == (56, 2, 4.5)
    assert "Private words" not in json.dumps(data)
    assert "Unpublished" not in json.dumps(data)


def test_an_unpublished_experiment_has_no_report(draft):
    with pytest.raises(report_services.ReportError, match="No published experiment"):
        report_requests.report_request(kind="experiment", subject=draft.slug, language="en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["How to reproduce it in your commune", "Shared orchard", "Mortagne-au-Perche", "Bellême"]),
        ("fr", ["Comment le reproduire dans votre commune", "Verger partagé", "Mortagne-au-Perche", "Bellême"]),
    ],
)
def test_the_capitalisation_report_renders_in_each_language(
    experiment, tried, language, expected, tasks_in_process, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report, queued = report_requests.report_request(kind="experiment", subject=experiment.slug, language=language)

    report.refresh_from_db()
    assert queued and report.status == Report.Status.DONE, report.error
    content = report.file.read()
    text = " ".join(pdf_text(content).split())
    for words in expected:
        assert words in text
    assert pdf_info(content)["language"] == language
