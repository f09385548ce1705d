"""The visitor downloads the public compilation report, in French, in a real browser: the button, the page of the
report with its progress bar, then the link to a PDF that names the programme's cities."""

import re

import pytest
from playwright.sync_api import expect

from cities.models import City
from reports.models import Report
from tests.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("tasks_in_process")]


def test_visitor_asks_for_the_compilation_report_in_french_and_gets_its_pdf(
    reference_data, live_server, offline_context, watch, settings, tmp_path, artifacts
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = offline_context(locale="fr-FR").new_page()
    watcher = watch(page)

    page.goto(f"{live_server.url}/fr/reports/compilation/")
    page.get_by_role("button", name=re.compile("compilation")).click()

    expect(page).to_have_url(re.compile(r"/fr/reports/\d+/$"))
    expect(page.locator("#report-progress-bar")).to_have_attribute("value", "100")
    expect(page.get_by_role("status")).to_have_text("Prêt.")
    link = page.locator("a[data-role=download]")
    expect(link).to_be_visible()
    page.screenshot(path=artifacts / "journey-report-compilation-fr.png", full_page=True)
    watcher.assert_clean()

    report = Report.objects.get()
    assert (report.kind, report.language, report.status) == ("compilation", "fr", "done")
    assert link.get_attribute("href") == report.file.url
    with report.file.open("rb") as file:
        text = " ".join(pdf_text(file.read()).split())
    assert "Let's Food Cities : compilation du programme" in text
    for name in City.objects.in_duos().values_list("name_fr", flat=True):
        assert name in text
