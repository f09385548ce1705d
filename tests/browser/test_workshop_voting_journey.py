"""The team's workshop journey in the browser: twelve participants score eight proposals on their phones with the
workshop's code, the projector's ranking follows live, the vote closes, a late ballot is refused, the top three
proposals become actions of the duo's plan."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cities.models import City, Duo
from tests.browser.ballot_steps import expect_review_then_send, score_every_proposal
from tests.factories import ProposalFactory, UserFactory
from workshops import services
from workshops.models import Action, Ballot, Workshop

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
PROPOSALS = [
    "Local produce in school canteens",
    "A wholesale market for small farmers",
    "Urban gardens on municipal land",
    "A food bank network",
    "Composting market waste",
    "A food policy council",
    "Drinking water points in markets",
    "Training street-food vendors in hygiene",
]


@pytest.fixture
def fez_workshop(reference_data):
    fez = City.objects.get(slug="fez")
    workshop = services.workshop_create(
        city=fez,
        title_en="Fez food plan: priorities",
        title_fr="Plan alimentaire de Fès : priorités",
        starts_at=timezone.now(),
    )
    for order, title in enumerate(PROPOSALS):
        ProposalFactory(workshop=workshop, title_en=title, order=order)
    UserFactory(username="team", role="team", is_staff=True, is_superuser=True)
    return workshop


# What the room thinks of each proposal on impact, feasibility, cost (low cost scores high) and urgency.
TYPICAL = [
    (5, 4, 3, 4),
    (5, 2, 1, 3),
    (3, 5, 5, 2),
    (4, 4, 3, 5),
    (2, 4, 4, 2),
    (4, 5, 5, 3),
    (3, 3, 2, 4),
    (2, 5, 5, 3),
]


def score(participant: int, proposal: int, criterion: int) -> int:
    """A participant's score: the room's typical score, one point more or less depending on the phone."""
    noise = (participant * 7 + proposal * 3 + criterion) % 3 - 1
    return max(1, min(5, TYPICAL[proposal][criterion] + noise))


def vote_on_phone(browser_context, base, code, participant, criteria, watch, screenshot=None):
    page = browser_context.new_page()
    watcher = watch(page)
    page.goto(f"{base}/en/vote/")
    page.get_by_label("Workshop code").fill(code.lower())
    page.get_by_role("button", name="Go to the ballot").click()
    expect(page).to_have_url(f"{base}/en/vote/{code}/")
    expect(page.locator("fieldset.ballot-proposal")).to_have_count(len(PROPOSALS))
    expect(page.locator("fieldset.ballot-proposal:visible")).to_have_count(1)  # one proposal per screen
    if screenshot:
        page.screenshot(path=screenshot)
    score_every_proposal(page, PROPOSALS, criteria, lambda p, c: score(participant, p, c))
    expect(page.locator(".ballot-step-dots button.is-complete")).to_have_count(len(PROPOSALS))
    if screenshot:
        page.screenshot(path=screenshot.with_name(screenshot.stem + "-review.png"), full_page=True)
    expect_review_then_send(page, len(PROPOSALS) * len(criteria))
    expect(page.get_by_text("Thank you, your ballot is recorded.")).to_be_visible()
    expect(page.get_by_role("button", name="Send my ballot")).to_have_count(0)
    watcher.assert_clean()
    return page


def test_twelve_phones_score_the_fez_proposals_the_ranking_follows_live_and_the_top_three_become_actions(
    fez_workshop, live_server, offline_context, watch, artifacts
):
    base, workshop = live_server.url, fez_workshop
    code = workshop.code
    criteria = list(workshop.criteria.order_by("order").values_list("name_en", flat=True))

    # The facilitator logs in and opens the vote from the console.
    console = offline_context().new_page()
    console_watcher = watch(console)
    console.goto(f"{base}/admin/login/")
    console.fill("#id_username", "team")
    console.fill("#id_password", PASSWORD)
    console.click("input[type=submit]")
    console.goto(f"{base}/en/workshops/{workshop.slug}/facilitate/")
    expect(console.locator(".big-code")).to_have_text(code)
    expect(console.locator(".qr svg")).to_be_visible()
    console.get_by_role("button", name="Open the vote").click()
    expect(console.get_by_text("The vote is open: participants can score now.")).to_be_visible()
    console_watcher.assert_clean()

    # The projector shows the live ranking to the room, before anyone has voted.
    projector = offline_context(viewport={"width": 1600, "height": 1000}).new_page()
    projector_watcher = watch(projector)
    projector.goto(f"{base}/en/vote/{code}/ranking/")
    expect(projector.locator("[data-ranking-ballots]")).to_have_text("0")
    expect(projector.locator(".join-box svg")).to_be_visible()

    # Twelve participants, each with their own phone (own cookies), score every proposal.
    for participant in range(12):
        shot = artifacts / "vote-1-phone-ballot.png" if participant == 0 else None
        phone = vote_on_phone(offline_context(**PHONE), base, code, participant, criteria, watch, shot)
        if participant == 0:
            phone.screenshot(path=artifacts / "vote-2-phone-thanks.png")
            # The same phone cannot vote again: the ballot page now only thanks.
            phone.goto(f"{base}/en/vote/{code}/")
            expect(phone.get_by_text("Thank you, your ballot is recorded.")).to_be_visible()
            expect(phone.locator("input[type=radio]")).to_have_count(0)
        phone.context.close()
    assert Ballot.objects.filter(workshop=workshop).count() == 12

    # Without reloading, the projector has followed: twelve ballots and eight ranked proposals.
    expect(projector.locator("[data-ranking-ballots]")).to_have_text("12", timeout=10_000)
    expect(projector.locator("[data-ranking-rows] tr")).to_have_count(len(PROPOSALS))
    expected = services.ranking_compute(workshop=workshop)
    rows = projector.locator("[data-ranking-rows] tr")
    expect(rows.first.locator("th")).to_contain_text(expected[0].proposal.title)
    expect(rows.first.locator("td.score")).to_have_text(f"{expected[0].score:.3f}")
    expect(rows.nth(0).locator("td").nth(2)).to_have_text("12")
    projector.screenshot(path=artifacts / "vote-3-projector-live-ranking.png", full_page=True)
    projector_watcher.assert_clean()

    # A 13th participant opens the ballot before the facilitator closes the vote, and sends it too late.
    late_phone = offline_context(**PHONE).new_page()
    late_phone.goto(f"{base}/en/vote/{code}/")
    expect(late_phone.locator("fieldset.ballot-proposal")).to_have_count(len(PROPOSALS))
    score_every_proposal(late_phone, PROPOSALS, criteria, lambda p, c: 3)

    console.reload()
    expect(console.locator("[data-ranking-ballots]")).to_have_text("12")
    console.get_by_role("button", name="Close the vote and freeze the ranking").click()
    expect(console.get_by_text("The vote is closed and its ranking frozen.")).to_be_visible()
    expect(console.get_by_role("heading", name="Final ranking")).to_be_visible()

    response = None

    def remember(resp):
        nonlocal response
        if resp.request.method == "POST":
            response = resp

    late_phone.on("response", remember)
    late_phone.get_by_role("button", name="Send my ballot").click()
    expect(late_phone.locator("[data-ballot-state]")).to_have_text("Your ballot was not accepted: The vote is closed.")
    assert response is not None and response.status == 409
    assert Ballot.objects.filter(workshop=workshop).count() == 12

    # The projector notices the closing and keeps the frozen ranking.
    expect(projector.locator("[data-ranking-status]")).to_have_text("Closed", timeout=10_000)

    # The top three proposals become actions of the Montpellier–Fez plan.
    console.get_by_label("Number of top proposals").fill("3")
    console.get_by_role("button", name="Turn the top proposals into actions").click()
    expect(console.get_by_text(re.compile(r"3 actions added to the plan of Montpellier"))).to_be_visible()
    duo = Duo.objects.for_city(workshop.city).first()
    actions = list(Action.objects.filter(duo=duo, proposal__workshop=workshop).order_by("id"))
    assert [action.proposal_id for action in actions] == [item.proposal.pk for item in expected[:3]]
    born = console.locator(".born-actions li a")
    expect(born).to_have_count(3)
    console.screenshot(path=artifacts / "vote-4-console-closed-actions.png", full_page=True)
    console_watcher.assert_clean()
    born.first.click()
    expect(console).to_have_url(re.compile(rf"/admin/workshops/action/{actions[0].pk}/change/"))

    # On the first action's admin page, the facilitator gives it milestones: one already late, one to come.
    console.locator("#milestones-group .add-row a").click()
    console.fill("#id_milestones-0-title", "Kick-off meeting with the owners")
    console.fill("#id_milestones-0-due", "2020-01-15")
    console.locator("#milestones-group .add-row a").click()
    console.fill("#id_milestones-1-title", "First results reported")
    console.fill("#id_milestones-1-due", "2099-01-31")
    console.click("input[name=_save]")
    expect(console.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(actions[0].milestones.order_by("due").values_list("title", flat=True)) == [
        "Kick-off meeting with the owners",
        "First results reported",
    ]

    # Once the workshop is published, its public page and the duo's dashboard show the actions born there.
    Workshop.objects.filter(pk=workshop.pk).update(is_published=True)
    visitor = offline_context().new_page()
    visitor_watcher = watch(visitor)
    visitor.goto(f"{base}/en/workshops/{workshop.slug}/")
    outcomes = visitor.locator("section[aria-labelledby=outcomes-heading] li")
    expect(outcomes).to_have_count(3)
    expect(outcomes.first).to_contain_text(actions[0].title)
    expect(outcomes.first).to_contain_text("0 % of milestones done")
    visitor.goto(f"{base}/en/duos/{duo.slug}/dashboard/")
    plan = visitor.locator("section[aria-labelledby=plan-heading] tbody tr")
    expect(plan).to_have_count(3)
    first_row = plan.filter(has_text=actions[0].title)
    expect(first_row).to_contain_text("Kick-off meeting with the owners")
    expect(first_row).to_contain_text("1 overdue")
    visitor.screenshot(path=artifacts / "vote-5-dashboard-action-plan.png", full_page=True)
    visitor_watcher.assert_clean()
