"""The network overview: which recommended actions each duo city covers, and the map of all duos."""

from django.shortcuts import render

from cities.selectors import network_map_data

from .selectors import network_coverage


def network_overview(request):
    category = request.GET.get("category") or None
    coverage = network_coverage(user=request.user, category=category)
    cities = [column.city for column in coverage.columns]
    return render(
        request,
        "network/overview.html",
        {
            "coverage": coverage,
            "category": category if category in {item.code for item in coverage.all_categories} else None,
            "map_data": network_map_data(cities=cities, duos=[group.duo for group in coverage.duos]),
        },
    )
