"""The partner journey without the admin: Fez's officer logs in, lands on "my duo", postpones a late milestone with
a reason and changes who carries an action, in French (their language), on a desktop and on a phone."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cities.models import City, Duo
from tests.factories import ActionFactory, MilestoneFactory, OrganisationFactory, UserFactory
from workshops.models import ActionUpdate

pytestmark = pytest.mark.browser
PASSWORD = "fez-food-policy-26"


@pytest.fixture
def fez_plan(reference_data):
    """Fez's partner (reading French) and an action of the Montpellier–Fez plan with a late milestone."""
    fez = City.objects.get(slug="fez")
    duo = Duo.objects.get(slug="montpellier-fez")
    UserFactory(username="fez", role="partner", city=fez, language="fr", password=PASSWORD)
    today = timezone.localdate()
    action = ActionFactory(duo=duo, title_en="Fez school canteens buy from local farms", status="in_progress")
    action.owners.add(OrganisationFactory(name="Fez agriculture office", city=fez, kind="public_agency"))
    OrganisationFactory(name="Fez municipality", city=fez, kind="local_authority")
    late = MilestoneFactory(action=action, title="Survey the canteens", due=today - dt.timedelta(days=10))
    MilestoneFactory(action=action, title="Sign the first contract", due=today + dt.timedelta(days=20))
    return {"action": action, "late": late, "new_due": today + dt.timedelta(days=40)}


def test_fez_postpones_a_milestone_and_changes_an_owner_from_my_duo(
    fez_plan, live_server, offline_context, watch, artifacts
):
    context = offline_context(locale="fr-FR")
    page = context.new_page()
    watcher = watch(page)

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[name=username]").fill("fez")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()

    # Lands on "my duo", in French, with the late milestone first.
    assert page.url == f"{live_server.url}/fr/plan/mine/"
    expect(page.locator("h1")).to_have_text("Mon duo : Fès")
    late = page.locator(f"#milestone-{fez_plan['late'].pk}")
    expect(late).to_contain_text("Survey the canteens")
    expect(late).to_contain_text("10 jours de retard")
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(artifacts / f"partner-mine-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    page.set_viewport_size({"width": 1280, "height": 900})

    # Postpone it: a missing reason is refused by the page, then given.
    late.locator("summary").click()
    late.locator("input[name=due]").fill(fez_plan["new_due"].isoformat())
    late.locator("textarea[name=reason]").fill("Les cantines ferment pendant le ramadan.")
    late.get_by_role("button", name="Reporter le jalon").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/fr/plan/mine/"
    expect(page.get_by_text("Jalon « Survey the canteens » reporté.")).to_be_visible()
    expect(page.locator(f"#milestone-{fez_plan['late'].pk}")).not_to_contain_text("retard")
    fez_plan["late"].refresh_from_db()
    assert fez_plan["late"].due == fez_plan["new_due"]

    # Change who carries the action.
    page.get_by_role("link", name="Modifier les porteurs").click()
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts / "partner-owners-1280.png"), full_page=True)
    page.get_by_label("Fez agriculture office").uncheck()
    page.get_by_label("Fez municipality").check()
    page.get_by_role("button", name="Enregistrer les porteurs").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/fr/plan/mine/"
    expect(page.locator(f"#action-{fez_plan['action'].pk}")).to_contain_text("Fez municipality")
    assert [owner.name for owner in fez_plan["action"].owners.all()] == ["Fez municipality"]

    # Both changes are in the action's history, with their author and the reason.
    notes = list(ActionUpdate.objects.filter(action=fez_plan["action"]).values_list("note", flat=True))
    assert any("ramadan" in note for note in notes) and any("Fez municipality" in note for note in notes)
    page.goto(f"{live_server.url}/fr/plan/actions/{fez_plan['action'].pk}/")
    expect(page.locator(".plan-timeline")).to_contain_text("Les cantines ferment pendant le ramadan.")
    watcher.assert_clean()
