"""Reads of cities and duos shaped for pages and maps."""

from django.urls import reverse

from .models import City, Duo


def city_feature(city: City) -> dict:
    """Return a city as a map marker description."""
    return {
        "slug": city.slug,
        "name": city.name,
        "country": city.country.name,
        "role": city.role,
        "lat": city.latitude,
        "lon": city.longitude,
        "url": city.get_absolute_url(),
    }


def network_map_data(*, cities, duos) -> dict:
    """Return the markers and duo lines of the network map, ready for json_script."""
    return {
        "cities": [city_feature(city) for city in cities if city.location],
        "duos": [
            {
                "name": duo.name,
                "url": reverse("cities:duo-detail", kwargs={"slug": duo.slug}),
                "from": [duo.french_city.latitude, duo.french_city.longitude],
                "to": [duo.partner_city.latitude, duo.partner_city.longitude],
            }
            for duo in duos
            if duo.french_city.location and duo.partner_city.location
        ],
    }


def duo_for_city(city: City) -> Duo | None:
    """Return the published duo the city belongs to, or None."""
    return Duo.objects.published().with_cities().for_city(city).first()


def outline_features(cities) -> list[dict]:
    """Return the outlines of the cities that have one, as the map draws them (GeoJSON geometry, name, link)."""
    return [
        {"name": city.name, "url": city.get_absolute_url(), "geometry": city.outline} for city in cities if city.outline
    ]


def territory_map_data(city: City, communes) -> dict:
    """Return the map of a territory with the communes within it: their points and outlines, its own outline."""
    data = network_map_data(cities=[city, *communes], duos=[])
    data["outlines"] = outline_features([city, *communes])
    return data
