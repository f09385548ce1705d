"""The reports' pages: request one, follow it, the compilation; the private file's download is in `download_urls`."""

from django.urls import path

from . import views

urlpatterns = [
    path("reports/request/", views.report_request_view, name="report-request"),
    path("reports/compilation/", views.compilation, name="report-compilation"),
    path("reports/<int:pk>/", views.report_status, name="report-status"),
]

# Outside the language prefix: a file's address is the same in every language.
download_urls = [
    path("reports/<int:pk>/file/", views.report_download, name="report-download"),
]
