"""On a phone, a breadcrumb with a long duo name wraps between its items, never inside a word."""

import pytest

pytestmark = pytest.mark.browser

# The words of an element whose text is broken across two lines (a word on one line gives one rectangle).
BROKEN_WORDS = """element => {
  const broken = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (lines.size > 1) { broken.push(match[0]); }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("language", ["en", "fr"])
def test_breadcrumb_items_keep_their_words_whole_on_a_phone(reference_data, live_server, offline_context, language):
    page = offline_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{live_server.url}/{language}/duos/lyon-ho-chi-minh-city/dashboard/")
    assert page.locator(".breadcrumb li").count() == 3
    assert page.locator(".breadcrumb").evaluate(BROKEN_WORDS) == []
