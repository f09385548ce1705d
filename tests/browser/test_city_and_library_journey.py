"""The public journey through a city's assessment and the good-practice library, in a real browser, offline."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_data(reference_data, settings):
    """The 13 published illustrative assessments (Sfax stays a draft), four initiatives each."""
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


def test_visitor_reads_fez_assessment_then_searches_the_library_and_filters_by_country(
    demo_data, live_server, offline_context, watch, artifacts
):
    page = offline_context(locale="en-GB").new_page()
    watcher = watch(page)

    page.goto(f"{live_server.url}/en/cities/fez/")
    expect(page.locator("h1")).to_have_text("Fez")
    expect(page.get_by_role("heading", level=2, name="Food system assessment 2026")).to_be_visible()
    expect(page.locator(".assessment-meta .badge-demo")).to_have_text("demonstration data")
    chart = page.locator("svg.radar-chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    expect(page.locator("table.ratings-table tbody tr")).to_have_count(6)
    expect(page.locator("table.indicator-values").first).to_contain_text("Illustrative value (demonstration data)")
    expect(page.locator("table.indicator-values td.value .no-data").first).to_have_text("no data")
    expect(page.locator("#city-map[data-ready=true]")).to_be_attached()
    expect(page.locator("#city-map path.city-marker")).to_have_count(1)
    # The four initiatives of 2019, followed into the 2026 follow-up, and the one it started.
    expect(page.locator("#city-map path.initiative-marker")).to_have_count(5)
    page.locator("#city-map path.initiative-marker").first.click()
    expect(page.locator(".leaflet-popup-content a")).to_be_visible()
    page.screenshot(path=artifacts / "assessment-1-fez-en.png", full_page=True)
    watcher.assert_clean()

    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(f"{live_server.url}/fr/cities/fez/")
    expect(page.locator("h1")).to_have_text("Fès")
    expect(page.locator(".assessment-meta .badge-demo")).to_have_text("données de démonstration")
    expect(page.locator("svg.radar-chart")).to_be_visible()
    expect(page.locator("#city-map path.initiative-marker")).to_have_count(5)
    page.screenshot(path=artifacts / "assessment-2-fez-fr.png", full_page=True)
    watcher.assert_clean()

    page.locator(".site-menu a[href='/fr/library/']").click()
    expect(page).to_have_url(f"{live_server.url}/fr/library/")
    expect(page.locator(".initiative-list > li")).to_have_count(20)  # 13 cities × 4, paginated by 20
    page.locator("input[name=q]").fill("cantines")
    page.locator(".library-filters button[type=submit]").click()
    found = page.locator(".initiative-list > li")
    expect(found.first).to_contain_text("Cantines scolaires")
    everywhere = found.count()
    assert everywhere >= 2
    expect(page.locator("#library-map path.initiative-marker")).to_have_count(everywhere)

    page.locator("select[name=country]").select_option("MA")
    page.locator(".library-filters button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/library/?q=cantines&category=&pillar=&actor_type=&country=MA")
    expect(found).to_have_count(1)
    expect(found.first).to_contain_text("Fès")
    expect(page.locator("#library-map path.initiative-marker")).to_have_count(1)
    page.screenshot(path=artifacts / "assessment-3-library-fr.png", full_page=True)
    watcher.assert_clean()

    found.first.get_by_role("link", name="Fès", exact=True).click()
    expect(page.locator("h1")).to_have_text("Fès")


@pytest.mark.parametrize("width", [1280, 390])
def test_city_assessment_and_library_fit_desktop_and_phone_screens(
    demo_data, live_server, offline_context, watch, artifacts, width
):
    page = offline_context(viewport={"width": width, "height": 900}).new_page()
    watcher = watch(page)
    for name, path in [
        ("assessment-fez", "/en/cities/fez/"),
        ("library-search", "/en/library/?q=school+canteens&country=FR"),
        ("library-fr", "/fr/library/"),
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator(".map[data-ready=true]")).to_be_attached()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=True)
        watcher.assert_clean()
