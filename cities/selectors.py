"""Reads of cities and duos shaped for pages and maps."""

from django.http import Http404
from django.urls import reverse

from .models import City, Duo

# --- Map markers: the shapes static/js/map.js draws, built here for every map of the site.


def city_marker(*, slug: str, name: str, country: str, role: str, lat, lon, url: str) -> dict:
    """Return the marker of a city: a dot coloured by its role, its name and country in the popup."""
    return {"slug": slug, "name": name, "country": country, "role": role, "lat": lat, "lon": lon, "url": url}


def city_feature(city: City) -> dict:
    """Return a city as a map marker description."""
    return city_marker(
        slug=city.slug,
        name=city.name,
        country=city.country.name,
        role=city.role,
        lat=city.latitude,
        lon=city.longitude,
        url=city.get_absolute_url(),
    )


def duo_line(*, name: str, slug: str, start: list, end: list) -> dict:
    """Return the line between the two cities of a duo ([lat, lon] each), linking to the duo's page."""
    return {"name": name, "url": reverse("cities:duo-detail", kwargs={"slug": slug}), "from": start, "to": end}


def initiative_marker(*, title: str, city: str, lat, lon, url: str) -> dict:
    """Return the marker of an initiative of a city's assessment, linking to its library entry."""
    return {"title": title, "city": city, "lat": lat, "lon": lon, "url": url}


def network_map_data(*, cities, duos) -> dict:
    """Return the markers and duo lines of the network map, ready for json_script."""
    return {
        "cities": [city_feature(city) for city in cities if city.location],
        "duos": [
            duo_line(
                name=duo.name,
                slug=duo.slug,
                start=[duo.french_city.latitude, duo.french_city.longitude],
                end=[duo.partner_city.latitude, duo.partner_city.longitude],
            )
            for duo in duos
            if duo.french_city.location and duo.partner_city.location
        ],
    }


def duo_for_city(city: City) -> Duo | None:
    """Return the published duo the city belongs to, or None."""
    return Duo.objects.published().with_cities().for_city(city).first()


# --- Access: one helper per kind of access to a duo, for pages, the API, exports and reports alike.


def duo_for(user, slug: str) -> Duo:
    """Return the duo the user may see (Duo.objects.visible_to), its cities loaded; Http404 otherwise."""
    duo = Duo.objects.visible_to(user).with_cities().filter(slug=slug).first()
    if duo is None:
        raise Http404("No such duo.")
    return duo


def duo_private_for(user, slug: str) -> Duo:
    """Return the duo whose private content the user may see (its partners, the team); Http404 otherwise, so that
    private pages are not revealed."""
    duo = Duo.objects.with_cities().filter(slug=slug).first()
    if duo is None or not user.has_perm("cities.view_duo_private", duo):
        raise Http404("No such duo.")
    return duo


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
