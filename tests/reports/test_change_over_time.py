"""The reports show change over time as the pages do: the city report and the duo report of Fez after its 2026
follow-up hold both editions overlaid, the change per category and per indicator, and the initiatives' status."""

import re

import pytest

from reports import documents
from tests.assessments.follow_up import baseline, fez_follow_up
from tests.pdf import figure_svg
from tests.reports.data import render

try:
    from pypdf import PdfReader
except ImportError:  # the project's own helper reads the text with pdftotext
    PdfReader = None

pytestmark = pytest.mark.django_db


@pytest.fixture
def fez_2026(duo_b, team_member):
    _framework, indicators, editions = baseline(duo_b)
    fez_follow_up(fez_2019=editions[duo_b.partner_city.slug], indicators=indicators, team=team_member)
    duo_b.partner_city.is_published = True
    duo_b.partner_city.save()
    return duo_b


def _text(content: bytes) -> str:
    if PdfReader is not None:
        import io

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    from tests.reports.data import pdf_text

    return pdf_text(content)


def test_the_city_report_data_overlays_both_editions_and_follows_the_initiatives(fez_2026):
    data = documents.city_document("fez")
    assessment = data["city"]["assessment"]
    assert figure_svg(assessment["chart"]).count('class="radar-series"') == 2
    change = assessment["change"]
    assert (change["compare"]["year"], change["current"]["year"]) == (2019, 2026)
    waste = next(row for row in change["indicators"] if row["code"] == "waste")
    assert (waste["arrow"], waste["change"]) == ("↓", "−250 t (−21 %)")
    states = {i["title"]: i["state_label"] for i in assessment["initiatives"]}
    assert states["Rooftop gardens of Fez"] == "stopped (reported in 2026)"
    assert states["Farmers' market of Fez"] == "running since 2019"


def test_the_city_report_pdf_holds_the_change_table(fez_2026):
    text = " ".join(_text(render("city", "fez", "en")).split())
    assert "Fez: change from 2019 to 2026" in text
    assert "Change of the ratings per category, 2019 to 2026" in text
    assert re.search(r"Food waste collected 1200 t \(2017\) 950 t \(2025\) ↓ −250 t \(−21 %\)", text), text[:3000]
    assert "not compared: units differ (MAD vs EUR)" in text
    assert "stopped (reported in 2026) (2019: active · 2026: ended)" in text


def test_the_duo_report_pdf_holds_each_city_change_with_its_radar(fez_2026):
    data = documents.duo_document(fez_2026.slug)
    (change,) = data["duo"]["changes"]
    assert figure_svg(change["chart"]).count('class="radar-series"') == 2 and change["name"] == "Fez"
    text = " ".join(_text(render("duo", fez_2026.slug, "en")).split())
    assert "Fez: change from 2019 to 2026" in text
    assert "Initiatives followed across editions" in text and "new in 2026" in text
    assert "↓ −250 t (−21 %) — in the desired direction" in text
