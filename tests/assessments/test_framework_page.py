"""The framework page: every action and indicator, marked as the official wording or a paraphrase, with its source."""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from assessments.models import Indicator, RecommendedAction

REFERENCE = json.loads((Path(__file__).resolve().parents[2] / "letsfood/reference/mufpp.json").read_text())

pytestmark = pytest.mark.django_db


def items_of(html: str) -> dict[str, str]:
    """Return each action and indicator of the page by its id, with whether it is marked verified."""
    return dict(re.findall(r'id="((?:action|indicator)-[\w-]+)" data-verified="(true|false)"', html))


def test_the_framework_page_marks_each_action_and_indicator_as_the_reference_data_does(anonymous, reference_data):
    html = anonymous.get("/en/framework/").content.decode()

    items = items_of(html)
    assert {f"action-{a['number']}": str(a["verified"]).lower() for a in REFERENCE["actions"]}.items() <= items.items()
    indicators = {f"indicator-mufpp-{i['number']:02d}": str(i["verified"]).lower() for i in REFERENCE["indicators"]}
    assert indicators.items() <= items.items()
    verified = sum(a["verified"] for a in REFERENCE["actions"])
    assert f"{verified} of the 37 recommended actions are given in the official wording" in html


def test_the_framework_page_names_the_source_of_each_action(anonymous, reference_data):
    html = anonymous.get("/en/framework/").content.decode()

    action = RecommendedAction.objects.get(number=34)
    section = html.split('id="action-34"')[1].split("</li>")[0]
    assert action.title_en in section
    assert 'href="https://www.milanurbanfoodpolicypact.org/' in section
    assert "Official wording" in section


def test_an_action_without_a_source_says_so(anonymous, reference_data):
    html = anonymous.get("/en/framework/").content.decode()

    section = html.split('id="action-21"')[1].split("</li>")[0]
    assert "Paraphrase" in section and "Source: none recorded yet" in section


def test_a_paraphrased_indicator_is_marked_as_such_in_french(client, reference_data):
    Indicator.objects.filter(code="mufpp-01").update(verified=False)
    with translation.override("fr"):
        html = client.get("/fr/framework/").content.decode()

    section = html.split('id="indicator-mufpp-01"')[1].split("</li>")[0]
    assert "Paraphrase" in section and "Formulation officielle" not in section


def test_the_framework_page_shows_no_internal_note(anonymous, reference_data):
    html = anonymous.get("/en/framework/").content.decode()

    for note in set(RecommendedAction.objects.values_list("note", flat=True)) | set(
        Indicator.objects.values_list("note", flat=True)
    ):
        assert not note or note.strip() not in html


def test_the_framework_page_takes_a_fixed_number_of_queries(anonymous, reference_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        anonymous.get("/en/framework/")


def test_without_a_framework_the_page_is_not_found(anonymous, db):
    assert anonymous.get("/en/framework/").status_code == 404


def test_the_api_gives_the_framework_without_its_internal_notes(anonymous, reference_data):
    notes = {note for note in RecommendedAction.objects.values_list("note", flat=True) if note}
    notes |= {part for note in Indicator.objects.values_list("note", flat=True) for part in note.split("; ") if part}
    assert notes

    for url in ("/api/recommended-actions/?page_size=100", "/api/indicators/?page_size=100", "/api/frameworks/"):
        body = anonymous.get(url, HTTP_ACCEPT="application/json").content.decode()
        assert '"verified"' in body or "/api/frameworks/" in url
        assert not [note for note in notes if note.strip() in body], url
