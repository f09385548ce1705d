"""The network matrix's API: the coverage of the recommended actions."""

from django.urls import path

from .views import NetworkCoverageView

urlpatterns = [
    path("network/coverage/", NetworkCoverageView.as_view(), name="network-coverage"),
]
