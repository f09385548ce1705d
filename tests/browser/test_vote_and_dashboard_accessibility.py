"""The workshop vote (the phone's ballot, its review, the thanks), the projector and the duo dashboard pass axe-core's
checks, on a desktop and on a phone."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import ProposalFactory
from workshops import services
from workshops.models import Workshop

pytestmark = pytest.mark.browser
DASHBOARD = "/en/duos/lyon-ho-chi-minh-city/dashboard/"


@pytest.fixture
def demo_data(reference_data, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def open_vote(demo_data):
    workshop = Workshop.objects.filter(city__slug="fez").first()
    if workshop is None or workshop.vote == Workshop.Vote.CLOSED:
        from cities.models import City

        workshop = services.workshop_create(
            city=City.objects.get(slug="fez"), title_en="Fez priorities", starts_at=timezone.now(), is_published=True
        )
    if not workshop.proposals.exists():
        for order, title in enumerate(["Local produce in school canteens", "A food bank network"]):
            ProposalFactory(workshop=workshop, title_en=title, order=order)
    if workshop.vote == Workshop.Vote.NOT_OPEN:
        workshop = services.vote_open(workshop=workshop)
    return workshop


def assert_no_violation(page, name):
    violations = Axe().run(page).response["violations"]
    summary = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}" for v in violations]
    assert not violations, f"{name}:\n" + "\n".join(summary)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_vote_the_projector_and_the_duo_dashboard_have_no_accessibility_violation(
    open_vote, live_server, offline_context, watch, artifacts, width
):
    base, code = live_server.url, open_vote.code
    context = offline_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    watcher = watch(page)

    page.goto(f"{base}/en/vote/{code}/")
    expect(page.locator("[data-step-count]")).to_contain_text("Proposal 1 of")
    assert_no_violation(page, "ballot, first proposal")
    for group in page.locator("fieldset.ballot-proposal:visible [data-ballot-criterion]").all():
        group.locator("label").nth(3).click()
    page.locator("[data-step-next]").click()
    page.locator(".ballot-step-dots button").last.click()
    page.locator("[data-step-next]").click()  # the review, one proposal still to score
    expect(page.locator("[data-review-missing]")).to_be_visible()
    assert_no_violation(page, "ballot, review")
    page.screenshot(path=artifacts / f"a11y-ballot-review-{width}.png", full_page=True)

    page.goto(f"{base}/en/vote/{code}/ranking/")
    assert_no_violation(page, "projector")

    client = Client()
    assert client.login(username="lyon", password="letsfood-demo")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    page.goto(f"{base}{DASHBOARD}")
    expect(page.locator("h1")).to_contain_text("Lyon")
    assert_no_violation(page, "duo dashboard")
    watcher.assert_clean()
