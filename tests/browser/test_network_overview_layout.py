"""The network overview's matrix never makes the whole page scroll sideways, on a desktop or on a phone."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_data(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.parametrize("width", [1280, 1440, 390])
def test_the_coverage_matrix_scrolls_in_its_region_not_the_page(demo_data, live_server, offline_context, width):
    page = offline_context(locale="en-GB", viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}/en/network/?category=all")
    assert page.locator("table.coverage tbody tr:not(.category-row)").count() == 37
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    region = page.locator(".coverage-scroll")
    assert region.get_attribute("tabindex") == "0"  # scrolled with the keyboard too
