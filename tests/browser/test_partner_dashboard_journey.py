"""The partner journey: Lyon's food-policy officer logs in and reads the Lyon–Ho Chi Minh City dashboard, offline,
with the keyboard, on a desktop and on a phone."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
DASHBOARD = "/en/duos/lyon-ho-chi-minh-city/dashboard/"


@pytest.fixture
def demo_data(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


def log_in_as_lyon(context, page, live_server):
    """Log in through the login page; where it is not routed, hand the browser a session made by the test client."""
    response = page.goto(f"{live_server.url}/en/accounts/login/")
    if response is not None and response.status == 200:
        page.locator("input[name=username]").fill("lyon")
        page.locator("input[name=password]").fill("letsfood-demo")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()
        return
    client = Client()
    assert client.login(username="lyon", password="letsfood-demo")
    session = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": session.value, "url": live_server.url}])


def test_partner_reads_the_duo_dashboard_and_exports_the_comparison_with_the_keyboard(
    demo_data, live_server, offline_context, watch, artifacts
):
    context = offline_context(locale="en-GB", accept_downloads=True)
    page = context.new_page()
    watcher = watch(page)
    log_in_as_lyon(context, page, live_server)
    if not page.url.endswith(DASHBOARD):
        page.goto(f"{live_server.url}{DASHBOARD}")
    expect(page.locator("h1")).to_have_text("Dashboard of the duo Lyon – Ho Chi Minh City")

    # Both cities side by side.
    columns = page.locator(".duo-columns").first.locator("> section")
    expect(columns).to_have_count(2)
    expect(columns.nth(0)).to_contain_text("Lyon")
    expect(columns.nth(1)).to_contain_text("Ho Chi Minh City")
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert second["x"] > first["x"] and abs(second["y"] - first["y"]) < 5
    expect(page.locator(".lead .badge-demo")).to_have_text("demonstration data")

    # The chart with both cities, and the same figures as a table.
    chart = page.locator("svg.radar-chart").first  # the change-over-time section draws one per city too
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("title#duo-ratings-chart-title")).to_contain_text("Lyon and Ho Chi Minh City")
    expect(page.locator("table.duo-ratings tbody tr")).to_have_count(6)

    # Comparability notes, ranked opportunities with their reasons, the map, the timeline.
    expect(page.locator("table.comparison-table td.notes li").first).to_be_visible()
    expect(page.locator("table.comparison-table")).to_contain_text("no data in")
    opportunities = page.locator("ol.opportunities > li")
    assert opportunities.count() >= 1
    expect(opportunities.first.locator(".reason")).to_contain_text("/10")
    expect(page.locator("#dashboard-map[data-ready=true]")).to_be_attached()
    expect(page.locator("#dashboard-map path.city-marker")).to_have_count(2)
    expect(page.locator("#dashboard-map path.initiative-marker")).to_have_count(9)  # Lyon 4 + 1 started in 2026, HCMC 4
    expect(page.locator("ol.timeline > li")).to_have_count(3)
    page.screenshot(path=artifacts / "dashboard-1-lyon-1280.png", full_page=True)
    watcher.assert_clean()

    # With the keyboard only: Tab to the CSV export link, Enter downloads the comparison.
    page.locator("body").focus()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('csv-export')"):
            break
    else:
        pytest.fail("The CSV export link cannot be reached with the Tab key.")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "lyon-ho-chi-minh-city-comparison.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][3] == "Lyon: value"

    # The page details one category at a time, the first by default; the chooser's last link, reached with the
    # keyboard, shows every category: the indicators of the export.
    chooser = page.locator("nav.category-chooser")
    expect(chooser.locator("a[aria-current=page]")).to_have_count(1)
    expect(chooser.locator("a").first).to_have_attribute("aria-current", "page")
    page.locator("body").focus()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.category-chooser li:last-child a')"):
            break
    else:
        pytest.fail("The category chooser cannot be reached with the Tab key.")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?category=all#category-chooser$"), wait_until="domcontentloaded")
    expect(chooser.locator("a[aria-current=page]")).to_have_text("All categories")
    assert len(rows) == 1 + page.locator("table.comparison-table tbody tr[data-indicator]").count()
    watcher.assert_clean()

    # On a phone, the two cities are stacked.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert second["y"] > first["y"] + first["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts / "dashboard-2-lyon-390.png", full_page=True)
    watcher.assert_clean()
