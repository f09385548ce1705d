"""Public pages of the PDF reports: request one (city, duo, compilation), follow its rendering, download it."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited
from rest_framework.exceptions import APIException

from core.cache import cache_degraded

from .errors import ReportError
from .files import report_may_download
from .models import Report
from .requests import report_request
from .services import report_title

# Reports show public data only, so anyone may ask; each request may start a rendering, so an IP gets ten an hour,
# shared between these pages and the API.
RATE_PER_IP = "10/h"
RATE_GROUP = "reports-request-ip"
RATE_RETRY_AFTER = 3600
UNAVAILABLE_RETRY_AFTER = 300


class ReportsUnavailable(APIException):
    """The requests cannot be counted (the cache is down): reports are closed rather than left unlimited (503)."""

    status_code = 503
    default_code = "unavailable"
    default_detail = gettext_lazy(
        "Reports cannot be requested for a moment: a service they need is down. Please try again in a few minutes."
    )


def report_request_limited(request) -> bool:
    """Return whether this IP has used up its report requests (and count this one).

    Raise ReportsUnavailable when the requests cannot be counted: each request may start a rendering.
    """
    limited = is_ratelimited(request, group=RATE_GROUP, key="ip", rate=RATE_PER_IP, increment=True)
    if limited and cache_degraded():
        raise ReportsUnavailable
    return limited


def requested_by(request):
    """Return the user to remember on the report: the logged-in user, or nobody."""
    return request.user if request.user.is_authenticated else None


@require_POST
def report_request_view(request):
    """Ask for a report (kind and subject from the form, in the page's language) and go to its page."""
    try:
        limited = report_request_limited(request)
    except ReportsUnavailable as exc:
        response = render(request, "reports/unavailable.html", {"message": exc.detail}, status=503)
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
        return response
    if limited:
        response = render(request, "reports/rate_limited.html", status=429)
        response["Retry-After"] = str(RATE_RETRY_AFTER)
        return response
    kind = request.POST.get("kind", "")
    subject = request.POST.get("subject", "")
    language = request.POST.get("language") or translation.get_language()
    if kind not in Report.Kind.values or language not in dict(settings.LANGUAGES):
        return render(request, "reports/request_error.html", {"error": ""}, status=400)
    try:
        report, _queued = report_request(kind=kind, subject=subject, language=language, by=requested_by(request))
    except ReportError as exc:
        return render(request, "reports/request_error.html", {"error": str(exc)}, status=400)
    return redirect("report-status", pk=report.pk)


@require_GET
def report_status(request, pk):
    """A report's page: a progress bar that report-progress.js keeps up to date, then the download link."""
    report = get_object_or_404(Report, pk=pk)
    return render(request, "reports/report_status.html", {"report": report, "title": report_title(report)})


@require_GET
def compilation(request):
    """The public page of the programme's compilation report, with the button that asks for it."""
    return render(request, "reports/compilation.html")


@require_GET
def report_download(request, pk):
    """A report's PDF file, for those who may read it: a private report's file is streamed from the private storage
    after the permission check (a visitor is asked to log in; anyone else without permission finds nothing).

    Streamed by Django rather than handed to the proxy (X-Accel-Redirect style): the same code serves the file from
    the disk and from S3, and a report is a few megabytes that a worker sends in well under a second.
    """
    report = get_object_or_404(Report, pk=pk, status=Report.Status.DONE)
    if not report.file:
        raise Http404("This report has no file.")
    if not report.is_private:
        return redirect(report.file.url)
    if not report_may_download(user=request.user, report=report):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404("No such report.")
    name = report.file.name.rsplit("/", 1)[-1]
    response = FileResponse(report.file.open("rb"), as_attachment=True, filename=name, content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response
