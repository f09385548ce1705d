"""The duo dashboard's pages: the dashboard and its comparison as CSV."""

from django.urls import path

from . import views

urlpatterns = [
    path("duos/<slug:slug>/dashboard/", views.duo_dashboard, name="duo-dashboard"),
    path("duos/<slug:slug>/dashboard/comparison.csv", views.duo_comparison_csv, name="duo-comparison-csv"),
]
