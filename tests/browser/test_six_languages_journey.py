"""The public journey and the partner dashboard in each of the six languages, on a desktop and on a phone: Arabic and
Persian pages read right to left, and no page is wider than the screen."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.browser

PUBLIC_JOURNEY = [
    ("home", "/"),
    ("cities", "/cities/"),
    ("city-fez", "/cities/fez/"),
    ("duos", "/duos/"),
    ("duo", "/duos/lyon-ho-chi-minh-city/"),
    ("library", "/library/"),
    ("network", "/network/"),
]
DASHBOARD = ("dashboard", "/duos/lyon-ho-chi-minh-city/dashboard/")
WIDTHS = (1280, 390)
LANGUAGES = [("fr", "ltr"), ("en", "ltr"), ("es", "ltr"), ("ar", "rtl"), ("vi", "ltr"), ("fa", "rtl")]


@pytest.fixture
def demo_data(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


def lyon_session(live_server) -> dict:
    client = Client()
    assert client.login(username="lyon", password="letsfood-demo")
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_the_public_journey_and_the_partner_dashboard_read_well_in_each_language(
    demo_data, live_server, offline_context, watch, artifacts, language, direction
):
    session = lyon_session(live_server)
    for width in WIDTHS:
        visitor = offline_context(viewport={"width": width, "height": 900}).new_page()
        partner_context = offline_context(viewport={"width": width, "height": 900})
        partner_context.add_cookies([session])
        partner = partner_context.new_page()
        for page, (name, path) in [(visitor, step) for step in PUBLIC_JOURNEY] + [(partner, DASHBOARD)]:
            watcher = watch(page)
            response = page.goto(f"{live_server.url}/{language}{path}")
            assert response.status == 200, f"{path} in {language}: {response.status}"
            html = page.locator("html")
            assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, direction)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} in {language} at {width} px is {overflow} px wider than the screen"
            crumbs = page.locator(".breadcrumb li")
            if crumbs.count() >= 2:  # the trail runs from the side the language starts on
                first, second = crumbs.nth(0).bounding_box(), crumbs.nth(1).bounding_box()
                if abs(first["y"] - second["y"]) < 5:
                    assert (second["x"] < first["x"]) == (direction == "rtl"), f"breadcrumb of {path} in {language}"
            if language == "fa":  # Persian digits, the numbers of the scripts included; addresses keep theirs
                text = re.sub(r"\S*[/@]\S*", "", page.locator("main").inner_text())
                latin = re.findall(r"\S*[0-9]\S*", text)
                assert not latin, f"{path} in {language} has Latin digits: {latin[:10]}"
            if direction == "rtl":
                page.screenshot(path=artifacts / f"languages-{language}-{name}-{width}.png", full_page=True)
            watcher.assert_clean()
