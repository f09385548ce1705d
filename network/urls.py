"""The network matrix's page."""

from django.urls import path

from . import views

urlpatterns = [
    path("network/", views.network_overview, name="network-overview"),
]
