from django.urls import path

from . import views

app_name = "cities"
urlpatterns = [
    path("cities/", views.city_list, name="city-list"),
    path("cities/<slug:slug>/", views.city_detail, name="city-detail"),
    path("duos/", views.duo_list, name="duo-list"),
    path("duos/<slug:slug>/", views.duo_detail, name="duo-detail"),
]
