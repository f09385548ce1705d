"""Steps of the phone ballot shared by the browser tests: one proposal per screen, then the review."""

import re

from playwright.sync_api import expect


def score_proposal(page, title, criteria, values):
    """Tap the scores of the proposal on screen, one per criterion."""
    card = page.get_by_role("group", name=re.compile(re.escape(title)))
    expect(card).to_be_visible()
    for criterion, value in zip(criteria, values, strict=True):
        group = card.get_by_role("group", name=criterion, exact=True)
        group.get_by_text(str(value), exact=True).click()  # a tap on the number, as on a phone
        expect(group.get_by_role("radio", name=str(value), exact=True)).to_be_checked()


def score_every_proposal(page, proposals, criteria, value, start=0, stop=None):
    """Score proposals[start:stop] screen by screen with value(proposal index, criterion index), moving on each time."""
    stop = len(proposals) if stop is None else stop
    for index in range(start, stop):
        expect(page.locator("[data-step-count]")).to_have_text(f"Proposal {index + 1} of {len(proposals)}")
        score_proposal(page, proposals[index], criteria, [value(index, c) for c in range(len(criteria))])
        page.locator("[data-step-next]").click()


def expect_review_then_send(page, total_scores):
    expect(page.get_by_role("heading", name="Your ballot")).to_be_visible()
    expect(page.locator("[data-ballot-progress]")).to_have_text(f"{total_scores} of {total_scores} scores given")
    expect(page.locator(".review-list li.is-missing")).to_have_count(0)
    page.get_by_role("button", name="Send my ballot").click()
