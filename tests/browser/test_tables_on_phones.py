"""Every wide table is usable on a 390 px phone: it scrolls sideways in its own labelled region (never the page) that
axe-core finds nothing wrong with, its label column stays in view while it scrolls, and the comparability note of
each indicator is read without scrolling sideways. The same holds when the page is laid out right to left."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse

from workshops.models import Action, Infrastructure

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280
REGIONS = ".table-scroll, .coverage-scroll"


@pytest.fixture
def demo_data(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def pages(demo_data):
    """The pages with wide tables: a city, a duo dashboard, the network matrix and the plans' tables."""
    with_infrastructure = Infrastructure.objects.order_by("pk").first().city
    return {
        "city": reverse("city-detail", args=["lyon"]),
        "dashboard": reverse("duo-dashboard", args=["lyon-ho-chi-minh-city"]),
        "network": reverse("network-overview"),
        "action": reverse("plans:action-detail", args=[Action.objects.order_by("pk").first().pk]),
        "indicator": reverse("assessments:indicator-detail", args=["mufpp-01"]),
        "infrastructure": reverse("plans:infrastructure", args=[with_infrastructure.slug]),
    }


def open_page(offline_context, live_server, path, width):
    page = offline_context(locale="en-GB", viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}{path}")
    return page


# For each region that scrolls: its accessible name, and where its first label cell stands before and after scrolling
# to the far end, against the region's own visible box.
MEASURE_REGIONS = """selector => [...document.querySelectorAll(selector)]
  .filter(region => region.scrollWidth > region.clientWidth + 1)
  .map(region => {
    const label = region.querySelector('tbody tr > th:first-child:not([colspan])');
    const name = region.getAttribute('aria-label') || (region.getAttribute('aria-labelledby') || '').split(' ')
      .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    region.scrollIntoView();
    const frame = region.getBoundingClientRect();
    const before = label.getBoundingClientRect();
    const rtl = getComputedStyle(region).direction === 'rtl';
    region.scrollLeft = rtl ? -region.scrollWidth : region.scrollWidth;
    const after = label.getBoundingClientRect();
    const scrolled = Math.abs(region.scrollLeft);
    region.scrollLeft = 0;
    return {role: region.getAttribute('role'), tabindex: region.getAttribute('tabindex'), name: name.trim(),
            frame: [frame.left, frame.right], before: [before.left, before.right], after: [after.left, after.right],
            scrolled};
  })"""


def test_every_wide_table_scrolls_in_its_region_and_keeps_its_label_column_in_view(
    pages, live_server, offline_context, artifacts
):
    for name, path in pages.items():
        page = open_page(offline_context, live_server, path, PHONE)

        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, name
        regions = page.evaluate(MEASURE_REGIONS, REGIONS)
        assert regions, f"at least one table of the {name} page is wider than a phone"
        for region in regions:
            assert region["role"] == "region" and region["tabindex"] == "0" and region["name"], (name, region)
            assert region["scrolled"] > 0
            left, right = region["frame"]
            assert region["after"] == pytest.approx(region["before"], abs=1), (name, region)  # the label column stayed
            assert left - 1 <= region["after"][0] and region["after"][1] <= right + 1, (name, region)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, name
        violations = (
            Axe().run(page, context={"include": [[".table-scroll"], [".coverage-scroll"]]}).response["violations"]
        )
        assert not violations, (name, [(v["id"], v["nodes"][0]["target"]) for v in violations])
        page.screenshot(path=str(artifacts / f"tables-{name}-{PHONE}.png"), full_page=True)

        desktop = open_page(offline_context, live_server, path, DESKTOP)
        assert desktop.evaluate("document.documentElement.scrollWidth") <= DESKTOP, name
        desktop.screenshot(path=str(artifacts / f"tables-{name}-{DESKTOP}.png"), full_page=True)


def test_each_comparability_note_is_in_view_on_a_phone_and_a_column_on_a_desktop(pages, live_server, offline_context):
    page = open_page(offline_context, live_server, pages["dashboard"], PHONE)
    notes = page.locator("table.comparison-table .comparability-note")
    rows = page.locator("table.comparison-table tbody tr[data-indicator]")

    assert notes.count() == rows.count() > 0
    assert page.locator("table.comparison-table td.notes").first.is_hidden()
    for index in range(notes.count()):
        note = notes.nth(index)
        note.scroll_into_view_if_needed()
        box = note.bounding_box()
        assert note.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= PHONE, box
    assert "comparable" in notes.first.inner_text() or "not compared" in notes.first.inner_text()

    desktop = open_page(offline_context, live_server, pages["dashboard"], DESKTOP)
    assert desktop.locator("table.comparison-table td.notes").first.is_visible()  # a column of the table there
    assert desktop.locator("table.comparison-table .comparability-note").first.is_hidden()


def test_laid_out_right_to_left_the_label_column_stays_at_the_right_and_the_page_never_scrolls_sideways(
    pages, live_server, offline_context
):
    for name in ("city", "dashboard", "network"):
        page = open_page(offline_context, live_server, pages[name], PHONE)
        page.evaluate("document.documentElement.dir = 'rtl'")

        regions = page.evaluate(MEASURE_REGIONS, REGIONS)

        assert regions, name
        for region in regions:
            assert region["scrolled"] > 0
            assert region["after"] == pytest.approx(region["before"], abs=1), (name, region)
            assert region["after"][1] >= region["frame"][1] - 2, (name, region)  # it hugs the right edge
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, name
