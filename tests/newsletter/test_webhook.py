"""The bounce webhook: signed by the provider; hard bounces and complaints suppress at once, soft ones after 3."""

import json
import time
import uuid

import pytest
from django.core import mail

from newsletter import campaigns
from newsletter.models import BounceEvent, Campaign, Subscriber
from newsletter.webhooks import webhook_signature
from tests.factories import SubscriberFactory
from tests.newsletter.test_campaign_sending import make_campaign, make_subscribers, make_topics

URL = "/newsletter/webhooks/bounces/"
SECRET = "webhook-secret"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET


def post(client, payload, *, secret=SECRET, body=None):
    """Post an event, given its own id and the current time (as the provider sends them) when it is an object."""
    if isinstance(payload, dict):
        payload = {"id": uuid.uuid4().hex, "timestamp": int(time.time())} | payload
    body = body if body is not None else json.dumps(payload).encode()
    return client.post(
        URL, body, content_type="application/json", HTTP_X_LETSFOOD_SIGNATURE=webhook_signature(body, secret)
    )


@pytest.fixture
def reader(db):
    return SubscriberFactory(email="reader@example.org", state=Subscriber.State.SUBSCRIBED)


def test_a_hard_bounce_suppresses_the_address_at_once(client, reader):
    response = post(client, {"email": "Reader@example.org", "type": "hard", "reason": "mailbox unknown"})

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUPPRESSED
    assert BounceEvent.objects.get().payload["reason"] == "mailbox unknown"


def test_a_complaint_suppresses_the_address_at_once(client, reader):
    assert post(client, {"email": reader.email, "type": "complaint"}).status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUPPRESSED


def test_two_soft_bounces_keep_the_subscription_and_a_third_within_30_days_suppresses_it(client, reader):
    for _ in range(2):
        assert post(client, {"email": reader.email, "type": "soft"}).status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUBSCRIBED

    post(client, {"email": reader.email, "type": "soft"})

    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUPPRESSED


def test_a_bad_signature_is_refused(client, reader):
    assert post(client, {"email": reader.email, "type": "hard"}, secret="guess").status_code == 403
    response = client.post(URL, b"{}", content_type="application/json")
    assert response.status_code == 403
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.SUBSCRIBED
    assert not BounceEvent.objects.exists()


def test_the_webhook_is_disabled_without_a_secret(client, settings, reader):
    settings.NEWSLETTER_WEBHOOK_SECRET = ""
    assert post(client, {"email": reader.email, "type": "hard"}).status_code == 503


def test_malformed_json_or_an_unknown_type_is_a_bad_request(client, reader):
    assert post(client, None, body=b"{not json").status_code == 400
    assert post(client, {"email": reader.email, "type": "bounced"}).status_code == 400
    assert post(client, {"type": "hard"}).status_code == 400
    assert post(client, ["hard"]).status_code == 400


def test_only_post_is_accepted(client, db):
    assert client.get(URL).status_code == 405


def test_an_address_suppressed_by_a_hard_bounce_is_never_sent_to(
    client, db, settings, tasks_in_process, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_SEND_RATE = 0
    programme, _duo = make_topics()
    bounced, kept = make_subscribers(2, states_cycle=[(Subscriber.State.SUBSCRIBED, "en")], topics=[programme])
    post(client, {"email": bounced.email, "type": "hard"})
    campaign = make_campaign(topics=[programme])

    with django_capture_on_commit_callbacks(execute=True):
        campaigns.campaign_start(campaign=campaign, by=None)

    assert [message.to for message in mail.outbox] == [[kept.email]]
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT
