"""Names shown on the maps are text: HTML planted in a city, duo, initiative or infrastructure name is never markup.

Every name that a map shows in a tooltip or a popup gets `<img src=x onerror=…>` and `<b>bold</b>`; each page with a
map is opened, every marker and line is hovered and every marker clicked, and no element comes out of a name.
"""

import io

import pytest
from django.core.management import call_command

from assessments.models import Initiative
from cities.models import City, Duo
from workshops.models import Infrastructure

pytestmark = pytest.mark.browser

PAYLOAD = "<img src=x onerror=window.__pwned=1><b>bold</b>"

MAP_PAGES = [
    "/en/",
    "/en/cities/fez/",
    "/en/duos/lyon-ho-chi-minh-city/",
    "/en/duos/lyon-ho-chi-minh-city/dashboard/",
    "/en/library/",
    "/en/network/",
    "/en/territories/perche/infrastructure/",
]

# Hover every interactive shape of the map (tooltips) and click every marker (popups; a duo line's click would leave
# the page), and collect what the tooltip and popup panes hold each time.
OPEN_EVERY_TOOLTIP_AND_POPUP = """
(map) => {
  const shown = [];
  let injected = 0;
  const look = () => {
    map.querySelectorAll(".leaflet-tooltip-pane, .leaflet-popup-pane").forEach((pane) => shown.push(pane.textContent));
    injected += map.querySelectorAll("img[src='x'], b").length;
  };
  for (const shape of map.querySelectorAll(".leaflet-interactive")) {
    shape.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    look();
    if (!shape.classList.contains("duo-line")) {
      shape.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      look();
    }
    shape.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
  }
  return { shown, injected };
}
"""


@pytest.fixture
def planted_names(reference_data, settings):
    """The demo data, with the payload in every name a map shows."""
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    for city in City.objects.all():
        city.name_en = f"{PAYLOAD} {city.name_en}"
        city.save(update_fields=["name_en"])
    Duo.objects.update(name_en=PAYLOAD)
    Initiative.objects.update(title_en=PAYLOAD)
    Infrastructure.objects.update(name=PAYLOAD)


@pytest.mark.parametrize("path", MAP_PAGES)
def test_names_on_the_maps_are_shown_as_text_never_as_markup(planted_names, live_server, offline_context, path):
    """Guards defect 4: map.js gave names to Leaflet's bindTooltip as HTML; only the CSP stopped the script."""
    page = offline_context(locale="en-GB").new_page()
    page.goto(f"{live_server.url}{path}")
    maps = page.locator(".map[data-ready=true], [data-map-source][data-ready=true]")
    maps.first.wait_for()

    shown, injected = [], 0
    for index in range(maps.count()):
        seen = maps.nth(index).evaluate(OPEN_EVERY_TOOLTIP_AND_POPUP)
        shown, injected = shown + seen["shown"], injected + seen["injected"]

    assert shown, f"no tooltip nor popup opened on {path}"
    assert any(PAYLOAD in text for text in shown), f"the names do not show literally on {path}"
    assert injected == 0, f"{injected} elements made of names in the tooltips and popups of {path}"
    assert page.locator(".leaflet-container img[src=x], .leaflet-container b").count() == 0
    assert page.evaluate("window.__pwned") is None
