"""Fixtures of the browser tests: Debian's headless chromium driven by Playwright against pytest-django's live server.

The browser never leaves the machine: every request to another host than the live server is aborted, so the tests
prove that the pages work offline (map tiles are the only resource that would come from the internet).
"""

import os
import sys
import traceback
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.signals import got_request_exception

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run beside one unless told it is safe
# (the tests and the live server thread do not share connections).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium): browser test skipped")
    for item in items:
        if "browser" in item.keywords and not CHROMIUM.exists():
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def reference_data(transactional_db, _reference_snapshot):
    """The 14 cities, 7 duos and the MUFPP framework, as the platform ships them (committed: the browser's server
    reads them from another thread)."""
    from tests.reference import reference_load

    reference_load(_reference_snapshot)


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class PageWatcher:
    """Collect what a page reports: console errors, uncaught exceptions and Content Security Policy violations."""

    def __init__(self, page, allowed_host):
        self.page = page
        self.allowed_host = allowed_host
        self.errors = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        # Runs before any page script; CSP does not apply to scripts injected by the browser's automation.
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', function (e) {"
            " (window.__cspViolations = window.__cspViolations || [])"
            ".push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')); });"
        )

    def _on_console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        # The tiles we abort on purpose show up as failed loads; anything from our own host is a real error.
        if "Failed to load resource" in message.text and url and urlsplit(url).netloc != self.allowed_host:
            return
        self.errors.append(f"console: {message.text} ({url})")

    def csp_violations(self):
        return self.page.evaluate("window.__cspViolations || []")

    def assert_clean(self):
        violations = self.csp_violations()
        assert not violations, f"CSP violations on {self.page.url}: {violations}"
        assert not self.errors, f"Errors on {self.page.url}: {self.errors}"


@pytest.fixture
def offline_context(browser, live_server):
    """Return a factory of browser contexts that only reach the live server."""
    contexts = []
    host = urlsplit(live_server.url).netloc

    def make(**options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})

        def route(route):
            if urlsplit(route.request.url).netloc == host:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def watch(live_server):
    host = urlsplit(live_server.url).netloc
    return lambda page: PageWatcher(page, host)


@pytest.fixture(autouse=True)
def server_errors():
    """Fail the test with the live server's traceback when a request raised: the browser only sees a 500 page."""
    seen = []

    def record(sender, request=None, **kwargs):
        path = getattr(request, "path", "?")
        seen.append(f"{path}\n{''.join(traceback.format_exception(*sys.exc_info()))}")

    got_request_exception.connect(record, weak=False, dispatch_uid="browser-server-errors")
    yield seen
    got_request_exception.disconnect(dispatch_uid="browser-server-errors")
    if seen:
        pytest.fail("The live server raised:\n" + "\n".join(seen), pytrace=False)
