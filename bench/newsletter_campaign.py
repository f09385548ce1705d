"""Benchmark of a newsletter campaign: throughput and peak memory at 10,000 and 100,000 subscribers.

The locmem email backend keeps every message in mail.outbox; the benchmark empties it after each batch, as a
real backend would hand messages to the server, so the figure shows the engine's own memory and not the outbox's.
"""

import resource
import time
import tracemalloc

from django.conf import settings
from django.core import mail
from django.utils import timezone

from newsletter import sending
from newsletter.models import Campaign, Delivery, Subscriber, Topic


def _subscribers(count: int, topic: Topic) -> None:
    Subscriber.objects.all().delete()
    now = timezone.now()
    chunk = 5000
    for start in range(0, count, chunk):
        created = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"bench{index}@example.org",
                    state=Subscriber.State.SUBSCRIBED,
                    language="fr" if index % 2 else "en",
                    confirmed_at=now,
                )
                for index in range(start, min(start + chunk, count))
            ]
        )
        Through = Subscriber.topics.through
        Through.objects.bulk_create([Through(subscriber_id=s.pk, topic_id=topic.pk) for s in created])


def campaign_run(count: int) -> dict:
    """Send one campaign to `count` subscribers in-process; return messages/second and memory figures."""
    topic, _ = Topic.objects.get_or_create(code="bench", defaults={"name_en": "Bench", "name_fr": "Banc"})
    _subscribers(count, topic)
    campaign = Campaign.objects.create(
        subject_en="Bench", subject_fr="Banc", body_en="Hello **there**", body_fr="Bonjour **à tous**"
    )
    campaign.topics.set([topic])
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, started_at=timezone.now())
    mail.outbox = []
    tracemalloc.start()
    start = time.perf_counter()
    sending.campaign_enqueue(campaign)
    enqueued = time.perf_counter()
    while sending.campaign_send_batch(campaign.pk).claimed:
        mail.outbox = []
    sending.campaign_finish_if_done(campaign.pk)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sent = Delivery.objects.filter(campaign=campaign, status=Delivery.Status.SENT).count()
    Delivery.objects.all().delete()
    Campaign.objects.filter(pk=campaign.pk).delete()
    return {
        "subscribers": count,
        "sent": sent,
        "enqueue_s": enqueued - start,
        "total_s": elapsed,
        "per_second": sent / elapsed if elapsed else 0.0,
        "peak_mib": peak / 2**20,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(counts=(10_000, 100_000)) -> list[dict]:
    """Run the campaign at each size and print a table; timings are printed, never asserted."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NEWSLETTER_SEND_RATE = 0  # unthrottled: the engine's own speed
    results = [campaign_run(count) for count in counts]
    print(f"\nnewsletter campaign (batches of {settings.NEWSLETTER_BATCH_SIZE}, locmem backend, in-process)")
    columns = ("subscribers", "sent", "enqueue s", "total s", "msg/s", "peak MiB", "maxrss MiB")
    print(" ".join(f"{column:>11}" for column in columns))
    for r in results:
        print(
            f"{r['subscribers']:>11} {r['sent']:>11} {r['enqueue_s']:>11.2f} {r['total_s']:>11.1f} "
            f"{r['per_second']:>11.0f} {r['peak_mib']:>11.1f} {r['maxrss_mib']:>11.0f}"
        )
    return results
