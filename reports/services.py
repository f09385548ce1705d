"""Rendering reports (requested through reports.requests): idempotent, so a duplicated or redelivered task never
makes two files."""

import contextlib
import hashlib
import json
import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, transaction
from django.db import connection as db_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.reader_html import counter_style_for, html_for_reader

from . import documents
from .errors import ReportError
from .models import Report
from .pdf import html_to_pdf

logger = logging.getLogger(__name__)

# Failures worth another attempt (database or storage briefly unavailable); any other failure is final at once.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


def data_hash(data: dict) -> str:
    """Return the hash of a document's data: equal data, equal hash, whatever the order of keys."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def report_data(*, kind: str, subject: str, language: str) -> dict:
    """Return the data of a document in a language (raises ReportError for an unknown or unpublished subject)."""
    builder = documents.BUILDERS.get(kind)
    if builder is None:
        raise ReportError(_("Unknown report kind: %(kind)s") % {"kind": kind})
    with translation.override(language):
        return builder(subject)


def report_html(*, kind: str, data: dict, language: str) -> str:
    """Return the HTML of a document from its data, content not yet translated marked as such."""
    with translation.override(language):
        return html_for_reader(
            render_to_string(
                documents.TEMPLATES[kind],
                {"data": data, "language": language, "numerals": counter_style_for(language)},
            ),
            language,
        )


# The data a request hashed waits here for the rendering task, which then neither builds it a second time nor renders
# data other than the data hashed. Without the cache (evicted, Redis down) the task builds it again.
DATA_TIMEOUT = 60 * 60


def data_key(*, kind: str, subject: str, language: str, digest: str) -> str:
    return f"report-data:{kind}:{subject}:{language}:{digest}"


def _report_data_for(report: Report) -> dict:
    """Return the data the report was requested with: from the cache when the request left it there, else built."""
    key = data_key(kind=report.kind, subject=report.subject, language=report.language, digest=report.data_hash)
    data = cache.get(key)
    if data is None:
        data = report_data(kind=report.kind, subject=report.subject, language=report.language)
    return data


HEARTBEAT_SECONDS = 10  # how often a rendering says it is alive; the beat takes over one silent for a minute


def _progress(report_id: int, percent: int) -> None:
    Report.objects.filter(pk=report_id).update(progress=percent, heartbeat_at=timezone.now())


@contextlib.contextmanager
def report_heartbeat(report_id: int, *, every: float = HEARTBEAT_SECONDS):
    """Renew the report's heartbeat from a thread while the block runs (a layout can take minutes between progress
    steps): a worker that dies stops it, and the beat's sweep gives the report to another worker."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(every):
                Report.objects.filter(pk=report_id, status=Report.Status.RENDERING).update(heartbeat_at=timezone.now())
        except Exception:  # a missed heartbeat only makes a takeover more likely; the rendering goes on
            logger.warning("Report %s: heartbeat failed.", report_id, exc_info=True)
        finally:
            db_connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"report-{report_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()


def report_render(*, report_id: int, final_attempt: bool = True) -> Report:
    """Render a queued report into its PDF file. Safe to run twice: a done or failed report is left as it is.

    The file name is derived from the report, so a rendering that was interrupted (worker lost) and runs again
    replaces its own partial work instead of adding a second file. A transient failure that will be retried
    (final_attempt false) puts the report back in the queue; any other failure marks it failed, for good: a new
    request then makes a fresh report.
    """
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status in (Report.Status.DONE, Report.Status.FAILED):
            return report
        report.status, report.started_at = Report.Status.RENDERING, timezone.now()
        report.heartbeat_at = report.started_at
        report.attempts += 1
        report.progress, report.error = 5, ""
        report.save(update_fields=["status", "started_at", "heartbeat_at", "attempts", "progress", "error"])
    try:
        with report_heartbeat(report.pk):
            data = _report_data_for(report)
            _progress(report.pk, 20)
            html = report_html(kind=report.kind, data=data, language=report.language)
            _progress(report.pk, 35)
            pdf = html_to_pdf(html, on_progress=lambda percent: _progress(report.pk, percent))
    except Exception as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:2000]
        if final_attempt or not isinstance(exc, TRANSIENT_ERRORS):
            Report.objects.filter(pk=report.pk).update(
                status=Report.Status.FAILED, error=error, finished_at=timezone.now()
            )
        else:
            Report.objects.filter(pk=report.pk).update(status=Report.Status.QUEUED, error=error, progress=0)
        raise
    name = f"{report.kind}-{report.subject or 'programme'}-{report.language}-{report.pk}.pdf"
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status == Report.Status.DONE:  # a duplicate finished first: keep its file
            return report
        if report.file:
            report.file.delete(save=False)
        # A worker lost between writing the file and committing left it without a record: replace it, or the storage
        # would save this one under another name (a second file).
        report.file.storage.delete(report.file.field.generate_filename(report, name))
        report.file.save(name, ContentFile(pdf.content), save=False)
        report.size, report.pages = len(pdf.content), pdf.pages
        report.status, report.progress, report.finished_at = Report.Status.DONE, 100, timezone.now()
        report.save()
        transaction.on_commit(lambda: report_ready_notify(report=report))
    return report


def report_title(report: Report) -> str:
    """Return the report's title for people, in the active language: its kind and its city's or duo's name."""
    from cities.models import City, Duo
    from experiments.models import Experiment

    model = {Report.Kind.CITY: City, Report.Kind.DUO: Duo, Report.Kind.EXPERIMENT: Experiment}.get(report.kind)
    subject = model.objects.filter(slug=report.subject).first() if model else None
    kind = report.get_kind_display()
    return _("%(kind)s: %(name)s") % {"kind": kind, "name": str(subject)} if subject else str(kind)


def report_ready_notify(*, report: Report) -> None:
    """Email the requester (when known, with an address) the link to the report's page, in the requester's language."""
    from core.tasks import email_send_task

    user = report.requested_by
    if user is None or not user.email:
        return
    language = user.email_language
    with translation.override(language):
        context = {
            "title": report_title(report),
            "url": settings.SITE_URL + reverse("report-status", kwargs={"pk": report.pk}),
            "pages": report.pages,
            "name": user.get_full_name() or user.get_username(),
        }
    email_send_task.delay(name="report-ready", to=[user.email], context=context, language=language)
