from django.urls import path

from . import views

app_name = "cities"
urlpatterns = [
    path("cities/", views.city_list, name="city-list"),
    path("duos/", views.duo_list, name="duo-list"),
    path("duos/<slug:slug>/", views.duo_detail, name="duo-detail"),
]
