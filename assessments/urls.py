"""Public pages of assessments: the framework, the good-practice library, an indicator across editions, and the city
page that shows a city's assessment."""

from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
    path("library/", views.library, name="library"),
    path("library/<slug:ref>/", views.initiative_detail, name="initiative-detail"),
    path("indicators/<slug:code>/", views.indicator_detail, name="indicator-detail"),
]

# The city page, named without the namespace: every app links to it as `city-detail`.
city_urls = [
    path("cities/<slug:slug>/", views.city_detail, name="city-detail"),
]
