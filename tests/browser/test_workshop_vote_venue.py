"""The workshop vote in a venue with unreliable Wi-Fi: twelve phones score eight proposals one screen at a time, three
of them lose the connection mid-ballot and send when it returns; every ballot counts once, the ranking is the one the
ballots give, and the projector shows the whole ranking at the usual projector sizes."""

import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.ballot_steps import expect_review_then_send, score_every_proposal, score_proposal
from tests.factories import PartnerCityFactory, ProposalFactory, UserFactory
from workshops import services
from workshops.models import Ballot, Score

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = Path(tempfile.gettempdir()) / "letsfood-vote"
PASSWORD = "correct-horse-battery"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
PROJECTORS = [(1280, 720), (1366, 768), (1920, 1080)]
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
OFFLINE_PHONES = {2, 6, 10}
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


def score(phone: int, proposal: int, criterion: int) -> int:
    noise = (phone * 5 + proposal * 3 + criterion * 2) % 3 - 1
    return max(1, min(5, TYPICAL[proposal][criterion] + noise))


@pytest.fixture
def workshop(transactional_db):
    city = PartnerCityFactory(name_en="Fez", name_fr="Fès")
    workshop = services.workshop_create(
        city=city, title_en="Fez food plan: priorities", starts_at=timezone.now(), is_published=True
    )
    for order, title in enumerate(PROPOSALS):
        ProposalFactory(workshop=workshop, title_en=title, order=order)
    return services.vote_open(workshop=workshop)


def expected_ranking(workshop, ballots: dict) -> list[tuple[str, str]]:
    """Rank the proposals from the phones' scores, as the room's rule says: weighted means, ties by the heaviest."""
    criteria = list(workshop.criteria.order_by("order"))
    weights = [criterion.weight for criterion in criteria]
    heaviest = weights.index(max(weights))
    rows = []
    for index, title in enumerate(PROPOSALS):
        means = [Decimal(sum(b[index][c] for b in ballots.values())) / len(ballots) for c in range(len(criteria))]
        weighted = sum(w * m for w, m in zip(weights, means, strict=True)) / sum(weights)
        rows.append((-weighted.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP), -means[heaviest], index, title))
    return [(title, f"{-score:.3f}") for score, _heavy, _index, title in sorted(rows)]


def log_in(page, base, user):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def projector_rows(page):
    rows = page.locator("[data-ranking-rows] tr")
    return [(row.locator("th").inner_text().strip(), row.locator("td.score").inner_text()) for row in rows.all()]


def assert_whole_ranking_visible(page, width, height):
    rows = page.locator("[data-ranking-rows] tr")
    expect(rows).to_have_count(len(PROPOSALS))
    last = rows.last.bounding_box()
    table = page.locator(".ranking-table").bounding_box()
    assert last["y"] + last["height"] <= height, f"the last row ends at {last['y'] + last['height']} > {height}"
    assert table["x"] + table["width"] <= width, f"the ranking is cut off on the right at {width}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_projector_shows_the_whole_ranking_and_the_code_at_the_usual_projector_sizes(
    workshop, live_server, offline_context, watch
):
    SCREENS.mkdir(exist_ok=True)
    for phone in range(5):
        services.ballot_submit(
            workshop=workshop,
            token=f"phone-{phone}",
            scores={
                (p.pk, c.pk): score(phone, p_index, c_index)
                for p_index, p in enumerate(workshop.proposals.order_by("order"))
                for c_index, c in enumerate(workshop.criteria.order_by("order"))
            },
            key=f"k{phone}",
        )
    for width, height in PROJECTORS:
        page = offline_context(viewport={"width": width, "height": height}).new_page()
        watcher = watch(page)
        page.goto(f"{live_server.url}/en/vote/{workshop.code}/ranking/")
        assert_whole_ranking_visible(page, width, height)
        expect(page.locator(".projector-side .big-code")).to_have_text(workshop.code)
        expect(page.locator(".projector-side .qr svg")).to_be_in_viewport(ratio=1)
        font = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.ranking-table th[scope=row]')).fontSize)"
        )
        assert font >= 22, f"the proposals are {font}px high at {width}×{height}: too small for the back of the room"
        page.screenshot(path=SCREENS / f"projector-{width}x{height}.png")
        watcher.assert_clean()


def open_ballot(context, base, code):
    page = context.new_page()
    page.goto(f"{base}/en/vote/{code}/")
    expect(page.locator("[data-step-count]")).to_have_text(f"Proposal 1 of {len(PROPOSALS)}")
    # The service worker has taken the page in hand: a reload without connection will find it.
    page.evaluate("navigator.serviceWorker.ready")
    for _attempt in range(50):
        if page.evaluate("navigator.serviceWorker.controller !== null"):
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail("the service worker never took the ballot page in hand")
    return page


def test_twelve_phones_vote_three_lose_the_connection_mid_ballot_and_every_ballot_counts_exactly_once(
    workshop, live_server, offline_context, watch
):
    SCREENS.mkdir(exist_ok=True)
    base, code = live_server.url, workshop.code
    criteria = list(workshop.criteria.order_by("order").values_list("name_en", flat=True))
    total = len(PROPOSALS) * len(criteria)
    intended = {phone: [[score(phone, p, c) for c in range(len(criteria))] for p in range(8)] for phone in range(12)}

    # The facilitator watches the console: ballots received, phones still to send.
    UserFactory(username="team", role="team", is_staff=True, is_superuser=True)
    console = offline_context().new_page()
    console_watcher = watch(console)
    log_in(console, base, UserFactory._meta.model.objects.get(username="team"))
    console.goto(f"{base}/en/workshops/{workshop.slug}/facilitate/")
    expect(console.locator("[data-ranking-ballots]")).to_have_text("0")

    waiting = {}
    for phone in range(12):
        context = offline_context(**PHONE)
        page = open_ballot(context, base, code)
        value = lambda p, c, phone=phone: intended[phone][p][c]  # noqa: E731
        if phone not in OFFLINE_PHONES:
            watcher = watch(page)
            score_every_proposal(page, PROPOSALS, criteria, value)
            expect_review_then_send(page, total)
            expect(page.get_by_text("Thank you, your ballot is recorded.")).to_be_visible()
            watcher.assert_clean()
            if phone == 0:
                first_phone = page
            else:
                context.close()
            continue
        # Half-way through the ballot, the venue's Wi-Fi drops.
        score_every_proposal(page, PROPOSALS, criteria, value, stop=4)
        context.set_offline(True)
        if phone == min(OFFLINE_PHONES):
            # A reload without connection: the service worker's copy comes back with the scores given so far.
            page.reload()
            expect(page.locator("[data-step-count]")).to_have_text(f"Proposal 5 of {len(PROPOSALS)}")
            expect(page.locator("[data-ballot-progress]")).to_have_text(f"16 of {total} scores given")
        score_every_proposal(page, PROPOSALS, criteria, value, start=4)
        expect_review_then_send(page, total)
        state = page.locator("[data-ballot-state]")
        expect(state).to_contain_text("has NOT reached the server")
        expect(state).to_have_attribute("data-status", "waiting")
        if phone == min(OFFLINE_PHONES):
            page.screenshot(path=SCREENS / "phone-offline-waiting.png")
        waiting[phone] = (context, page)

    assert Ballot.objects.filter(workshop=workshop).count() == 9
    expect(console.locator("[data-ranking-ballots]")).to_have_text("9", timeout=10_000)
    expect(console.locator("[data-ranking-waiting]")).to_have_text("3")
    console.screenshot(path=SCREENS / "console-three-waiting.png")

    # The first participant changes their mind on the second proposal before the vote closes, from the same phone.
    page = first_phone
    page.get_by_role("button", name="Change my ballot").click()
    expect(page.get_by_role("heading", name="Your ballot")).to_be_visible()  # a full ballot opens on its review
    page.get_by_role("button", name=f"Change · {PROPOSALS[1]}").click()
    intended[0][1] = [1, 1, 1, 1]
    score_proposal(page, PROPOSALS[1], criteria, intended[0][1])
    page.get_by_role("button", name="Review my ballot").click()
    expect_review_then_send(page, total)
    expect(page.get_by_text("Thank you, your ballot is recorded.")).to_be_visible()
    assert Ballot.objects.filter(workshop=workshop).count() == 9

    # The connection returns: each waiting phone sends its ballot by itself; a second copy of one counts for nothing.
    for context, page in waiting.values():
        pending = page.evaluate(f"localStorage.getItem('lfc-vote:{code}:pending')")
        assert pending and '"ballot_key"' in pending
        context.set_offline(False)
        expect(page.get_by_text("Thank you, your ballot is recorded.")).to_be_visible(timeout=15_000)
        answer = page.evaluate(
            """(pending) => {
                const sent = JSON.parse(pending);
                return fetch(sent.url, {method: "POST", body: new URLSearchParams(sent.fields),
                    headers: {Accept: "application/json"}, credentials: "same-origin"}).then(r => r.json());
            }""",
            pending,
        )
        assert answer["status"] == "duplicate"
        assert page.evaluate(f"localStorage.getItem('lfc-vote:{code}:pending')") is None

    # Every ballot counts exactly once, with the scores its phone gave last.
    assert Ballot.objects.filter(workshop=workshop).count() == 12
    assert Score.objects.filter(ballot__workshop=workshop).count() == 12 * total
    proposals = {p.pk: i for i, p in enumerate(workshop.proposals.order_by("order"))}
    criteria_index = {c.pk: i for i, c in enumerate(workshop.criteria.order_by("order"))}
    recorded = []
    for ballot in Ballot.objects.filter(workshop=workshop).prefetch_related("scores"):
        grid = [[0] * len(criteria) for _ in PROPOSALS]
        for s in ballot.scores.all():
            grid[proposals[s.proposal_id]][criteria_index[s.criterion_id]] = s.value
        recorded.append(grid)
    assert sorted(recorded) == sorted(intended.values())
    expect(console.locator("[data-ranking-ballots]")).to_have_text("12", timeout=10_000)
    expect(console.locator("[data-ranking-waiting]")).to_have_text("0")
    console_watcher.assert_clean()

    # The projector's ranking is the one the ballots give, whole on screen at every usual projector size.
    expected = expected_ranking(workshop, intended)
    for width, height in PROJECTORS:
        projector = offline_context(viewport={"width": width, "height": height}).new_page()
        projector_watcher = watch(projector)
        projector.goto(f"{base}/en/vote/{code}/ranking/")
        expect(projector.locator("[data-ranking-ballots]")).to_have_text("12")
        assert projector_rows(projector) == expected
        assert_whole_ranking_visible(projector, width, height)
        projector.screenshot(path=SCREENS / f"projector-12-ballots-{width}x{height}.png")
        projector_watcher.assert_clean()
