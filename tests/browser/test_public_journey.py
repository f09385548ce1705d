"""The public visitor's journey in a real browser, offline: network map, French, a duo, a city; and the admin map."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cities.models import City

pytestmark = pytest.mark.browser

PAGES_TO_SHOOT = [
    ("home-en", "/en/"),
    ("home-fr", "/fr/"),
    ("city-list", "/en/cities/"),
    ("city-fez", "/en/cities/fez/"),
    ("duo-list", "/en/duos/"),
    ("duo-montpellier-fez", "/fr/duos/montpellier-fez/"),
]


def test_visitor_sees_the_network_switches_to_french_and_opens_a_duo_and_a_city(
    reference_data, live_server, offline_context, watch, artifacts
):
    page = offline_context(locale="en-GB").new_page()
    watcher = watch(page)

    response = page.goto(f"{live_server.url}/en/")
    assert "'nonce-" not in response.headers["content-security-policy"], "public pages need no script nonce"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("#network-map[data-ready=true]")).to_be_attached()
    expect(page.locator("#network-map path.city-marker")).to_have_count(14)
    expect(page.locator("#network-map path.duo-line")).to_have_count(7)
    expect(page.locator(".duo-card")).to_have_count(7)
    expect(page.locator("#network-map-text .map-items li")).to_have_count(7)
    page.screenshot(path=artifacts / "journey-1-home-en.png", full_page=True)
    watcher.assert_clean()

    # The keyboard's first stop is the skip link, and it leads to the content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))

    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=2, name="Le réseau : 14 villes")).to_be_visible()
    expect(page.locator("#network-map path.city-marker")).to_have_count(14)
    expect(page.locator(".duo-card").filter(has_text="Fès")).to_have_count(1)
    page.screenshot(path=artifacts / "journey-2-home-fr.png", full_page=True)
    watcher.assert_clean()

    page.locator(".duo-card h3 a", has_text="Montpellier – Fès").click()
    expect(page.locator("h1")).to_have_text("Montpellier – Fès")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#duo-map path.city-marker")).to_have_count(2)
    expect(page.locator("#duo-map path.duo-line")).to_have_count(1)
    page.screenshot(path=artifacts / "journey-3-duo-fr.png", full_page=True)
    watcher.assert_clean()

    page.get_by_role("heading", level=2, name="Fès").get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Fès")
    expect(page.get_by_text("Ville partenaire · Maroc")).to_be_visible()
    expect(page.locator("#city-map path.city-marker")).to_have_count(1)
    expect(page.locator("#city-map-text")).to_contain_text("Fès (Maroc, ville partenaire)")
    page.screenshot(path=artifacts / "journey-4-city-fr.png", full_page=True)
    watcher.assert_clean()

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_have_text("Aller au contenu")


@pytest.mark.parametrize("width", [1280, 390])
def test_public_pages_fit_desktop_and_phone_screens(
    reference_data, live_server, offline_context, watch, artifacts, width
):
    page = offline_context(viewport={"width": width, "height": 900}).new_page()
    watcher = watch(page)
    for name, path in PAGES_TO_SHOOT:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        if page.locator(".map").count():
            expect(page.locator(".map[data-ready=true]")).to_be_attached()
            box = page.locator(".leaflet-control-zoom-in").bounding_box()
            assert box["width"] <= 34 and box["height"] <= 34, f"zoom control styled by Pico on {path}: {box}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=True)
        watcher.assert_clean()


def test_admin_edits_a_city_on_a_map_under_the_content_security_policy(
    reference_data, live_server, offline_context, watch, artifacts
):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "a-long-test-password")
    fez = City.objects.get(slug="fez")
    page = offline_context().new_page()
    watcher = watch(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()

    response = page.goto(f"{live_server.url}/admin/cities/city/{fez.pk}/change/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    expect(page.locator("#id_location_map.leaflet-container")).to_be_visible()
    expect(page.locator("#id_location_map .leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("#id_location_latitude")).to_have_value(f"{fez.latitude:g}")
    page.screenshot(path=artifacts / "admin-city-change.png", full_page=True)
    watcher.assert_clean()
