"""Benchmark of the compilation report of the demonstration cities: pages, time, memory, and its cost beside
WeasyPrint alone.

The task is measured end to end in process: report_request (the document's data, its hash, the record) then
report_render (HTML, layout, tagged PDF/UA, the file saved through the storage API). The baseline is bare WeasyPrint
on the same saved HTML: HTML(string=...).write_pdf(), with the report's URL fetcher so that fonts and images load.
Peak memory is Python's (tracemalloc, in a separate run since it slows Python down) and the process's resident set
(ru_maxrss, which includes Pango and Cairo). A warm-up rendering first loads what a worker loads once.
"""

import io
import resource
import tempfile
import time
import tracemalloc
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import City
from reports import documents
from reports.fetcher import report_url_fetcher
from reports.models import Report
from reports.pdf import BASE_URL
from reports.requests import report_request
from reports.services import report_data, report_html, report_render
from reports.tasks import report_render_task


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _task(kind: str, subject: str) -> tuple[Report, float, int]:
    """Return the report, the seconds of request + render and the query count."""
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries, mock.patch.object(report_render_task, "delay"):
        report, _ = report_request(kind=kind, subject=subject, language="en")
        report = report_render(report_id=report.pk)
    return report, time.perf_counter() - start, len(queries)


def _python_peak(kind: str, subject: str) -> int:
    """Return Python's peak bytes during the task, run again apart: tracemalloc slows Python down severalfold."""
    Report.objects.filter(kind=kind, subject=subject).delete()
    tracemalloc.start()
    _task(kind, subject)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _data_seconds(kind: str, subject: str) -> float:
    start = time.perf_counter()
    report_data(kind=kind, subject=subject, language="en")
    return time.perf_counter() - start


def _bare(kind: str, subject: str) -> float:
    """Return the seconds bare WeasyPrint takes to write the PDF of the document's saved HTML."""
    from weasyprint import HTML

    html = report_html(kind=kind, data=report_data(kind=kind, subject=subject, language="en"), language="en")
    start = time.perf_counter()
    HTML(string=html, base_url=BASE_URL, url_fetcher=report_url_fetcher).write_pdf()
    return time.perf_counter() - start


def report() -> dict:
    """Load the demonstration data, render the compilation (or every city report), print and return the figures."""
    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-media-")
    call_command("load_demo", stdout=io.StringIO())
    cities = list(City.objects.published().order_by("slug").values_list("slug", flat=True))
    if "compilation" in documents.BUILDERS:
        label, subjects = f"compilation report of {len(cities)} cities", [("compilation", "")]
    else:
        label = f"all {len(cities)} city reports (no compilation document yet)"
        subjects = [("city", slug) for slug in cities]
    # Warm-up: the first rendering of a process loads Pango, the fonts and the templates; a worker pays it once.
    warm_up = cities[0]
    _task("city", warm_up)
    Report.objects.all().delete()
    rss_before = _max_rss_mb()
    pages = size = queries = peak = 0
    task_s = bare_s = data_s = 0.0
    for kind, subject in subjects:
        done, elapsed, count = _task(kind, subject)
        assert done.status == Report.Status.DONE, done.error
        pages, size, queries, task_s = pages + done.pages, size + done.size, queries + count, task_s + elapsed
        bare_s += _bare(kind, subject)
        data_s += _data_seconds(kind, subject)
    rss_after = _max_rss_mb()
    for kind, subject in subjects:
        peak = max(peak, _python_peak(kind, subject))
    figures = {
        "label": label,
        "pages": pages,
        "size_kb": size / 1024,
        "task_s": task_s,
        "bare_s": bare_s,
        "pages_per_s": pages / task_s,
        "ratio": task_s / bare_s,
        "python_peak_mb": peak / 1e6,
        "data_s": data_s,
        "rss_growth_mb": rss_after - rss_before,
        "max_rss_mb": rss_after,
        "queries": queries,
    }
    print(
        f"\n{label}: {pages} pages, {figures['size_kb']:.0f} KB, {queries} queries\n"
        f"  task end to end (report_request + report_render): {task_s:.2f} s, {figures['pages_per_s']:.1f} pages/s\n"
        f"  of which the document's data (built twice: to hash it, then to render it): {data_s:.2f} s each\n"
        f"  bare WeasyPrint on the saved HTML (write_pdf):   {bare_s:.2f} s\n"
        f"  ratio task / bare WeasyPrint: {figures['ratio']:.2f}\n"
        f"  peak memory: Python {figures['python_peak_mb']:.0f} MB (tracemalloc, a separate run); process resident set "
        f"{figures['max_rss_mb']:.0f} MB, +{figures['rss_growth_mb']:.0f} MB during the run\n"
    )
    return figures
