"""Public pages of cities and duos."""

from django.shortcuts import get_object_or_404, render

from .models import City, Duo
from .selectors import network_map_data


def city_list(request):
    cities = City.objects.published().order_by("role", "name")
    return render(request, "cities/city_list.html", {"cities": cities})


def duo_list(request):
    duos = Duo.objects.published().with_cities()
    return render(request, "cities/duo_list.html", {"duos": duos})


def duo_detail(request, slug):
    duo = get_object_or_404(Duo.objects.published().with_cities(), slug=slug)
    map_data = network_map_data(cities=duo.cities, duos=[duo])
    return render(request, "cities/duo_detail.html", {"duo": duo, "map_data": map_data})
