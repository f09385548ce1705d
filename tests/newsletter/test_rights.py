"""What a subscriber can do from the links of every email: unsubscribe in one click, manage, download, erase."""

import json

import pytest
from django.apps import apps
from django.core import mail, serializers
from django.test import Client

from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import manage_token

from .subscribing import links

pytestmark = pytest.mark.usefixtures("newsletter")


@pytest.fixture
def subscribed(client, subscribe):
    """A confirmed subscriber, and the links of the confirmation email."""
    subscribe("ana@example.org", topics=("programme",))
    found = links(mail.outbox[-1])
    client.post(found["confirm"])
    return Subscriber.objects.get(email="ana@example.org"), found


def test_opening_the_unsubscribe_link_only_asks_and_never_unsubscribes(client, subscribed):
    subscriber, found = subscribed
    page = client.get(found["unsubscribe"])

    assert page.status_code == 200
    assert '<button type="submit">Unsubscribe</button>' in page.text
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.SUBSCRIBED


def test_a_mail_providers_one_click_post_without_cookie_or_csrf_token_unsubscribes_at_once(subscribed):
    subscriber, found = subscribed
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        found["unsubscribe"], "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    event = subscriber.consent_events.get(kind=ConsentEvent.Kind.UNSUBSCRIBED)
    assert event.source == "one-click (List-Unsubscribe)"


def test_the_button_of_the_unsubscribe_page_unsubscribes_and_says_so(subscribed):
    subscriber, found = subscribed
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(found["unsubscribe"])
    token = page.context["csrf_token"]
    response = visitor.post(found["unsubscribe"], {"csrfmiddlewaretoken": token})

    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    assert subscriber.consent_events.get(kind=ConsentEvent.Kind.UNSUBSCRIBED).source == "unsubscribe page"


def test_unsubscribing_twice_records_it_once(client, subscribed):
    subscriber, found = subscribed
    client.post(found["unsubscribe"])
    client.post(found["unsubscribe"])

    assert subscriber.consent_events.filter(kind=ConsentEvent.Kind.UNSUBSCRIBED).count() == 1


def test_the_manage_page_changes_the_language_and_the_topics(client, subscribed):
    subscriber, found = subscribed
    page = client.get(found["manage"])
    assert page.status_code == 200
    assert "ana@example.org" in page.text

    response = client.post(found["manage"], {"language": "fr", "topics": ["duo-lyon-ho-chi-minh-city"]}, follow=True)

    assert response.status_code == 200
    assert "Your preferences are saved." in response.text
    subscriber.refresh_from_db()
    assert subscriber.language == "fr"
    assert list(subscriber.topics.values_list("code", flat=True)) == ["duo-lyon-ho-chi-minh-city"]
    assert subscriber.state == Subscriber.State.SUBSCRIBED


def test_the_manage_page_refuses_an_unknown_topic_and_changes_nothing(client, subscribed):
    subscriber, found = subscribed
    response = client.post(found["manage"], {"language": "fr", "topics": ["nothing-like-this"]})

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    subscriber.refresh_from_db()
    assert subscriber.language == "en"


def test_the_data_download_is_a_json_file_with_the_consent_ledger(client, subscribed):
    _subscriber, found = subscribed
    response = client.get(found["manage"] + "data/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["email"] == "ana@example.org"
    assert data["topics"] == ["programme"]
    assert [event["event"] for event in data["consent_events"]] == ["subscribed", "confirmed"]
    assert data["consent_events"][0]["consent_text_version"] == 1


def test_opening_the_erase_page_asks_and_erases_nothing(client, subscribed):
    _subscriber, found = subscribed
    assert client.get(found["manage"] + "erase/").status_code == 200
    assert Subscriber.objects.filter(email="ana@example.org").exists()


def test_erasing_leaves_only_pseudonymous_ledger_rows_and_the_address_nowhere_in_the_database(client, subscribed):
    _subscriber, found = subscribed
    response = client.post(found["manage"] + "erase/")

    assert response.status_code == 200
    assert "Your data is erased" in response.text
    assert not Subscriber.objects.exists()
    events = ConsentEvent.objects.order_by("id")
    assert [event.kind for event in events] == ["subscribed", "confirmed", "erased"]
    assert all(event.subscriber_id is None and len(event.email_hash) == 64 for event in events)
    everything = serializers.serialize("json", [obj for model in apps.get_models() for obj in model.objects.all()])
    assert "ana@example.org" not in everything.lower()
    # Every link of the emails is dead now, with a page that says what to do.
    for path in (found["manage"], found["unsubscribe"], found["manage"] + "data/"):
        dead = client.get(path)
        assert dead.status_code == 400
        assert "subscribe again" in dead.text


@pytest.mark.parametrize("name", ["confirm", "manage", "unsubscribe"])
def test_a_tampered_link_gets_a_clear_400_page(client, subscribed, name):
    _subscriber, found = subscribed
    path = found[name]
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))

    for response in (client.get(tampered), client.post(tampered)):
        assert response.status_code == 400
        assert "This link does not work" in response.text


def test_a_management_link_is_not_a_confirmation_link(client, subscribe):
    subscribe("ana@example.org")
    subscriber = Subscriber.objects.get()
    response = client.post(f"/en/newsletter/confirm/{manage_token(subscriber)}/")

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.PENDING


def test_a_link_sent_to_an_address_does_not_open_the_data_of_another_that_took_its_id(client, subscribed):
    subscriber, found = subscribed
    Subscriber.objects.filter(pk=subscriber.pk).update(email="someone-else@example.org")

    assert client.get(found["manage"] + "data/").status_code == 400
