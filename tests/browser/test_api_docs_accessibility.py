"""The API documentation page passes axe-core's checks, on a desktop and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_api_docs_page_has_no_accessibility_violation(offline_context, live_server, watch, artifacts, width):
    page = offline_context(viewport={"width": width, "height": 900}).new_page()
    watcher = watch(page)

    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock", timeout=15000)  # the operations are drawn from the schema
    for method in ("get", "post"):  # an opened operation shows its parameters, body and responses too
        page.locator(f".opblock-{method} .opblock-summary-control").first.click()
    page.wait_for_selector(".opblock-body .responses-wrapper")
    results = Axe().run(page)

    violations = results.response["violations"]
    summary = [f"{v['id']} ({v['impact']}): {len(v['nodes'])} × {v['nodes'][0]['target']}" for v in violations]
    page.screenshot(path=artifacts / f"api-docs-{width}.png", full_page=False)
    assert not violations, "\n".join(summary)
    watcher.assert_clean()
