"""Subscribing from the page or the footer, double opt-in, and answers that never tell whether an address is known."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail, signing
from django.utils import timezone

from newsletter import services
from newsletter.models import ConsentEvent, Subscriber
from tests.factories import ConsentTextFactory, SubscriberFactory

from .subscribing import links

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')

pytestmark = pytest.mark.usefixtures("newsletter")


def test_subscribing_sends_one_confirmation_email_in_the_chosen_language_with_a_confirm_link(subscribe):
    response = subscribe("Ana@Example.org", language="fr", page="/en/newsletter/")

    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/check-your-inbox/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    # The French wording comes with the next catalogue update; the language shows in the links and the HTML.
    found = links(message)
    assert found["confirm"].startswith("/fr/newsletter/confirm/")
    assert found["manage"].startswith("/fr/newsletter/manage/")
    assert found["unsubscribe"].startswith("/fr/newsletter/unsubscribe/")
    html = message.alternatives[0][0]
    assert '<html lang="fr" dir="ltr">' in html and found["confirm"] in html
    assert Subscriber.objects.get().state == Subscriber.State.PENDING


def test_the_check_your_inbox_page_answers_in_both_languages(client):
    assert "Check your inbox" in client.get("/en/newsletter/check-your-inbox/").text
    assert '<html lang="fr"' in client.get("/fr/newsletter/check-your-inbox/").text


def test_opening_the_confirm_link_does_not_confirm_but_pressing_its_button_does(client, subscribe):
    subscribe("ana@example.org")
    confirm = links(mail.outbox[0])["confirm"]

    page = client.get(confirm)
    assert page.status_code == 200
    assert "Confirm my subscription" in page.text
    assert Subscriber.objects.get().state == Subscriber.State.PENDING

    response = client.post(confirm, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith("/en/newsletter/manage/")
    assert "your subscription is confirmed" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.SUBSCRIBED
    assert subscriber.confirmed_at is not None


def test_confirming_twice_changes_nothing_and_shows_the_subscription_as_confirmed(client, subscribe):
    subscribe("ana@example.org")
    confirm = links(mail.outbox[0])["confirm"]
    client.post(confirm)
    client.post(confirm)

    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.CONFIRMED).count() == 1
    assert "already confirmed" in client.get(confirm).text


def without_csrf(html: str) -> str:
    # The CSRF token is masked afresh on every page: it differs between any two answers.
    return CSRF_VALUE.sub("", html)


def without_request_id(headers) -> dict:
    """Return the headers but the request id, which differs on every response and says nothing of the address."""
    return {name: value for name, value in headers.items() if name != "X-Request-ID"}


@pytest.mark.parametrize("state", ["new", "pending", "subscribed", "unsubscribed", "suppressed"])
def test_the_subscription_response_is_the_same_whatever_the_address_state(client, subscribe, state):
    if state != "new":
        SubscriberFactory(email="known@example.org", state=state, requested_at=timezone.now())
    reference = subscribe("nobody-knows@example.org")
    response = subscribe("known@example.org")

    assert response.status_code == reference.status_code == 302
    assert without_request_id(response.headers) == without_request_id(reference.headers)
    assert response.content == reference.content
    done, reference_done = client.get(response["Location"]), client.get(reference["Location"])
    assert without_csrf(done.text) == without_csrf(reference_done.text)


def test_a_subscribed_address_gets_at_most_one_already_subscribed_notice_a_day(subscribe):
    subscriber = SubscriberFactory(email="ana@example.org", state=Subscriber.State.SUBSCRIBED)
    subscribe("ana@example.org")
    subscribe("ana@example.org")

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.subject == "You are already subscribed to the Let's Food Cities newsletter"
    assert {"manage", "unsubscribe"} <= links(notice).keys()
    assert "confirm" not in links(notice)

    Subscriber.objects.filter(pk=subscriber.pk).update(notice_sent_at=timezone.now() - timedelta(hours=25))
    subscribe("ana@example.org")
    assert len(mail.outbox) == 2


def test_a_suppressed_address_is_sent_nothing(subscribe):
    SubscriberFactory(email="bounced@example.org", state=Subscriber.State.SUPPRESSED)
    subscribe("bounced@example.org")

    assert mail.outbox == []


def test_a_pending_request_repeated_within_minutes_sends_no_second_confirmation(subscribe):
    subscribe("ana@example.org")
    subscribe("ana@example.org")

    assert len(mail.outbox) == 1


def test_unconfirmed_subscriptions_expire_after_seven_days(subscribe):
    subscribe("ana@example.org")

    assert services.subscriptions_expire(now=timezone.now() + timedelta(days=6)) == 0
    assert services.subscriptions_expire(now=timezone.now() + timedelta(days=8)) == 1
    assert not Subscriber.objects.exists()
    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.EXPIRED, subscriber=None).count() == 1


def test_the_confirm_link_is_refused_after_seven_days(client, subscribe, monkeypatch):
    subscribe("ana@example.org")
    confirm = links(mail.outbox[0])["confirm"]
    later = signing.time.time() + 8 * 24 * 3600
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))

    for response in (client.get(confirm), client.post(confirm)):
        assert response.status_code == 400
        assert "This confirmation link has expired" in response.text
        assert 'href="/en/newsletter/"' in response.text
    assert Subscriber.objects.get().state == Subscriber.State.PENDING


def test_a_confirm_link_of_an_unsubscribed_address_is_refused(client, subscribe):
    subscribe("ana@example.org")
    confirm = links(mail.outbox[0])["confirm"]
    Subscriber.objects.update(state=Subscriber.State.UNSUBSCRIBED)

    assert client.post(confirm).status_code == 400
    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED


def test_the_subscription_page_lists_the_topics_and_the_consent_text_in_the_page_language(client):
    page = client.get("/fr/newsletter/")

    assert page.status_code == 200
    assert '<html lang="fr"' in page.text
    assert 'value="programme"' in page.text and 'value="duo-lyon-ho-chi-minh-city"' in page.text
    assert "J&#x27;accepte de recevoir la lettre d&#x27;information" in page.text
    assert 'value="fr" id="id_language_0" required checked' in page.text


def test_every_public_page_has_the_footer_form_but_the_newsletter_pages_do_not_repeat_it(client):
    home = client.get("/fr/")
    assert 'class="newsletter-footer-form"' in home.text
    assert 'action="/fr/newsletter/"' in home.text
    assert 'name="source" value="/fr/"' in home.text
    assert 'class="newsletter-footer-form"' not in client.get("/fr/newsletter/").text


def test_the_footer_form_subscribes_to_the_programme_and_records_the_page_it_was_on(subscribe):
    subscribe("ana@example.org", language="fr", topics=(), page="/fr/newsletter/", variant="footer", source="/fr/")

    subscriber = Subscriber.objects.get()
    assert [topic.code for topic in subscriber.topics.all()] == ["programme"]
    assert subscriber.language == "fr"
    assert subscriber.consent_events.get().source == "/fr/"


def test_the_full_form_subscribes_to_the_chosen_topics(subscribe):
    subscribe("ana@example.org", topics=("programme", "duo-lyon-ho-chi-minh-city"))

    assert sorted(Subscriber.objects.get().topics.values_list("code", flat=True)) == [
        "duo-lyon-ho-chi-minh-city",
        "programme",
    ]


def test_the_full_form_asks_for_at_least_one_topic(subscribe):
    response = subscribe("ana@example.org", topics=())

    assert response.status_code == 400
    assert "Choose at least one topic." in response.text
    assert not Subscriber.objects.exists()


def test_a_source_that_is_not_a_path_of_the_site_falls_back_to_the_referring_page(subscribe):
    subscribe("ana@example.org", source="https://evil.example/", HTTP_REFERER="http://testserver/en/duos/")

    assert ConsentEvent.objects.get().source == "/en/duos/"


def test_a_filled_honeypot_gets_the_same_answer_and_nothing_happens(subscribe):
    reference = subscribe("person@example.org")
    response = subscribe("robot@example.org", website="https://spam.example")

    assert response.status_code == 302
    assert response["Location"] == reference["Location"]
    assert not Subscriber.objects.filter(email="robot@example.org").exists()
    assert [message.to for message in mail.outbox] == [["person@example.org"]]


def test_a_new_consent_text_is_shown_at_once_although_the_footer_caches_it(client, db):
    client.get("/en/")  # fills the cache with the text in force
    ConsentTextFactory(version=99, text_en="Version ninety-nine of the consent text.", text_fr="V99.")

    assert "Version ninety-nine of the consent text." in client.get("/en/newsletter/").content.decode()
