"""The team's translation pages."""

from django.urls import path

from . import views

app_name = "translations"
urlpatterns = [
    path("", views.missing, name="missing"),
    path("export/", views.export, name="export"),
    path("import/", views.import_spreadsheet, name="import"),
]
