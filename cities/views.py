"""Public pages of cities and duos."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .models import City, Duo
from .selectors import network_map_data

LIST_PAGE_SIZE = 50  # the programme's cities and duos fit on one page; a whole network's would not


def city_list(request):
    cities = City.objects.published().order_by("role", "name")
    page = Paginator(cities, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cities/city_list.html", {"cities": page.object_list, "page": page})


def duo_list(request):
    duos = Duo.objects.published().with_cities()
    page = Paginator(duos, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cities/duo_list.html", {"duos": page.object_list, "page": page})


def duo_detail(request, slug):
    duo = get_object_or_404(Duo.objects.published().with_cities(), slug=slug)
    map_data = network_map_data(cities=duo.cities, duos=[duo])
    return render(request, "cities/duo_detail.html", {"duo": duo, "map_data": map_data})
