"""The consent ledger: every change of a subscription writes one event, with its source, never an IP in clear."""

from datetime import timedelta

import pytest
from django.core import mail, serializers
from django.utils import timezone

from newsletter import services
from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import email_hash, ip_hash
from tests.factories import SubscriberFactory

from .subscribing import IP, links

pytestmark = pytest.mark.usefixtures("newsletter")


def new_events(since_id):
    return list(ConsentEvent.objects.filter(id__gt=since_id).order_by("id"))


def last_id():
    return ConsentEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_each_step_of_a_subscription_writes_exactly_one_event_with_source_version_and_hashed_ip(client, subscribe):
    mark = last_id()
    subscribe("ana@example.org", page="/fr/newsletter/", language="fr", source="/fr/duos/")
    [subscribed] = new_events(mark)
    assert subscribed.kind == ConsentEvent.Kind.SUBSCRIBED
    assert subscribed.source == "/fr/duos/"
    assert subscribed.consent_text_version == 1
    assert subscribed.ip_hash == ip_hash(IP) and len(subscribed.ip_hash) == 64
    assert subscribed.email_hash == email_hash("ana@example.org")
    assert subscribed.details == {"language": "fr", "topics": ["programme"]}
    found = links(mail.outbox[-1])

    mark = last_id()
    client.post(found["confirm"], REMOTE_ADDR=IP)
    [confirmed] = new_events(mark)
    assert (confirmed.kind, confirmed.source, confirmed.consent_text_version) == ("confirmed", "confirmation link", 1)
    assert confirmed.ip_hash == ip_hash(IP)

    mark = last_id()
    client.post(found["manage"], {"language": "en", "topics": ["programme", "duo-lyon-ho-chi-minh-city"]})
    [changed] = new_events(mark)
    assert (changed.kind, changed.source) == ("preferences_changed", "preferences page")
    assert changed.details["topics"] == ["duo-lyon-ho-chi-minh-city", "programme"]

    mark = last_id()
    client.post(found["unsubscribe"], "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    [unsubscribed] = new_events(mark)
    assert unsubscribed.kind == ConsentEvent.Kind.UNSUBSCRIBED

    mark = last_id()
    client.post(found["manage"] + "erase/")
    [erased] = new_events(mark)
    assert (erased.kind, erased.source, erased.subscriber_id) == ("erased", "erasure page", None)
    assert erased.email_hash == email_hash("ana@example.org")

    ledger = serializers.serialize("json", ConsentEvent.objects.all())
    assert IP not in ledger
    assert "ana@example.org" not in ledger


def test_a_suppression_writes_one_event_with_its_reason(subscribe):
    subscribe("ana@example.org")
    subscriber = Subscriber.objects.get()
    mark = last_id()
    services.subscriber_suppress(subscriber=subscriber, reason="hard", source="webhook")
    services.subscriber_suppress(subscriber=subscriber, reason="hard", source="webhook")

    [suppressed] = new_events(mark)
    assert (suppressed.kind, suppressed.source, suppressed.details) == ("suppressed", "webhook", {"reason": "hard"})


def test_an_expiry_writes_one_pseudonymous_event(subscribe):
    subscribe("ana@example.org")
    mark = last_id()
    services.subscriptions_expire(now=timezone.now() + timedelta(days=8))

    [expired] = new_events(mark)
    assert (expired.kind, expired.source, expired.subscriber_id) == ("expired", "expiry", None)
    assert expired.email_hash == email_hash("ana@example.org")


def test_a_request_for_an_already_subscribed_or_suppressed_address_writes_nothing(subscribe):
    SubscriberFactory(email="in@example.org", state=Subscriber.State.SUBSCRIBED)
    SubscriberFactory(email="out@example.org", state=Subscriber.State.SUPPRESSED)
    mark = last_id()
    subscribe("in@example.org")
    subscribe("out@example.org")

    assert new_events(mark) == []
