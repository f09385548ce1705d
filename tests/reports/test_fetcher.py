"""Text typed by users cannot make WeasyPrint fetch anything but the project's own static and media files."""

import base64
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile

from reports import pdf, services
from reports.fetcher import SVG_DATA_PREFIX, ForbiddenResource, report_url_fetcher, resolve_local
from tests.factories import AssessmentFactory, InitiativeFactory
from tests.pdf import pdf_text

from .data import render

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
HOSTILE = '<img src="http://127.0.0.1:9/x.png"> url(file:///etc/passwd)'


@pytest.fixture
def fetches(monkeypatch):
    """Record every URL WeasyPrint asks for, and whether the fetcher served it."""
    calls = []

    def recording(url, *args, **kwargs):
        try:
            result = report_url_fetcher(url, *args, **kwargs)
        except ForbiddenResource:
            calls.append((url, "refused"))
            raise
        calls.append((url, "served"))
        return result

    monkeypatch.setattr(pdf, "report_url_fetcher", recording)
    return calls


def test_static_files_are_allowed():
    assert resolve_local("report://local/static/css/report.css").name == "report.css"
    assert resolve_local("/static/fonts/DejaVuSans.ttf").name == "DejaVuSans.ttf"


def test_media_files_are_allowed(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "initiatives").mkdir()
    (tmp_path / "initiatives" / "market.png").write_bytes(b"\x89PNG")

    assert resolve_local("report://local/media/initiatives/market.png") == tmp_path / "initiatives" / "market.png"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.org/static/css/report.css",
        "file:///etc/passwd",
        "data:image/png;base64,iVBORw0KGgo=",
        "report://local/static/../../../etc/passwd",
        "report://local/static/%2e%2e/%2e%2e/etc/passwd",
        "report://local/media/../letsfood/settings.py",
        "report://elsewhere/static/css/report.css",
        "/etc/passwd",
        "report://local/static/css/missing.css",
    ],
)
def test_anything_else_is_refused(url, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ForbiddenResource):
        resolve_local(url)


@pytest.mark.django_db
def test_hostile_initiative_description_is_printed_as_text_and_fetches_nothing(fetches):
    assessment = AssessmentFactory(status="published", city__slug="lyon-test", city__name_en="Lyon test")
    InitiativeFactory(assessment=assessment, title_en="Hostile initiative", description_en=HOSTILE)

    text = pdf_text(render("city", "lyon-test", "en"))

    assert "<img src=" in text and "url(file:///etc/passwd)" in text  # escaped: shown, not obeyed
    assert fetches, "the stylesheet and fonts are fetched through the fetcher"
    assert all(
        outcome == "served" and (urlsplit(url).path.startswith("/static/") or url.startswith(SVG_DATA_PREFIX))
        for url, outcome in fetches
    )


def test_a_template_that_asks_for_outside_urls_renders_and_fetches_nothing(fetches):
    html = (
        '<html lang="en"><head><title>t</title><style>body { background: url(file:///etc/passwd) }</style>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css"></head>'
        '<body><img src="http://127.0.0.1:9/x.png" alt=""><img src="/static/../../etc/passwd" alt="">'
        "<p>Still printed</p></body></html>"
    )

    result = pdf.html_to_pdf(html)

    assert result.pages == 1 and "Still printed" in pdf_text(result.content)
    refused = {url for url, outcome in fetches if outcome == "refused"}
    assert "http://127.0.0.1:9/x.png" in refused and "file:///etc/passwd" in refused
    assert not [url for url, outcome in fetches if outcome == "served"]


def test_fetcher_reads_only_below_the_project(settings):
    served = report_url_fetcher("report://local/static/css/report.css")

    assert served["mime_type"] == "text/css"
    assert Path(settings.BASE_DIR, "static", "css", "report.css").read_bytes() == served["string"]


@pytest.fixture
def object_storage(settings):
    """Media on a storage other than the local disk, whose links point elsewhere (as S3's signed links do)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://bucket.example.org/media/"},
        },
    }


@pytest.mark.django_db
def test_initiative_photo_on_object_storage_is_printed_and_its_link_keeps_the_data_stable(object_storage, fetches):
    assessment = AssessmentFactory(status="published", city__slug="lyon-test", city__name_en="Lyon test")
    initiative = InitiativeFactory(assessment=assessment, title_en="Market hall", photo_credit="Photo Ana Ruiz")
    initiative.photo.save("market.png", ContentFile(PNG), save=True)

    data = services.report_data(kind="city", subject="lyon-test", language="en")
    text = pdf_text(render("city", "lyon-test", "en"))

    assert "https://bucket.example.org" not in json.dumps(data)
    assert (f"/media/{initiative.photo.name}", "served") in fetches
    assert "Photo: Photo Ana Ruiz" in text


@pytest.mark.parametrize(
    "url",
    [
        "report://local/media/../letsfood/settings.py",
        "report://local/media/%2e%2e/letsfood/settings.py",
        "report://local/media/initiatives/missing.png",
        "report://local/media/",
        "https://bucket.example.org/media/initiatives/market.png",
    ],
)
def test_media_on_object_storage_outside_its_files_are_refused(object_storage, url):
    with pytest.raises(ForbiddenResource):
        report_url_fetcher(url)


def test_a_chart_drawn_as_an_svg_image_is_read_but_what_it_references_is_refused(fetches):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20">'
        '<title>Chart</title><image xlink:href="file:///etc/passwd" width="9" height="9"/><circle r="5"/></svg>'
    )
    html = f'<html lang="en"><head><title>t</title></head><body>{pdf.svg_figure(svg)}<p>Printed</p></body></html>'

    result = pdf.html_to_pdf(html)

    assert result.pages == 1
    assert [outcome for url, outcome in fetches if url.startswith(SVG_DATA_PREFIX)] == ["served"]
    assert ("file:///etc/passwd", "refused") in fetches
