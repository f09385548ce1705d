"""Requesting a report: the one already made for the same data, or a new one queued for a worker to render
(reports.tasks, through reports.services)."""

from django.core.cache import cache
from django.db import IntegrityError, transaction

from . import services
from .models import Report
from .tasks import report_render_task


def report_request(*, kind: str, subject: str = "", language: str, by=None) -> tuple[Report, bool]:
    """Return the report of this document for the current data, and whether a rendering was queued.

    A report whose data has not changed since it was rendered (or queued) is returned as it is: nothing is
    rendered twice. Otherwise a new report is queued and rendered in the background.
    """
    if kind == Report.Kind.COMPILATION:
        subject = ""  # one compilation per language and data: a subject would only multiply the same document
    data = services.report_data(kind=kind, subject=subject, language=language)
    digest = services.data_hash(data)
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
    cache.set(
        services.data_key(kind=kind, subject=subject, language=language, digest=digest), data, services.DATA_TIMEOUT
    )
    transaction.on_commit(lambda: report_render_task.delay(report.pk))
    return report, True
