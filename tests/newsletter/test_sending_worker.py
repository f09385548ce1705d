"""A real Celery worker killed in the middle of a campaign: once restarted, it finishes without sending anyone twice."""

import re
import signal
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from letsfood.celery import app
from newsletter import campaigns
from newsletter.models import Campaign, Delivery, Subscriber
from newsletter.tasks import campaigns_send_due
from tests import workers
from tests.newsletter.test_campaign_sending import MIXED, make_campaign, make_subscribers, make_topics
from tests.workers import requires_postgresql, stop, wait_until


def start_worker(tmp_path: Path, outbox: Path, name: str, **environment: str) -> subprocess.Popen:
    """Start a worker that writes emails as files into `outbox`, sending in small batches."""
    defaults = {"NEWSLETTER_BATCH_SIZE": "10", "NEWSLETTER_SEND_RATE": "40", "SITE_URL": "https://letsfood.example"}
    return workers.start_worker(
        tmp_path,
        name,
        settings_module="tests.core.worker_settings",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        TEST_EMAIL_FILE_PATH=str(outbox),
        **{**defaults, **environment},
    )


def recipients(outbox: Path) -> Counter:
    return Counter(
        match.group(1)
        for path in outbox.glob("*.log")
        for match in re.finditer(r"^To: (.+)$", path.read_text(), flags=re.MULTILINE)
    )


@pytest.mark.services
def test_a_worker_killed_mid_campaign_never_sends_anyone_twice(transactional_db, tmp_path, settings):
    requires_postgresql()
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    programme, _duo = make_topics()
    make_subscribers(750, states_cycle=MIXED, topics=[programme])  # 300 recipients
    campaign = make_campaign(topics=[programme])
    app.control.purge()  # tasks another run left in the queue would name campaigns of another database

    first = start_worker(tmp_path, outbox, "first")
    try:
        campaigns.campaign_start(campaign=campaign, by=None)  # autocommit: the task is queued at once
        wait_until(lambda: sum(recipients(outbox).values()) >= 60, seconds=90, what="60 messages", tmp_path=tmp_path)
    finally:
        stop(first, signal.SIGKILL)
    sent_before = sum(recipients(outbox).values())
    assert sent_before < 300

    second = start_worker(tmp_path, outbox, "second")
    try:
        campaigns_send_due.delay()  # the beat's minute tick resumes campaigns left without a worker
        wait_until(
            lambda: Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT,
            seconds=120,
            what="the campaign finished",
            tmp_path=tmp_path,
        )
    finally:
        stop(second)

    counts = recipients(outbox)
    assert max(counts.values()) == 1, [address for address, count in counts.items() if count > 1]
    statuses = Counter(Delivery.objects.filter(campaign=campaign).values_list("status", flat=True))
    assert set(statuses) <= {Delivery.Status.SENT, Delivery.Status.UNCERTAIN}
    assert sum(statuses.values()) == 300 and statuses[Delivery.Status.UNCERTAIN] <= 1
    # The uncertain row may or may not have left before the kill: it is reported, never resent.
    assert statuses[Delivery.Status.SENT] <= len(counts) <= statuses[Delivery.Status.SENT] + statuses["uncertain"]
    subscribed = set(Subscriber.objects.filter(state=Subscriber.State.SUBSCRIBED).values_list("email", flat=True))
    assert set(counts) <= subscribed
