"""A student places Sfax's initiatives on the admin's map, by typing coordinates and by dragging the marker, offline."""

import pytest
from playwright.sync_api import expect

from assessments.models import Framework
from assessments.services import MUFPP_SLUG
from cities.models import City
from tests.factories import AssessmentFactory, StudentFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"


@pytest.fixture
def sfax_draft(reference_data):
    sfax = City.objects.get(slug="sfax")
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    StudentFactory(username="student", is_staff=True, assigned_cities=[sfax])
    return AssessmentFactory(city=sfax, framework=framework, year=2019, summary_en="Baseline.")


def log_in(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "student")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def add_initiative_row(page, index, title):
    """Click the inline's "Add another" and fill the new row's required fields; return the row's point picker."""
    page.locator("#initiatives-group .add-row a").click()
    page.fill(f"#id_initiatives-{index}-title_en", title)
    page.select_option(f"#id_initiatives-{index}-actor_type", "association")
    widget = page.locator(f"#initiatives-{index} [data-point-widget]")
    expect(widget).to_have_attribute("data-map-ready", "true")
    return widget


def shown_on_its_map(widget):
    """Return whether the widget's marker is drawn within its map's visible area."""
    widget.scroll_into_view_if_needed()
    marker = widget.locator(".leaflet-marker-icon").bounding_box()
    area = widget.locator(".point-widget-map").bounding_box()
    x, y = marker["x"] + marker["width"] / 2, marker["y"] + marker["height"]
    return area["x"] < x < area["x"] + area["width"] and area["y"] < y < area["y"] + area["height"]


def coordinates(widget):
    return (
        float(widget.locator(".point-widget-latitude").input_value()),
        float(widget.locator(".point-widget-longitude").input_value()),
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_student_places_initiatives_by_typing_and_dragging_and_a_point_in_libya_is_refused(
    sfax_draft, live_server, offline_context, watch, artifacts, width
):
    sfax = sfax_draft.city
    page = offline_context(viewport={"width": width, "height": 900}).new_page()
    watcher = watch(page)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/assessments/assessment/{sfax_draft.pk}/change/")

    # Typed coordinates put the marker on the map.
    typed = add_initiative_row(page, 0, "Sfax farmers' market")
    expect(typed.locator(".leaflet-marker-icon")).to_have_count(0)
    typed.locator(".point-widget-latitude").fill("34.7406")
    typed.locator(".point-widget-longitude").fill("10.7603")
    expect(typed.locator(".leaflet-marker-icon")).to_have_count(1)
    assert shown_on_its_map(typed)

    # The map of a new row opens on Sfax (no tiles: a grey map): a click in its middle is in Sfax; dragging the
    # marker moves the point east and fills the inputs.
    dragged = add_initiative_row(page, 1, "Olive oil cooperative")
    map_area = dragged.locator(".point-widget-map")
    map_area.scroll_into_view_if_needed()
    box = map_area.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    latitude, longitude = coordinates(dragged)
    assert abs(latitude - sfax.latitude) < 0.02 and abs(longitude - sfax.longitude) < 0.02, (latitude, longitude)
    marker = dragged.locator(".leaflet-marker-icon").bounding_box()
    start_x, start_y = marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] - 4
    page.mouse.move(start_x, start_y)
    page.mouse.down()
    page.mouse.move(start_x + 40, start_y, steps=8)
    page.mouse.move(start_x + 80, start_y, steps=8)
    page.mouse.up()
    dragged_latitude, dragged_longitude = coordinates(dragged)
    assert dragged_longitude > longitude + 0.01, (longitude, dragged_longitude)
    assert abs(dragged_latitude - latitude) < 0.005
    page.screenshot(path=artifacts / f"admin-initiative-map-{width}.png", full_page=True)

    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    placed = {item.title: item.location["coordinates"] for item in sfax_draft.initiatives.all()}
    assert placed["Sfax farmers' market"] == [10.7603, 34.7406]
    assert placed["Olive oil cooperative"] == pytest.approx([dragged_longitude, dragged_latitude])
    # Saved points show in their inputs and on their maps once the page is back.
    expect(page.locator("#initiatives-group .leaflet-marker-icon")).to_have_count(2)

    # A point in Libya: refused, with its distance from Sfax, and nothing saved.
    libya = add_initiative_row(page, 2, "Tripoli market")
    libya.locator(".point-widget-latitude").fill("32.89")
    libya.locator(".point-widget-longitude").fill("13.19")
    page.click("input[name=_continue]")
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_text("13.19 E, 32.89 N is")).to_contain_text("km from Sfax")
    expect(page.locator("#initiatives-2 [data-point-widget] .leaflet-marker-icon")).to_have_count(1)
    page.locator("#initiatives-2").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / f"admin-initiative-refused-{width}.png", full_page=False)
    assert sfax_draft.initiatives.count() == 2

    # Cleared, the point is gone from the map and from the form.
    libya.locator(".point-widget-clear").click()
    expect(libya.locator(".leaflet-marker-icon")).to_have_count(0)
    assert libya.locator(".point-widget-latitude").input_value() == ""
    watcher.assert_clean()
