"""Nothing internal reaches the public: the framework's notes for the team appear in no page, email, export, PDF or
API answer.

The internal texts are read from the reference data (the file's own description, the notes on actions and
indicators, the remarks on units) and from the database (the notes as the team edited them), so that a note added
later is checked too. Every public page is found by following the links from the home page, as a visitor would.
"""

import csv
import io
import json
import re
import tempfile
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils.html import strip_tags
from openpyxl import load_workbook

from assessments.models import Assessment, Indicator, RecommendedAction
from assessments.services import assessment_publish, assessment_submit
from cities.models import Duo
from opendata.services import package_files_build
from reports import services as reports
from reports.pdf import html_to_pdf
from tests.pdf import pdf_text

REFERENCE = Path(__file__).resolve().parents[1] / "letsfood" / "reference" / "mufpp.json"
PAGES_AT_MOST = 400
FILES = (".csv", ".zip", ".xlsx", ".pdf", ".geojson", ".json", ".ics")
NOT_PAGES = ("/admin/", "/api/", "/accounts/", "/i18n/", "/media/", "/static/", "/reports/request/")
FRAGMENT = 60  # a note cut short is still found by its first characters


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unescape(text)).strip()


def reference_internal_texts() -> set[str]:
    """Return the texts of the reference data written for the team: the file's description and the notes."""
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    texts = {data["about"], data["about_platform"]}
    for item in data["actions"] + data["indicators"]:
        texts.update(item.get(key) or "" for key in ("note", "unit_note"))
    return {flat(text) for text in texts if text and text.strip()}


def database_internal_texts() -> set[str]:
    """Return the framework's notes as they are in the database, each note of an indicator in its parts."""
    notes = set(RecommendedAction.objects.values_list("note", flat=True))
    for note in Indicator.objects.values_list("note", flat=True):
        notes.update(note.split("; "))
    return {flat(note) for note in notes if note and note.strip()}


def needles(texts: set[str]) -> set[str]:
    return texts | {text[:FRAGMENT] for text in texts if len(text) > FRAGMENT}


def public_pages(client: Client, language: str) -> dict[str, str]:
    """Return every page a visitor reaches by following links from the home page, as text."""
    prefix = f"/{language}/"
    queue, seen, pages = [prefix], {prefix}, {}
    while queue and len(pages) < PAGES_AT_MOST:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = flat(html)
        for link in re.findall(r'href="([^"#]+)', html):
            parts = urlsplit(unescape(link))
            target = parts.path + (f"?{parts.query}" if parts.query and "page=" in parts.query else "")
            if parts.netloc or not target.startswith(prefix) or target in seen:
                continue
            if any(part in target for part in NOT_PAGES) or target.endswith(
                (".csv", ".zip", ".xlsx", ".pdf", ".geojson", ".json", ".ics")
            ):
                continue
            seen.add(target)
            queue.append(target)
    return pages


def api_texts(client: Client) -> dict[str, str]:
    """Return every page of the API's lists of the framework and the assessments, as an anonymous caller reads them."""
    texts = {}
    for name in ("frameworks", "categories", "recommended-actions", "indicators", "assessments", "indicator-values"):
        url = f"/api/{name}/"
        while url:
            body = client.get(url, HTTP_ACCEPT="application/json").json()
            texts[url] = flat(json.dumps(body, ensure_ascii=False))
            url = body.get("next") if isinstance(body, dict) else None
    return texts


def package_texts() -> dict[str, str]:
    """Return each file of the open-data package (each CSV, the descriptor, the workbook, the GeoJSON) as text."""
    texts = {}
    with tempfile.TemporaryDirectory() as directory:
        files = package_files_build(directory=Path(directory))
        with zipfile.ZipFile(files["zip"]) as package:
            for name in package.namelist():
                texts[f"package/{name}"] = flat(package.read(name).decode("utf-8"))
        workbook = load_workbook(files["xlsx"], read_only=True)
        for sheet in workbook.worksheets:
            cells = (str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
            texts[f"workbook/{sheet.title}"] = flat(" ".join(cells))
        texts["geojson"] = flat(files["geojson"].read_text(encoding="utf-8"))
    return texts


def comparison_csvs(client: Client, language: str) -> dict[str, str]:
    texts = {}
    for duo in Duo.objects.all():
        response = client.get(f"/{language}/duos/{duo.slug}/dashboard/comparison.csv")
        if response.status_code == 200:
            rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
            texts[f"comparison.csv {duo.slug} {language}"] = flat(" ".join(" ".join(row) for row in rows))
    return texts


def workflow_emails(team) -> dict[str, str]:
    """Return the emails the workflow sends when a draft is submitted and published."""
    draft = Assessment.objects.filter(status=Assessment.Status.DRAFT).first()
    mail.outbox = []
    with TestCase.captureOnCommitCallbacks(execute=True):
        assessment_submit(assessment=draft, by=team)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assessment_publish(assessment=draft, by=team)
    texts = {}
    for number, message in enumerate(mail.outbox):
        html = "".join(content for content, kind in getattr(message, "alternatives", []) if kind == "text/html")
        texts[f"email {number} {message.subject}"] = flat(f"{message.subject} {message.body} {strip_tags(html)}")
    return texts


def pdfs() -> dict[str, str]:
    texts = {}
    for kind, subject in [("city", "fez"), ("city", "lyon"), ("duo", "montpellier-fez"), ("compilation", "")]:
        for language in ("en", "fr"):
            data = reports.report_data(kind=kind, subject=subject, language=language)
            html = reports.report_html(kind=kind, data=data, language=language)
            texts[f"{kind} {subject} {language} (HTML)"] = flat(strip_tags(html))
            texts[f"{kind} {subject} {language} (PDF)"] = flat(pdf_text(html_to_pdf(html).content))
    return texts


@pytest.fixture
def outputs(db, settings):
    """Every public output of the demo programme, rendered once."""
    settings.DEMO_MODE = True
    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    team = get_user_model().objects.get(username="team")
    client = Client()
    return {
        "internal": needles(reference_internal_texts() | database_internal_texts()),
        "stored notes": database_internal_texts(),
        "emails": workflow_emails(team),
        "pages": {**public_pages(client, "en"), **public_pages(client, "fr")},
        "exports": {**comparison_csvs(client, "en"), **comparison_csvs(client, "fr"), **package_texts()},
        "pdfs": pdfs(),
        "api": api_texts(client),
    }


def leaks(texts: dict[str, str], internal: set[str]) -> list[str]:
    return [f"{name}: {needle!r}" for name, text in texts.items() for needle in internal if needle in text]


def test_no_public_page_email_export_or_pdf_shows_an_internal_note_of_the_framework(outputs):
    # The notes looked for are those of the database the outputs are made from, and there are some.
    assert len(outputs["stored notes"]) >= 3
    assert outputs["stored notes"] <= outputs["internal"]
    # Every kind of output was rendered.
    assert len(outputs["pages"]) > 50 and any("/framework/" in url for url in outputs["pages"])
    assert outputs["emails"]
    assert any(name.startswith("comparison.csv") for name in outputs["exports"])
    assert any(name.startswith("workbook/") for name in outputs["exports"])
    assert len(outputs["pdfs"]) == 16

    assert any("/api/recommended-actions/" in url for url in outputs["api"])
    for kind in ("pages", "emails", "exports", "pdfs", "api"):
        assert not leaks(outputs[kind], outputs["internal"]), kind
