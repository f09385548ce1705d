"""Requesting and rendering reports: idempotent, so a duplicated or redelivered task never makes two files."""

import hashlib
import json
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from letsfood.models import Report

from . import documents
from .pdf import html_to_pdf

logger = logging.getLogger(__name__)


class ReportError(Exception):
    """A report could not be requested or rendered; the message says why."""


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
    """Return the HTML of a document from its data."""
    with translation.override(language):
        return render_to_string(documents.TEMPLATES[kind], {"data": data, "language": language})


def report_request(*, kind: str, subject: str = "", language: str, by=None) -> tuple[Report, bool]:
    """Return the report of this document for the current data, and whether a rendering was queued.

    A report whose data has not changed since it was rendered (or queued) is returned as it is: nothing is
    rendered twice. Otherwise a new report is queued and rendered in the background.
    """
    from letsfood.tasks import report_render_task

    data = report_data(kind=kind, subject=subject, language=language)
    digest = data_hash(data)
    existing = (
        Report.objects.filter(kind=kind, subject=subject, language=language, data_hash=digest)
        .exclude(status=Report.Status.FAILED)
        .first()
    )
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = Report.objects.create(
                kind=kind, subject=subject, language=language, data_hash=digest, requested_by=by
            )
    except IntegrityError:  # the same request, a moment earlier, in another process
        report = Report.objects.get(
            kind=kind, subject=subject, language=language, data_hash=digest, status__in=["queued", "rendering", "done"]
        )
        return report, False
    transaction.on_commit(lambda: report_render_task.delay(report.pk))
    return report, True


def _progress(report_id: int, percent: int) -> None:
    Report.objects.filter(pk=report_id).update(progress=percent)


def report_render(*, report_id: int) -> Report:
    """Render a queued report into its PDF file. Safe to run twice: a done report is left as it is.

    The file name is derived from the report, so a rendering that was interrupted (worker lost) and runs again
    replaces its own partial work instead of adding a second file.
    """
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status == Report.Status.DONE:
            return report
        report.status, report.started_at = Report.Status.RENDERING, timezone.now()
        report.attempts += 1
        report.progress, report.error = 5, ""
        report.save(update_fields=["status", "started_at", "attempts", "progress", "error"])
    try:
        data = report_data(kind=report.kind, subject=report.subject, language=report.language)
        _progress(report.pk, 20)
        html = report_html(kind=report.kind, data=data, language=report.language)
        _progress(report.pk, 35)
        pdf = html_to_pdf(html, on_progress=lambda percent: _progress(report.pk, percent))
    except Exception as exc:
        Report.objects.filter(pk=report.pk).update(
            status=Report.Status.FAILED, error=f"{exc.__class__.__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        raise
    name = f"{report.kind}-{report.subject or 'programme'}-{report.language}-{report.pk}.pdf"
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status == Report.Status.DONE:  # a duplicate finished first: keep its file
            return report
        if report.file:
            report.file.delete(save=False)
        report.file.save(name, ContentFile(pdf.content), save=False)
        report.size, report.pages = len(pdf.content), pdf.pages
        report.status, report.progress, report.finished_at = Report.Status.DONE, 100, timezone.now()
        report.save()
    return report
