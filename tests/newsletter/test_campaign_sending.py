"""Sending a campaign: the right audience, each in their language, with one-click unsubscription, never twice."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.db.models import F
from django.utils import timezone

from newsletter import campaigns, emails, sending
from newsletter.models import Campaign, Delivery, Subscriber
from newsletter.tasks import campaign_send_task, campaigns_send_due
from tests.factories import CampaignFactory, TopicFactory

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture(autouse=True)
def _fast_sending(settings):
    settings.SITE_URL = "https://letsfood.example"
    settings.NEWSLETTER_SEND_RATE = 0  # unthrottled: the throttle's arithmetic is tested on its own
    settings.NEWSLETTER_BATCH_SIZE = 500


def make_topics():
    programme = TopicFactory(code="programme", name_en="The programme", name_fr="Le programme")
    duo = TopicFactory(code="duo-lyon", name_en="Lyon duo", name_fr="Duo de Lyon")
    return programme, duo


def make_subscribers(count: int, *, states_cycle, topics, prefix="reader") -> list[Subscriber]:
    """Create `count` subscribers cycling through (state, language) pairs, following `topics`, in bulk."""
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"{prefix}{index}@example.org",
                state=states_cycle[index % len(states_cycle)][0],
                language=states_cycle[index % len(states_cycle)][1],
                confirmed_at=now,
            )
            for index in range(count)
        ],
        batch_size=2000,
    )
    Through = Subscriber.topics.through
    Through.objects.bulk_create(
        [Through(subscriber_id=s.pk, topic_id=topic.pk) for s in subscribers for topic in topics], batch_size=5000
    )
    return subscribers


def make_campaign(*, topics, languages="") -> Campaign:
    campaign = CampaignFactory(
        subject_en="Spring news",
        subject_fr="Nouvelles du printemps",
        body_en="Hello **readers**, see [the map](https://letsfood.example/en/cities/).",
        body_fr="Bonjour **lectrices et lecteurs**, voyez [la carte](https://letsfood.example/fr/cities/).",
        languages=languages,
    )
    campaign.topics.set(topics)
    return campaign


def start(campaign, user=None):
    return campaigns.campaign_start(campaign=campaign, by=user)


def recipients(outbox) -> Counter:
    return Counter(address for message in outbox for address in message.to)


MIXED = [
    (Subscriber.State.PENDING, "en"),
    (Subscriber.State.SUBSCRIBED, "en"),
    (Subscriber.State.SUBSCRIBED, "fr"),
    (Subscriber.State.UNSUBSCRIBED, "fr"),
    (Subscriber.State.SUPPRESSED, "en"),
]


def test_a_campaign_reaches_exactly_the_subscribed_readers_of_its_topics_each_in_their_language(
    db, django_capture_on_commit_callbacks
):
    programme, duo = make_topics()
    make_subscribers(10_000, states_cycle=MIXED, topics=[programme])
    make_subscribers(500, states_cycle=MIXED, topics=[duo], prefix="duo-only")
    campaign = make_campaign(topics=[programme])

    with django_capture_on_commit_callbacks(execute=True):
        start(campaign)

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert campaign.finished_at is not None
    assert len(mail.outbox) == 4000  # 2 subscribed of every 5, programme only
    assert len(recipients(mail.outbox)) == 4000
    subjects = Counter(message.subject for message in mail.outbox)
    assert subjects == {"Spring news": 2000, "Nouvelles du printemps": 2000}
    sendable = set(Subscriber.objects.filter(state=Subscriber.State.SUBSCRIBED).values_list("email", flat=True))
    assert set(recipients(mail.outbox)) <= sendable
    assert not any(address.startswith("duo-only") for address in recipients(mail.outbox))
    french = next(message for message in mail.outbox if message.subject == "Nouvelles du printemps")
    assert Subscriber.objects.get(email=french.to[0]).language == "fr"
    for message in mail.outbox[:50]:
        assert message.extra_headers["List-Unsubscribe"].startswith("<https://letsfood.example/")
        assert "/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Delivery.objects.filter(campaign=campaign, status=Delivery.Status.SENT).count() == 4000


def test_the_message_has_sanitised_html_a_plain_text_part_and_its_links():
    campaign = Campaign(
        pk=1,
        subject_en="News",
        body_en="Hi <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)",
    )
    subject, text, html = emails.campaign_render(
        campaign=campaign, language="fr", links={"manage_url": "https://m.example", "unsubscribe_url": "https://u.ex"}
    )
    assert subject == "News"  # no French version: the English one
    assert "<script" not in html and "javascript:" not in html
    assert 'href="https://example.org"' in html
    assert "https://u.ex" in html and "https://m.example" in text
    assert "/archive/1/" in text and "/archive/1/" in html


def test_an_audience_can_be_limited_to_one_language(db, django_capture_on_commit_callbacks):
    programme, _duo = make_topics()
    make_subscribers(100, states_cycle=MIXED, topics=[programme])
    campaign = make_campaign(topics=[programme], languages="fr")

    with django_capture_on_commit_callbacks(execute=True):
        start(campaign)

    assert len(mail.outbox) == 20
    assert {message.subject for message in mail.outbox} == {"Nouvelles du printemps"}


def test_running_the_send_task_twice_sends_nobody_twice(db, django_capture_on_commit_callbacks):
    programme, _duo = make_topics()
    make_subscribers(300, states_cycle=MIXED, topics=[programme])
    campaign = make_campaign(topics=[programme])
    with django_capture_on_commit_callbacks(execute=True):
        start(campaign)

    campaign_send_task.delay(campaign.pk)
    campaign_send_task.delay(campaign.pk)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)  # even if it looked unfinished
    campaign_send_task.delay(campaign.pk)

    assert len(mail.outbox) == 120
    assert max(recipients(mail.outbox).values()) == 1
    assert sending.campaign_enqueue(campaign) == 0


class WorkerKilled(BaseException):
    """Stands for the worker's death: not an error the engine catches."""


def failing_after(count: int, error: BaseException):
    real = mail.get_connection

    def get_connection(*args, **kwargs):
        connection = real(*args, **kwargs)
        original = connection.send_messages

        def send_messages(messages):
            if len(mail.outbox) >= count:
                raise error
            return original(messages)

        connection.send_messages = send_messages
        return connection

    return get_connection


def resume_later(campaign):
    """Let the claims' lease expire (SQLite has no advisory lock), then run the send task again."""
    Delivery.objects.filter(campaign=campaign, status__in=[Delivery.Status.CLAIMED, Delivery.Status.SENDING]).update(
        claimed_at=F("claimed_at") - timedelta(hours=1)
    )
    campaign_send_task.delay(campaign.pk)


def test_a_worker_killed_while_sending_resumes_without_sending_anyone_twice(
    db, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 50
    programme, _duo = make_topics()
    make_subscribers(500, states_cycle=MIXED, topics=[programme])
    campaign = make_campaign(topics=[programme])
    monkeypatch.setattr(sending, "get_connection", failing_after(70, WorkerKilled()))

    with pytest.raises(WorkerKilled), django_capture_on_commit_callbacks(execute=True):
        start(campaign)

    assert len(mail.outbox) == 70
    assert Delivery.objects.filter(campaign=campaign, status=Delivery.Status.SENDING).count() == 1  # the one cut short
    monkeypatch.undo()
    resume_later(campaign)

    assert max(recipients(mail.outbox).values()) == 1
    assert len(mail.outbox) == 199
    statistics = sending.campaign_statistics(Campaign.objects.get(pk=campaign.pk))
    assert statistics["uncertain"] == 1
    assert statistics["sent"] == 199
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT


def test_a_worker_dead_mid_batch_leaves_only_its_message_in_flight_uncertain_and_the_next_run_sends_the_rest(
    db, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 50
    programme, _duo = make_topics()
    make_subscribers(500, states_cycle=MIXED, topics=[programme])  # 200 recipients
    campaign = make_campaign(topics=[programme])
    monkeypatch.setattr(sending, "get_connection", failing_after(70, WorkerKilled()))

    mark = sending._mark

    def killed(**kwargs):
        if len(mail.outbox) >= 70:
            raise WorkerKilled  # a process killed outright runs none of its clean-up: its batch stays claimed
        return mark(**kwargs)

    monkeypatch.setattr(sending, "_mark", killed)
    with pytest.raises(WorkerKilled), django_capture_on_commit_callbacks(execute=True):
        start(campaign)
    rows = Counter(Delivery.objects.filter(campaign=campaign).values_list("status", flat=True))
    assert rows[Delivery.Status.SENT] == 70
    assert rows[Delivery.Status.SENDING] == 1  # the message in flight at the kill, and only it
    in_flight = Delivery.objects.get(campaign=campaign, status=Delivery.Status.SENDING).subscriber.email
    monkeypatch.undo()

    campaign_send_task.delay(campaign.pk)  # the rest goes out; the claimed batch waits for its lease (SQLite)
    assert max(recipients(mail.outbox).values()) == 1
    if connection.vendor == "sqlite":  # without an advisory lock, claims are the worker's until their lease expires
        assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENDING
    resume_later(campaign)

    counts = recipients(mail.outbox)
    assert max(counts.values()) == 1
    assert len(counts) == 200 - 1 and in_flight not in counts  # the kill cut it short before it reached the outbox
    uncertain = Delivery.objects.filter(campaign=campaign, status=Delivery.Status.UNCERTAIN)
    assert list(uncertain.values_list("subscriber__email", flat=True)) == [in_flight]
    assert Delivery.objects.filter(campaign=campaign, status=Delivery.Status.SENT).count() == 199
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT


def test_a_claim_whose_lease_is_renewed_is_not_taken_over(db, settings):
    programme, _duo = make_topics()
    make_subscribers(10, states_cycle=MIXED, topics=[programme])
    campaign = make_campaign(topics=[programme])
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    sending.campaign_enqueue(campaign)
    ids = sending.deliveries_claim(campaign.pk, size=10)
    Delivery.objects.filter(pk__in=ids).update(claimed_at=timezone.now() - sending.CLAIM_LEASE * 2)

    sending.deliveries_renew_lease(ids)

    assert sending.deliveries_recover_orphans(campaign.pk, locked=None) == sending.Recovered(0, 0)
    recovered = sending.deliveries_recover_orphans(
        campaign.pk, locked=None, now=timezone.now() + sending.CLAIM_LEASE * 2
    )
    assert recovered == sending.Recovered(released=len(ids), uncertain=0)


def test_every_message_carries_a_message_id_and_idempotency_key_stable_per_campaign_and_recipient(db, settings):
    settings.NEWSLETTER_IDEMPOTENCY_HEADER = "Resend-Idempotency-Key"
    programme, _duo = make_topics()
    first, second = make_subscribers(2, states_cycle=[(Subscriber.State.SUBSCRIBED, "en")], topics=[programme])
    campaign, other = make_campaign(topics=[programme]), make_campaign(topics=[programme])

    def headers(campaign, subscriber):
        links = {"manage_url": "https://m", "unsubscribe_url": "https://u"}
        message = emails.campaign_message(
            campaign=campaign, to=subscriber.email, language="en", links=links, subscriber_id=subscriber.pk
        ).message()
        return message["Message-ID"], message["Resend-Idempotency-Key"]

    message_id, key = headers(campaign, first)
    assert headers(campaign, first) == (message_id, key)  # the same at every attempt: a provider drops a resend
    assert message_id == f"<{key}@letsfood.example>"
    assert headers(campaign, second)[0] != message_id and headers(other, first)[0] != message_id


def test_a_refused_message_is_marked_failed_and_the_campaign_goes_on(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    programme, _duo = make_topics()
    make_subscribers(50, states_cycle=MIXED, topics=[programme])
    campaign = make_campaign(topics=[programme])
    monkeypatch.setattr(sending, "get_connection", failing_after(5, ValueError("recipient refused")))

    with django_capture_on_commit_callbacks(execute=True):
        start(campaign)

    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(status=Delivery.Status.FAILED).count() == 15
    assert "recipient refused" in Delivery.objects.filter(status=Delivery.Status.FAILED).first().error
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT


def test_an_address_unsubscribed_or_suppressed_after_the_snapshot_is_skipped(db):
    programme, _duo = make_topics()
    first, second, third = make_subscribers(3, states_cycle=[(Subscriber.State.SUBSCRIBED, "en")], topics=[programme])
    campaign = make_campaign(topics=[programme])
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, started_at=timezone.now())
    assert sending.campaign_enqueue(campaign) == 3
    Subscriber.objects.filter(pk=first.pk).update(state=Subscriber.State.SUPPRESSED)
    Subscriber.objects.filter(pk=second.pk).update(state=Subscriber.State.UNSUBSCRIBED)

    campaign_send_task.delay(campaign.pk)

    assert [message.to for message in mail.outbox] == [[third.email]]
    assert Delivery.objects.filter(status=Delivery.Status.SKIPPED).count() == 2


def test_a_campaign_without_subject_or_already_sent_cannot_be_started(db):
    programme, _duo = make_topics()
    empty = CampaignFactory(subject_en="", body_en="")
    empty.topics.set([programme])
    with pytest.raises(campaigns.NewsletterError):
        start(empty)
    sent = make_campaign(topics=[programme])
    Campaign.objects.filter(pk=sent.pk).update(status=Campaign.Status.SENT)
    with pytest.raises(campaigns.NewsletterError):
        start(Campaign.objects.get(pk=sent.pk))


def test_a_scheduled_campaign_is_sent_by_the_beat_once_its_time_has_come(db, django_capture_on_commit_callbacks):
    programme, _duo = make_topics()
    make_subscribers(10, states_cycle=MIXED, topics=[programme])
    campaign = make_campaign(topics=[programme])
    with django_capture_on_commit_callbacks(execute=True):
        campaigns.campaign_start(campaign=campaign, by=None, at=timezone.now() + timedelta(hours=1))
    campaigns_send_due.delay()
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SCHEDULED
    assert mail.outbox == []

    Campaign.objects.filter(pk=campaign.pk).update(scheduled_at=timezone.now() - timedelta(minutes=1))
    campaigns_send_due.delay()

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert campaign.started_at is not None
    assert len(mail.outbox) == 4


def test_the_throttle_spaces_messages_to_the_configured_rate():
    assert sending.throttle_delay(sent=0, elapsed=0.0, rate=20) == 0
    assert sending.throttle_delay(sent=20, elapsed=0.5, rate=20) == pytest.approx(0.5)
    assert sending.throttle_delay(sent=200, elapsed=10.0, rate=20) == 0
    assert sending.throttle_delay(sent=10, elapsed=3.0, rate=20) == 0  # behind schedule: no wait
    assert sending.throttle_delay(sent=1000, elapsed=0.0, rate=0) == 0  # 0: unthrottled


def test_a_batch_never_claims_more_than_the_rate_allows_in_the_time_left(settings):
    settings.NEWSLETTER_BATCH_SIZE = 200
    assert sending.batch_size_within(budget=300, rate=20) == 200
    assert sending.batch_size_within(budget=5, rate=20) == 100
    assert sending.batch_size_within(budget=0.01, rate=20) == 1
    assert sending.batch_size_within(budget=300, rate=0) == 200


def test_the_pacer_waits_what_the_throttle_says(monkeypatch):
    clock = iter([100.0, 100.2])
    monkeypatch.setattr(sending.time, "monotonic", lambda: next(clock))
    slept = []
    monkeypatch.setattr(sending.time, "sleep", slept.append)
    pacer = sending.Pacer(rate=10)
    pacer.sent = 5

    pacer.wait()

    assert slept == [pytest.approx(0.3)]


def test_each_message_carries_its_own_reader_links_in_both_parts(db, django_capture_on_commit_callbacks):
    from newsletter.services import subscriber_links

    programme, _duo = make_topics()
    readers = make_subscribers(4, states_cycle=[("subscribed", "en"), ("subscribed", "fr")], topics=[programme])
    campaign = make_campaign(topics=[programme])
    with django_capture_on_commit_callbacks(execute=True):
        start(campaign)
    campaign_send_task.delay(campaign.pk)

    assert len(mail.outbox) == 4
    for reader in readers:
        message = next(m for m in mail.outbox if m.to == [reader.email])
        links = subscriber_links(reader)
        html = message.alternatives[0][0]
        assert links["unsubscribe_url"] in message.body and links["manage_url"] in message.body
        assert links["unsubscribe_url"] in html and links["manage_url"] in html
        assert message.extra_headers["List-Unsubscribe"] == f"<{links['unsubscribe_url']}>"
        assert "placeholder" not in message.body + html


def test_every_newsletter_email_says_its_link_also_downloads_or_erases_the_readers_data(db):
    from core.emails import email_render

    programme, _duo = make_topics()
    campaign = make_campaign(topics=[programme])
    links = {"manage_url": "https://letsfood.example/manage/x/", "unsubscribe_url": "https://letsfood.example/u/x/"}
    context = {**links, "email": "ana@example.org", "confirm_url": "https://letsfood.example/confirm/x/"}
    wording = {
        "en": "Change your topics or language, download or erase your data",
        "fr": "Modifier vos thèmes ou votre langue, télécharger ou effacer vos données",
    }
    for language, text in wording.items():
        rendered = [
            email_render(name, context, language=language)
            for name in ("newsletter-confirm", "newsletter-already-subscribed")
        ]
        rendered.append(emails.campaign_render(campaign=campaign, language=language, links=links))
        for _subject, body, html in rendered:
            colon = " :" if language == "fr" else ":"  # French typography: a space before the colon
            assert f"{text}{colon} {links['manage_url']}" in body
            assert f'<a href="{links["manage_url"]}">{text}</a>' in html


def test_readers_of_the_six_languages_each_get_theirs_or_its_fallback(db, django_capture_on_commit_callbacks):
    programme, _duo = make_topics()
    languages = ["fr", "en", "es", "ar", "vi", "fa"]
    make_subscribers(6, states_cycle=[(Subscriber.State.SUBSCRIBED, code) for code in languages], topics=[programme])
    campaign = make_campaign(topics=[programme])
    campaign.subject_vi, campaign.body_vi = "Tin mùa xuân", "Xin chào **bạn đọc**."
    campaign.save()

    with django_capture_on_commit_callbacks(execute=True):
        start(campaign)

    subjects = {Subscriber.objects.get(email=message.to[0]).language: message.subject for message in mail.outbox}
    assert subjects == {
        "fr": "Nouvelles du printemps",
        "en": "Spring news",
        "es": "Nouvelles du printemps",  # not written in Spanish: French first
        "ar": "Nouvelles du printemps",
        "vi": "Tin mùa xuân",
        "fa": "Spring news",  # not written in Persian: English first
    }
