"""The MUFPP network at full size for `make bench-network`: published cities in duos, each with a published MUFPP
assessment, its indicator values, 10 initiatives and 3 challenges, built in bulk; and the measure of the public pages
and API lists at two sizes of the network, side by side.

Demonstration-style data (marked `is_demo`), for the benchmark only: the tests build their own, smaller.
"""

import gzip
import logging
import statistics
import time
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.cache import data_version_bump

INITIATIVES_PER_CITY = 10
CHALLENGES_PER_CITY = 3
COUNTRIES = ("FR", "MA", "SN", "TN", "BR", "IT", "ES", "KE", "CO", "JP")
TOPICS = ("market", "school canteen", "urban garden", "food bank", "compost", "short supply chain", "training")


def _published_city_count() -> int:
    from cities.models import City

    return City.objects.published().count()


@transaction.atomic
def network_load(*, cities: int) -> int:
    """Add published cities, two by two in published duos, until `cities` are published; return how many were added.

    Each new city has a published MUFPP assessment with a rating per category, a value per indicator, 10 located
    initiatives (one in seven about a market) linked to a category, a pillar and an action, and 3 challenges.
    """
    from assessments.models import (
        Assessment,
        Category,
        CategoryAssessment,
        Challenge,
        Framework,
        Indicator,
        IndicatorValue,
        Initiative,
        Pillar,
        RecommendedAction,
    )
    from assessments.services import MUFPP_SLUG
    from cities.models import City, Duo

    missing = cities - _published_city_count()
    if missing <= 0:
        return 0
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    categories = list(Category.objects.filter(framework=framework).order_by("order"))
    actions = list(RecommendedAction.objects.filter(framework=framework).order_by("number"))
    indicators = list(Indicator.objects.filter(framework=framework).order_by("number", "code"))
    pillars = list(Pillar.objects.order_by("order"))
    start = City.objects.filter(slug__startswith="network-").count()
    numbers = range(start, start + missing + missing % 2)  # whole duos: one city more when the count is odd
    new_cities = City.objects.bulk_create(
        City(
            name_en=f"Network city {n}",
            name_fr=f"Ville du réseau {n}",
            slug=f"network-{n}",
            country=COUNTRIES[n % len(COUNTRIES)],
            role=City.Role.FRENCH if n % 2 == 0 else City.Role.PARTNER,
            population=100_000 + 1_000 * n,
            population_year=2020,
            location={"type": "Point", "coordinates": [-20 + (n * 7.3) % 60, -30 + (n * 3.1) % 80]},
        )
        for n in numbers
    )
    Duo.objects.bulk_create(
        Duo(slug=f"network-duo-{a.slug}", name_en=f"{a.name} – {b.name}", french_city=a, partner_city=b)
        for a, b in zip(new_cities[::2], new_cities[1::2], strict=True)
    )
    now = timezone.now()
    assessments = Assessment.objects.bulk_create(
        Assessment(
            city=city,
            framework=framework,
            year=2025,
            slug=f"{city.slug}-2025",
            status=Assessment.Status.PUBLISHED,
            published_at=now,
            is_demo=True,
            summary_en=f"The food system of {city.name}.",
        )
        for city in new_cities
    )
    CategoryAssessment.objects.bulk_create(
        CategoryAssessment(assessment=a, category=c, rating=(a.pk + c.pk) % 11, rating_rationale_en="Illustrative.")
        for a in assessments
        for c in categories
    )
    IndicatorValue.objects.bulk_create(
        (
            IndicatorValue(
                assessment=a, indicator=i, value_number=Decimal(10 + (a.pk * i.pk) % 900), reference_year=2024
            )
            for a in assessments
            for i in indicators
            if i.value_type == Indicator.ValueType.NUMBER
        ),
        batch_size=2000,
    )
    initiatives = Initiative.objects.bulk_create(
        (
            Initiative(
                assessment=a,
                ref=f"{a.slug}-initiative-{n}",
                title_en=f"{TOPICS[(a.pk + n) % len(TOPICS)].capitalize()} {n} of {a.city.name}",
                description_en="An illustrative initiative of the network benchmark.",
                actor_type=Initiative.ActorType.ASSOCIATION,
                location={
                    "type": "Point",
                    "coordinates": [
                        a.city.location["coordinates"][0] + n / 100,
                        a.city.location["coordinates"][1] + n / 200,
                    ],
                },
                start_year=2015 + n,
            )
            for a in assessments
            for n in range(INITIATIVES_PER_CITY)
        ),
        batch_size=2000,
    )
    Initiative.categories.through.objects.bulk_create(
        (
            Initiative.categories.through(initiative=i, category=categories[n % len(categories)])
            for n, i in enumerate(initiatives)
        ),
        batch_size=5000,
    )
    Initiative.actions.through.objects.bulk_create(
        (
            Initiative.actions.through(initiative=i, recommendedaction=actions[(n * 7) % len(actions)])
            for n, i in enumerate(initiatives)
        ),
        batch_size=5000,
    )
    if pillars:
        Initiative.pillars.through.objects.bulk_create(
            (
                Initiative.pillars.through(initiative=i, pillar=pillars[n % len(pillars)])
                for n, i in enumerate(initiatives)
            ),
            batch_size=5000,
        )
    challenges = Challenge.objects.bulk_create(
        Challenge(
            assessment=a,
            category=categories[(a.pk + n) % len(categories)],
            title_en=f"Challenge {n} of {a.city.name}",
            severity=Challenge.Severity.HIGH,
        )
        for a in assessments
        for n in range(CHALLENGES_PER_CITY)
    )
    Challenge.actions.through.objects.bulk_create(
        Challenge.actions.through(challenge=c, recommendedaction=actions[(n * 11) % len(actions)])
        for n, c in enumerate(challenges)
    )
    from core.cache import cache_health_reset

    cache_health_reset()
    data_version_bump()  # bulk_create sends no signal: what the public pages cached is stale
    return len(new_cities)


@dataclass
class PageFigures:
    status: int
    p50_ms: float
    size: int
    gzip_size: int
    queries: int
    rendered_ms: float = 0.0
    rendered_queries: int = 0


def _captured(client: Client, url: str, *, rendered: bool, **extra):
    """Return the response of GET url and the queries it made."""
    # The connection keeps the last 9,000 queries only: once that log is full a capture would count none.
    connection.queries_log.clear()
    if rendered:
        data_version_bump()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def _timed_get(client: Client, url: str, *, rendered: bool, **extra) -> float:
    if rendered:
        data_version_bump()  # what the public cache holds is stale: the page is computed
    start = time.perf_counter()
    client.get(url, **extra)
    return (time.perf_counter() - start) * 1000


def measure_page(client: Client, url: str, repeat: int, **extra) -> PageFigures:
    """Return the warm median time of GET url over `repeat` requests (as served, from the public cache where there
    is one), its size (plain and gzipped) and queries; and the same computed afresh (the cache made stale)."""
    client.get(url, **extra)  # warm-up: templates, URL resolver, caches
    rendered = [_timed_get(client, url, rendered=True, **extra) for _ in range(max(3, repeat // 3))]
    _response, rendered_queries = _captured(client, url, rendered=True, **extra)
    client.get(url, **extra)
    timings = [_timed_get(client, url, rendered=False, **extra) for _ in range(repeat)]
    response, queries = _captured(client, url, rendered=False, **extra)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Encoding") == "gzip":
        plain, packed = gzip.decompress(body), body
    else:
        plain, packed = body, gzip.compress(body)
    return PageFigures(
        response.status_code,
        statistics.median(timings),
        len(plain),
        len(packed),
        queries,
        statistics.median(rendered),
        rendered_queries,
    )


# (label, url, extra headers): every public page and API list the goal covers.
PAGES = (
    ("home", "/en/", {}),
    ("city", "/en/cities/{city}/", {}),  # a demonstration city with a published assessment
    ("library ?q=market", "/en/library/?q=market", {}),
    ("network", "/en/network/", {}),
    ("api initiatives geojson", "/api/initiatives/geojson/", {"HTTP_ACCEPT": "application/json"}),
    ("api cities", "/api/cities/", {"HTTP_ACCEPT": "application/json"}),
    ("api cities geojson", "/api/cities/geojson/", {"HTTP_ACCEPT": "application/json"}),
    ("api duos", "/api/duos/", {"HTTP_ACCEPT": "application/json"}),
    ("api assessments", "/api/assessments/", {"HTTP_ACCEPT": "application/json"}),
    ("api initiatives", "/api/initiatives/", {"HTTP_ACCEPT": "application/json"}),
    ("api network coverage", "/api/network/coverage/", {"HTTP_ACCEPT": "application/json"}),
)
HEALTHZ = "/healthz/"
RATIO_GOAL = 1.5
SIZE_GOAL = 500 * 1024
THROUGHPUT_GOAL = 0.5
THROUGHPUT_PAGES = {"home", "city", "library ?q=market"}
DUO_GOAL = 2.0


def _measure_all(repeat: int, *, city: str) -> dict[str, PageFigures]:
    client = Client()
    figures = {
        label: measure_page(client, url.format(city=city), repeat, HTTP_ACCEPT_ENCODING="gzip", **extra)
        for label, url, extra in PAGES
    }
    figures["healthz"] = measure_page(client, HEALTHZ, repeat)
    return figures


def network_report(*, cities: int, repeat: int, small: int = 15) -> dict:
    """Load the demonstration data, measure every page at `small` then at `cities` published cities, print the table."""
    import io

    from django.conf import settings
    from django.core.management import call_command

    from assessments.models import Assessment

    settings.DEMO_MODE = True
    logging.disable(logging.INFO)  # one line per login or 404 would bury the table
    call_command("load_demo", stdout=io.StringIO())
    network_load(cities=small)
    city = Assessment.objects.published().order_by("city__slug").values_list("city__slug", flat=True).first()
    at_small = _measure_all(repeat, city=city)
    started = time.perf_counter()
    added = network_load(cities=cities)
    load_s = time.perf_counter() - started
    at_large = _measure_all(repeat, city=city)
    large = _published_city_count()

    print(
        f"network: {small} → {large} published cities ({added} added in {load_s:.0f} s), warm p50 of {repeat} "
        f"requests in process (Django test client, anonymous, Accept-Encoding: gzip)\n"
    )
    header = (
        f"{'page':<24} {'p50 ms ' + str(small):>10} {'p50 ms ' + str(large):>11} {'ratio':>6} {'goal':>6} "
        f"{'KB ' + str(small):>8} {'KB ' + str(large):>8} {'gz KB':>7} {'goal KB':>8} {'vs healthz':>10}   "
        f"{'computed ms':>16} {'ratio':>6} {'queries':>9}"
    )
    print(header)
    print("-" * len(header))
    healthz = at_large["healthz"].p50_ms
    for label, _url, _extra in PAGES:
        a, b = at_small[label], at_large[label]
        ratio = b.p50_ms / a.p50_ms if a.p50_ms else 0.0
        rendered_ratio = b.rendered_ms / a.rendered_ms if a.rendered_ms else 0.0
        ok = (
            "ok" if ratio <= RATIO_GOAL and b.size <= SIZE_GOAL and a.rendered_queries == b.rendered_queries else "MISS"
        )
        throughput = healthz / b.p50_ms if b.p50_ms else 0.0
        throughput_cell = (
            f"{throughput:>5.2f}{' ok' if throughput >= THROUGHPUT_GOAL else ' <.5'}"
            if label in (THROUGHPUT_PAGES)
            else ""
        )
        status = "" if a.status == b.status == 200 else f"  HTTP {a.status}/{b.status}"
        print(
            f"{label:<24} {a.p50_ms:>10.1f} {b.p50_ms:>11.1f} {ratio:>6.2f} {'≤' + str(RATIO_GOAL):>6} "
            f"{a.size / 1024:>8.0f} {b.size / 1024:>8.0f} {b.gzip_size / 1024:>7.0f} {'≤500':>8} "
            f"{throughput_cell:>10}   {a.rendered_ms:>7.0f}→{b.rendered_ms:<8.0f} {rendered_ratio:>6.2f} "
            f"{a.rendered_queries:>4}→{b.rendered_queries:<4} {ok}{status}"
        )
    print(f"{'healthz':<24} {at_small['healthz'].p50_ms:>10.1f} {healthz:>11.1f}")
    print(
        f"\nratio: p50 at {large} ÷ p50 at {small} (goal ≤ {RATIO_GOAL}); KB: uncompressed body (goal ≤ 500 KB); "
        f"gz KB: as sent to a browser that accepts gzip; vs healthz: healthz p50 ÷ page p50, the in-process "
        f"throughput ratio (goal ≥ {THROUGHPUT_GOAL} for home, city, library); computed: the same request with the "
        f"public cache made stale (what the first visitor after a publication waits), and its queries (goal: equal)"
    )
    return {"small": at_small, "large": at_large}
