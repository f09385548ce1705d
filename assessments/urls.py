"""Public pages of assessments. Included before cities.urls: the city page, which shows the city's assessment,
is served here, at the address that cities:city-detail names."""

from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("cities/<slug:slug>/", views.city_detail, name="city-detail"),
    path("library/", views.library, name="library"),
    path("library/<slug:ref>/", views.initiative_detail, name="initiative-detail"),
]
