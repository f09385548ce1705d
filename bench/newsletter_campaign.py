"""Benchmark of a newsletter campaign: throughput and peak memory at 10,000 and 100,000 subscribers.

Throughput is measured with memory tracing off, and memory in a separate run (tracemalloc slows Python down several
times over). The ceiling is measured in the same process: the same messages, with their signed links, handed
straight to the locmem backend, with no database and no bookkeeping: what the engine does above it is its overhead.
The locmem email backend keeps every message in mail.outbox; the benchmark empties it after each batch, as a
real backend would hand messages to the server, so the figure shows the engine's own memory and not the outbox's.
"""

import resource
import time
import tracemalloc

from django.conf import settings
from django.core import mail
from django.utils import timezone

from newsletter import emails, sending
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


def campaign_run(count: int, *, trace_memory: bool = False) -> dict:
    """Send one campaign to `count` subscribers in-process; return messages/second, or memory figures when traced."""
    topic, _ = Topic.objects.get_or_create(code="bench", defaults={"name_en": "Bench", "name_fr": "Banc"})
    _subscribers(count, topic)
    campaign = Campaign.objects.create(
        subject_en="Bench", subject_fr="Banc", body_en="Hello **there**", body_fr="Bonjour **à tous**"
    )
    campaign.topics.set([topic])
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, started_at=timezone.now())
    mail.outbox = []
    if trace_memory:
        tracemalloc.start()
    start = time.perf_counter()
    sending.campaign_enqueue(campaign)
    enqueued = time.perf_counter()
    while sending.campaign_send_batch(campaign.pk).claimed:
        mail.outbox = []
    sending.campaign_finish_if_done(campaign.pk)
    elapsed = time.perf_counter() - start
    peak = 0
    if trace_memory:
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


def locmem_ceiling(count: int) -> float:
    """Return the messages/second of the same campaign's messages, signed links included, sent straight through the
    locmem backend: no database, no claim, no bookkeeping."""
    from django.core.mail import get_connection

    from newsletter.services import SubscriberLinks

    topic, _ = Topic.objects.get_or_create(code="bench", defaults={"name_en": "Bench", "name_fr": "Banc"})
    _subscribers(count, topic)
    campaign = Campaign.objects.create(
        subject_en="Bench", subject_fr="Banc", body_en="Hello **there**", body_fr="Bonjour **à tous**"
    )
    readers = list(Subscriber.objects.order_by("pk"))
    rendered = {
        language: emails.campaign_rendered(campaign=campaign, content=emails.campaign_content(campaign, language))
        for language in ("en", "fr")
    }
    links = SubscriberLinks()
    connection = get_connection()
    mail.outbox = []
    start = time.perf_counter()
    for first in range(0, len(readers), settings.NEWSLETTER_BATCH_SIZE):
        for reader in readers[first : first + settings.NEWSLETTER_BATCH_SIZE]:
            message = emails.campaign_message(
                campaign=campaign,
                to=reader.email,
                language=reader.language,
                links=links(reader),
                rendered=rendered[reader.language],
                subscriber_id=reader.pk,
            )
            connection.send_messages([message])
        mail.outbox = []
    elapsed = time.perf_counter() - start
    Campaign.objects.filter(pk=campaign.pk).delete()
    return len(readers) / elapsed


def report(counts=(10_000, 100_000)) -> list[dict]:
    """Run the campaign at each size (throughput, then memory apart) beside the locmem ceiling; print a table.

    Timings are printed, never asserted."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NEWSLETTER_SEND_RATE = 0  # unthrottled: the engine's own speed
    ceiling = locmem_ceiling(counts[0])
    results = [campaign_run(count) for count in counts]
    for result, count in zip(results, counts, strict=True):
        traced = campaign_run(count, trace_memory=True)
        result["peak_mib"], result["maxrss_mib"] = traced["peak_mib"], traced["maxrss_mib"]
    print(
        f"\nnewsletter campaign (batches of {settings.NEWSLETTER_BATCH_SIZE}, locmem backend, in-process; throughput "
        f"untraced, memory from a separate traced run)"
    )
    print(f"locmem ceiling (same messages and signed links, no database): {ceiling:.0f} msg/s")
    columns = ("subscribers", "sent", "enqueue s", "total s", "msg/s", "÷ ceiling", "peak MiB", "maxrss MiB")
    print(" ".join(f"{column:>11}" for column in columns))
    for r in results:
        r["ceiling"] = ceiling
        r["of_ceiling"] = r["per_second"] / ceiling
        print(
            f"{r['subscribers']:>11} {r['sent']:>11} {r['enqueue_s']:>11.2f} {r['total_s']:>11.1f} "
            f"{r['per_second']:>11.0f} {r['of_ceiling']:>11.2f} {r['peak_mib']:>11.1f} {r['maxrss_mib']:>11.0f}"
        )
    growth = results[-1]["peak_mib"] / results[0]["peak_mib"] if results[0]["peak_mib"] else 0.0
    print(
        f"goals: ≥ 0.9 × ceiling and ≥ 2,000 msg/s: "
        f"{'ok' if all(r['of_ceiling'] >= 0.9 and r['per_second'] >= 2000 for r in results) else 'MISS'}; "
        f"memory flat {counts[0]:,} → {counts[-1]:,}: peak ×{growth:.2f} {'ok' if growth <= 1.5 else 'MISS'}"
    )
    return results
