"""On the maps, the markers of the cities stay visible above the markers of their initiatives."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_data(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


def test_the_duo_dashboard_map_shows_both_cities_above_their_initiatives(demo_data, live_server, offline_context):
    page = offline_context(locale="en-GB").new_page()
    page.goto(f"{live_server.url}/en/duos/lyon-ho-chi-minh-city/dashboard/")
    page.locator("#dashboard-map[data-ready=true]").scroll_into_view_if_needed()
    markers = page.locator("#dashboard-map path.city-marker")
    assert markers.count() == 2
    assert page.locator("#dashboard-map path.initiative-marker").count() == 9  # Lyon 4 + 1 started in 2026, HCMC 4
    for index in range(2):
        box = markers.nth(index).bounding_box()
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).getAttribute('class')",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert "city-marker" in on_top, f"city marker {index} is hidden under: {on_top}"
