"""Year three made visible: the team publishes Fez's 2026 follow-up in the admin, then the Fez page, the
Montpellier–Fez dashboard (read by Fez's partner) and an indicator's page show change over time, on a desktop and on a
phone."""

import os
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assessments.editions import assessment_follow_up_start
from assessments.models import Assessment, Initiative
from cities.models import City, Duo
from demo.content import demo_assessments_load
from tests.factories import ActionFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"
SHOTS = Path(os.environ.get("CHANGE_SCREENSHOTS", Path(tempfile.gettempdir()) / "change-over-time"))


@pytest.fixture
def fez_follow_up_draft(reference_data):
    """Fez's published 2019 baseline and its 2026 follow-up in review: values re-measured, an initiative stopped."""
    demo_assessments_load()
    team = UserFactory(username="team", role="team", is_staff=True)
    UserFactory(username="fez", role="partner", city=City.objects.get(slug="fez"))
    baseline = Assessment.objects.get(city__slug="fez", year=2019)
    follow_up = assessment_follow_up_start(previous=baseline, year=2026, by=team)
    for reading, earlier in zip(
        follow_up.category_assessments.order_by("category__order"),
        baseline.category_assessments.order_by("category__order"),
        strict=True,
    ):
        reading.rating = min(10, earlier.rating + 1)
        reading.rating_rationale = "Follow-up reading."
        reading.save()
    target = None
    for value in baseline.indicator_values.select_related("indicator"):
        value.pk, value.assessment = None, follow_up
        if value.value_number is not None:
            value.value_number = (value.value_number * Decimal("0.8")).quantize(Decimal("0.1"))
            value.reference_year = 2025
            target = target or value.indicator
        value.save()
    stopped = follow_up.initiatives.order_by("title_en").first()
    stopped.status = Initiative.Status.ENDED
    stopped.save()
    follow_up.status = Assessment.Status.IN_REVIEW
    follow_up.save()
    duo = Duo.objects.get(slug="montpellier-fez")
    action = ActionFactory(duo=duo, title_en="Farmers' market network", start=date(2021, 3, 1))
    action.indicators.add(target)
    return {"follow_up": follow_up, "stopped": stopped.title, "indicator": target}


def log_in_admin(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_team_publishes_a_follow_up_and_the_pages_show_change_over_time(
    fez_follow_up_draft, live_server, offline_context, watch
):
    base = live_server.url
    follow_up = fez_follow_up_draft["follow_up"]
    page = offline_context().new_page()
    watcher = watch(page)
    log_in_admin(page, base, "team")
    page.goto(f"{base}/admin/assessments/assessment/{follow_up.pk}/change/")
    page.click("input[value='Publish']")
    expect(page.locator(".messagelist")).to_contain_text("published")
    follow_up.refresh_from_db()
    assert follow_up.status == Assessment.Status.PUBLISHED

    # The Fez page: 2026 over 2019 in one radar, the change tables, the 2019 initiatives with their status.
    page.goto(f"{base}/en/cities/fez/")
    expect(page.locator("#assessment-heading")).to_have_text("Food system assessment 2026")
    radar = page.locator(".ratings-chart svg.radar-chart").first
    expect(radar.locator(".radar-series")).to_have_count(2)
    expect(radar).to_contain_text("Fez 2019")
    change = page.locator(".edition-change")
    expect(change.locator("h3").first).to_have_text("Fez: change from 2019 to 2026")
    expect(change.locator(".category-change tbody tr")).to_have_count(6)
    expect(change.locator(".category-change tbody tr").first).to_contain_text("+1")
    expect(change.locator(".indicator-change .arrow").first).to_be_visible()
    expect(change.locator(".indicator-change svg.sparkline").first).to_be_visible()
    stopped = page.locator(".initiative-list li", has_text=fez_follow_up_draft["stopped"])
    expect(stopped.locator(".initiative-status")).to_contain_text("stopped (reported in 2026)")
    expect(page.locator(".initiative-list > li")).to_have_count(4)
    shoot(page, "fez-page")
    watcher.assert_clean()

    # Fez's partner reads the dashboard of the duo.
    context = offline_context()
    page = context.new_page()
    watcher = watch(page)
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name=username]").fill("fez")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{base}/en/duos/montpellier-fez/dashboard/")
    fez = page.locator("#change-fez")
    expect(fez.locator("svg.radar-chart .radar-series")).to_have_count(2)
    expect(fez.locator(".category-change")).to_contain_text("Change")
    expect(fez.locator(".initiative-tracks")).to_contain_text("stopped (reported in 2026)")
    loop = page.locator("[data-action]")
    expect(loop).to_contain_text("Farmers' market network")
    expect(loop.locator("[data-verdict]").first).to_be_visible()
    shoot(page, "dashboard")
    watcher.assert_clean()

    # The indicator's page: its values over time with the action's start marked.
    page.goto(f"{base}/en/indicators/{fez_follow_up_draft['indicator'].code}/?city=fez")
    chart = page.locator("svg.time-series-chart")
    expect(chart.locator(".time-marker")).to_have_count(1)
    expect(chart.locator("polyline.time-series")).to_have_count(1)
    expect(page.locator(".marker-label")).to_have_text("A1")
    shoot(page, "indicator")
    watcher.assert_clean()
