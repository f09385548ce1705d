"""The reports' API: request a report and follow it."""

from django.urls import path

from .views import report_detail, report_list

urlpatterns = [
    path("reports/", report_list, name="report-list"),
    path("reports/<int:pk>/", report_detail, name="report-detail"),
]
