"""Measure server time and SQL query count of the platform's main pages and API lists (`make bench`).

Runs against a throwaway test database: in-memory SQLite by default, or test_<name> beside the database that
DATABASE_URL names, created and dropped here, so the configured database itself is never touched. Timings are
printed, never asserted: they depend on the machine. Add a benchmark with `@benchmark("name")`.
"""

import argparse
import io
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "letsfood.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402


@dataclass
class Result:
    status: int
    median_ms: float
    min_ms: float
    queries: int


BENCHMARKS: dict[str, Callable[[Client, int], Result]] = {}


def benchmark(name: str):
    """Register a function (client, repeat) -> Result under a name shown in the table."""

    def register(func):
        BENCHMARKS[name] = func
        return func

    return register


def measure_get(client: Client, url: str, repeat: int, **extra) -> Result:
    """Return the timing of GET url over `repeat` requests after a warm-up, and its query count."""
    response = client.get(url, **extra)  # warm-up: template compilation, URL resolver, caches
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, **extra)
        timings.append((time.perf_counter() - start) * 1000)
    connection.queries_log.clear()  # only the last 9,000 are kept: a full log would make the capture count none
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return Result(response.status_code, statistics.median(timings), min(timings), len(queries))


def get_page(name: str, url: str, **extra) -> None:
    """Register an anonymous GET of url as a benchmark."""
    benchmark(name)(lambda client, repeat: measure_get(client, url, repeat, **extra))


get_page("home", "/en/")
get_page("city list", "/en/cities/")
get_page("api cities", "/api/cities/", HTTP_ACCEPT="application/json")
get_page("api duos", "/api/duos/", HTTP_ACCEPT="application/json")


def duo_dashboard(size: str, *, public: bool = False):
    """Return the benchmark of the dashboard of a duo built at a size of tests/dashboards/data.py: as the team sees
    it (computed at every request), or as the public does (served from the cache after the first request)."""

    def run(client: Client, repeat: int) -> Result:
        from django.contrib.auth import get_user_model

        from tests.dashboards.data import SIZES, duo_with_data

        duo = duo_with_data(name=f"bench-{size}{'-public' if public else ''}", **SIZES[size])
        viewer = Client()
        if not public:
            team, _ = get_user_model().objects.get_or_create(username="bench-team", defaults={"role": "team"})
            viewer.force_login(team)
        return measure_get(viewer, f"/en/duos/{duo.slug}/dashboard/", repeat)

    return run


# Small: 2 cities x 1 assessment; large: 2 cities x 3 editions x 60 indicators x 50 initiatives.
benchmark("duo_dashboard small")(duo_dashboard("small"))
benchmark("duo_dashboard large")(duo_dashboard("large"))
benchmark("duo_dashboard large public")(duo_dashboard("large", public=True))


@benchmark("newsletter_campaign")
def newsletter_campaign(client: Client, repeat: int) -> Result:
    """A campaign to 10,000 then 100,000 subscribers (prints its own table); the row shows the 100,000 run."""
    from bench.newsletter_campaign import report

    largest = report()[-1]
    return Result(200, largest["total_s"] * 1000, largest["total_s"] * 1000, 0)


@benchmark("report_compilation")
def report_compilation(client: Client, repeat: int) -> Result:
    """The compilation report of the demonstration cities, rendered once (prints its own figures); the row shows the
    task's time end to end."""
    from bench.report_compilation import report

    figures = report()
    return Result(200, figures["task_s"] * 1000, figures["task_s"] * 1000, figures["queries"])


def network(*, cities: int, repeat: int, newsletter: bool = True) -> None:
    """The public pages at 15 and at `cities` published cities, the duo dashboard's large ÷ small, the newsletter."""
    from bench.network import DUO_GOAL, network_report

    network_report(cities=cities, repeat=repeat)
    client = Client()
    small = duo_dashboard("small")(client, repeat)
    large = duo_dashboard("large")(client, repeat)
    ratio = large.median_ms / small.median_ms
    print(
        f"\nduo dashboard (team view): small {small.median_ms:.1f} ms, large {large.median_ms:.1f} ms, "
        f"large ÷ small {ratio:.2f} (goal ≤ {DUO_GOAL}) {'ok' if ratio <= DUO_GOAL else 'MISS'}; "
        f"queries {small.queries} → {large.queries}"
    )
    if newsletter:
        from bench.newsletter_campaign import report

        report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("-n", "--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "30")))
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument(
        "--network",
        nargs="?",
        const=331,
        type=int,
        metavar="CITIES",
        help="the public pages and API lists at 15 and at CITIES published cities (default 331), side by side",
    )
    parser.add_argument("--no-newsletter", action="store_true", help="with --network: leave the newsletter out")
    args = parser.parse_args()
    if args.network:
        return _with_test_database(
            lambda: network(cities=args.network, repeat=args.repeat, newsletter=not args.no_newsletter)
        )
    if args.list:
        print("\n".join(BENCHMARKS))
        return 0
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; see --list")
    selected = args.names or list(BENCHMARKS)

    def run_selected() -> None:
        client = Client()
        print(f"{'benchmark':<24} {'status':>6} {'median ms':>10} {'min ms':>8} {'queries':>8}")
        for name in selected:
            result = BENCHMARKS[name](client, args.repeat)
            print(f"{name:<24} {result.status:>6} {result.median_ms:>10.2f} {result.min_ms:>8.2f} {result.queries:>8}")

    return _with_test_database(run_selected, repeat=args.repeat)


def _with_test_database(run: Callable[[], None], repeat: int | None = None) -> int:
    """Run the benchmarks in a throwaway test database with the reference data loaded, then drop it."""
    # WhiteNoise warns when collectstatic has not run; pages are measured, not their static files.
    warnings.filterwarnings("ignore", message="No directory at")
    setup_test_environment()
    settings.DEBUG = False  # as in production and as Django's test runner does
    if connection.vendor == "sqlite":
        # In memory, as before the tests moved to a file: never the file a test run may be using at the same time.
        connection.settings_dict["TEST"]["NAME"] = None
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_reference", stdout=io.StringIO())
        print(f"database: {connection.vendor} ({test_db}){f', {repeat} requests each' if repeat else ''}\n")
        run()
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)
        teardown_test_environment()
    return 0


if __name__ == "__main__":
    sys.exit(main())
