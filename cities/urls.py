from django.urls import path

from . import private_views, views

app_name = "cities"
urlpatterns = [
    path("cities/", views.city_list, name="city-list"),
    path("duos/", views.duo_list, name="duo-list"),
    path("duos/<slug:slug>/", views.duo_detail, name="duo-detail"),
]

# A duo's contacts (for its partners and the team), named without the namespace as every app links to it.
duo_private_urls = [
    path("duos/<slug:slug>/contacts/", private_views.duo_contacts, name="duo-contacts"),
]
