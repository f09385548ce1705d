"""The API root: every app's router registered in one place."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from assessments.api.urls import register as register_assessments
from cities.api.urls import register as register_cities
from experiments.api.urls import register as register_experiments
from workshops.api.urls import register as register_workshops

from .api_dashboard import duo_dashboard
from .api_network import NetworkCoverageView
from .api_reports import report_detail, report_list

router = DefaultRouter()
register_cities(router)
register_assessments(router)
register_workshops(router)
register_experiments(router)

urlpatterns = [
    path("duos/<slug:slug>/dashboard/", duo_dashboard, name="duo-dashboard"),
    *router.urls,
    path("network/coverage/", NetworkCoverageView.as_view(), name="network-coverage"),
    path("reports/", report_list, name="report-list"),
    path("reports/<int:pk>/", report_detail, name="report-detail"),
]
