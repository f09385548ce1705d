"""The duo dashboard's API: the same data as the page, as JSON."""

from django.urls import path

from .views import duo_dashboard

urlpatterns = [
    path("duos/<slug:slug>/dashboard/", duo_dashboard, name="duo-dashboard"),
]
