"""Public journey 4 in a real browser: subscribe from the French footer, confirm from the email, unsubscribe."""

import http.client
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from newsletter.models import Subscriber, Topic
from tests.factories import SubscriberFactory, UserFactory

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^\s\"'<>]+/newsletter/(?:confirm|manage|unsubscribe)/[^\s\"'<>]+/")


@pytest.fixture
def newsletter_live(reference_data, consent_text, live_server, settings, tasks_in_process):
    """The live server runs in this process: its eager tasks put the emails in mail.outbox, links point to it."""
    settings.SITE_URL = live_server.url
    cache.clear()
    yield
    cache.clear()


def email_links(address) -> dict:
    message = [message for message in mail.outbox if address in message.to][-1]
    return {urlsplit(url).path.split("/")[3]: url for url in LINK.findall(message.body)}


def one_click_unsubscribe(url) -> int:
    """POST as a mail provider does after RFC 8058: no cookie, no CSRF token; return the status."""
    connection = http.client.HTTPConnection(url.netloc, timeout=10)
    try:
        connection.request(
            "POST",
            url.path,
            body=b"List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        return connection.getresponse().status
    finally:
        connection.close()


def shoot(page, artifacts, name, width):
    # An assertion on the URL or on the text passes as soon as the new document is parsed, before its stylesheets
    # apply: measured then, the unstyled header is wider than a phone. The load event waits for the stylesheets.
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {width}px"
    page.screenshot(path=artifacts / f"newsletter-{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_visitor_subscribes_from_the_french_footer_confirms_from_the_email_and_unsubscribes_in_one_click(
    newsletter_live, live_server, offline_context, watch, artifacts, width
):
    page = offline_context(locale="fr-FR", viewport={"width": width, "height": 900}).new_page()
    watcher = watch(page)
    address = f"lectrice-{width}@example.org"

    page.goto(f"{live_server.url}/fr/")
    footer = page.locator("form.newsletter-footer-form")
    footer.scroll_into_view_if_needed()
    expect(footer.locator("select[name=language]")).to_have_value("fr")
    expect(footer).to_contain_text("J'accepte de recevoir la lettre d'information")
    expect(footer.locator("input[name=website]")).not_to_be_in_viewport()
    footer.locator("input[name=email]").fill(address)
    footer.locator("input[name=consent]").check()
    shoot(page, artifacts, "1-footer-fr", width)
    watcher.assert_clean()
    footer.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/fr/newsletter/check-your-inbox/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    shoot(page, artifacts, "2-check-inbox-fr", width)
    watcher.assert_clean()

    links = email_links(address)
    assert urlsplit(links["confirm"]).path.startswith("/fr/newsletter/confirm/")
    page.goto(links["confirm"])
    assert Subscriber.objects.get(email=address).state == Subscriber.State.PENDING, "opening the link confirmed"
    shoot(page, artifacts, "3-confirm-fr", width)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message-success")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/fr/newsletter/manage/"))
    assert Subscriber.objects.get(email=address).state == Subscriber.State.SUBSCRIBED
    shoot(page, artifacts, "4-confirmed-fr", width)
    watcher.assert_clean()

    page.goto(links["unsubscribe"])
    assert Subscriber.objects.get(email=address).state == Subscriber.State.SUBSCRIBED, "opening the link unsubscribed"
    shoot(page, artifacts, "5-unsubscribe-fr", width)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main [role=status]")).to_contain_text(address)
    assert Subscriber.objects.get(email=address).state == Subscriber.State.UNSUBSCRIBED
    shoot(page, artifacts, "6-unsubscribed-fr", width)
    watcher.assert_clean()

    # Subscribing again, then the mail provider's RFC 8058 one-click POST: no cookie, no CSRF token.
    page.goto(f"{live_server.url}/fr/newsletter/")
    form = page.locator("main form.newsletter-form")
    form.locator("input[name=email]").fill(address)
    form.locator("input[name=topics][value=duo-montpellier-fez]").check()
    form.locator("input[name=consent]").check()
    shoot(page, artifacts, "7-subscribe-page-fr", width)
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/newsletter/check-your-inbox/")
    page.goto(email_links(address)["confirm"])
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message-success")).to_be_visible()
    assert Subscriber.objects.get(email=address).state == Subscriber.State.SUBSCRIBED

    unsubscribe = urlsplit(email_links(address)["unsubscribe"])
    assert one_click_unsubscribe(unsubscribe) == 200
    assert Subscriber.objects.get(email=address).state == Subscriber.State.UNSUBSCRIBED


def test_team_writes_a_bilingual_campaign_previews_tests_and_sends_it_to_a_duos_subscribers(
    newsletter_live, live_server, offline_context, watch, artifacts, settings
):
    settings.NEWSLETTER_SEND_RATE = 0  # unthrottled: the throttle has its own tests
    UserFactory(username="team", role="team", is_staff=True, email="team@letsfood.example")
    duo, programme = Topic.objects.get(code="duo-montpellier-fez"), Topic.objects.get(code="programme")
    readers = {}
    for email, language, state, topics in [
        ("lea@example.org", "fr", Subscriber.State.SUBSCRIBED, [duo]),
        ("sam@example.org", "en", Subscriber.State.SUBSCRIBED, [duo, programme]),
        ("programme-only@example.org", "fr", Subscriber.State.SUBSCRIBED, [programme]),
        ("pending@example.org", "en", Subscriber.State.PENDING, [duo]),
        ("bounced@example.org", "fr", Subscriber.State.SUPPRESSED, [duo]),
    ]:
        readers[email] = SubscriberFactory(email=email, language=language, state=state)
        readers[email].topics.set(topics)
    page = offline_context().new_page()
    watcher = watch(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "team")
    page.fill("#id_password", "correct-horse-battery")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()

    page.goto(f"{live_server.url}/admin/newsletter/campaign/add/")
    page.fill("[name=subject_en]", "News from Montpellier and Fez")
    page.fill("[name=subject_fr]", "Des nouvelles de Montpellier et Fès")
    page.fill("[name=body_en]", "The duo met in **Fez**. [The duo](https://letsfood.example/en/duos/)")
    page.fill("[name=body_fr]", "Le duo s'est réuni à **Fès**. [Le duo](https://letsfood.example/fr/duos/)")
    count = page.locator("#campaign-recipient-count [data-count]")
    expect(count).to_have_text("0")
    page.locator(f"input[name=topics][value='{duo.pk}']").check()
    expect(count).to_have_text("2")  # subscribed to the duo: neither the pending nor the suppressed address
    page.locator("input[name=languages][value=fr]").check()
    expect(count).to_have_text("1")
    page.locator("input[name=languages][value=fr]").uncheck()
    expect(count).to_have_text("2")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    watcher.assert_clean()

    page.click("text=Preview")
    # One preview per language a subscriber may read: Spanish and Arabic fall back to French, Vietnamese and
    # Persian to English.
    english, french = "News from Montpellier and Fez", "Des nouvelles de Montpellier et Fès"
    expect(page.locator(".campaign-preview h1")).to_have_text([french, english, french, french, english, english])
    page.screenshot(path=artifacts / "newsletter-campaign-preview.png", full_page=True)
    page.click("text=Back to the campaign")
    page.select_option("#test-language", "fr")
    page.click("text=Send a test to me")
    expect(page.locator(".messagelist")).to_contain_text("A test was sent to team@letsfood.example")
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["team@letsfood.example"], "[Test] Des nouvelles de Montpellier et Fès")
    ]
    watcher.assert_clean()

    page.click("text=Send now or schedule")
    expect(page.locator("#content")).to_contain_text("2 subscribers")
    page.click("text=Yes, send it now")
    expect(page.locator(".messagelist")).to_contain_text("The campaign is being sent.")
    page.reload()
    expect(page.get_by_role("row", name="Sent 2", exact=True)).to_be_visible()
    expect(page.get_by_role("row", name="Failed 0", exact=True)).to_be_visible()
    page.screenshot(path=artifacts / "newsletter-campaign-sent.png", full_page=True)
    watcher.assert_clean()

    received = {message.to[0]: message for message in mail.outbox[1:]}
    assert set(received) == {"lea@example.org", "sam@example.org"}
    assert received["lea@example.org"].subject == "Des nouvelles de Montpellier et Fès"
    assert received["sam@example.org"].subject == "News from Montpellier and Fez"
    french = received["lea@example.org"]
    assert "<strong>Fès</strong>" in french.alternatives[0][0] and "**Fès**" in french.body
    header = french.extra_headers["List-Unsubscribe"]
    assert french.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header == f"<{email_links('lea@example.org')['unsubscribe']}>"
    assert urlsplit(email_links("lea@example.org")["manage"]).path.startswith("/fr/newsletter/manage/")

    # The reader's mail provider honours the header: a raw RFC 8058 POST, no cookie, no CSRF token.
    unsubscribe = urlsplit(header.strip("<>"))
    assert one_click_unsubscribe(unsubscribe) == 200
    assert Subscriber.objects.get(email="lea@example.org").state == Subscriber.State.UNSUBSCRIBED

    reader = offline_context(locale="fr-FR").new_page()
    reader.goto(f"{live_server.url}/fr/newsletter/archive/")
    reader.click("text=Des nouvelles de Montpellier et Fès")
    expect(reader.locator("main")).to_contain_text("Le duo s'est réuni à Fès.")
