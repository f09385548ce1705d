"""Points on the map as plain data: a GeoJSON point in a JSON column, its form field and admin widget, and the rule
that keeps a point near its territory. Nothing here needs a GIS library."""

import math
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
TERRITORY_ZOOM = 11  # a whole city and its surroundings


def make_point(latitude: float, longitude: float) -> dict:
    """Return the GeoJSON point at these coordinates (GeoJSON puts the longitude first)."""
    return {"type": "Point", "coordinates": [float(longitude), float(latitude)]}


def point_coordinates(value) -> tuple[float, float] | None:
    """Return (latitude, longitude) of a stored GeoJSON point, or None when there is none."""
    if not value:
        return None
    longitude, latitude = value["coordinates"][:2]
    return float(latitude), float(longitude)


def validate_point(value) -> None:
    """Refuse anything but a GeoJSON point with a longitude within ±180 and a latitude within ±90."""
    try:
        kind, coordinates = value.get("type"), value.get("coordinates")
        longitude, latitude = (float(number) for number in coordinates)
        valid = kind == "Point"
    except (AttributeError, TypeError, ValueError):
        valid = False
    if not valid:
        raise ValidationError(_("A location is a point: a latitude and a longitude."), code="invalid_point")
    # Infinite or NaN coordinates fail these comparisons too.
    if not -90 <= latitude <= 90:
        raise ValidationError(_("The latitude must be between -90 and 90."), code="latitude_range")
    if not -180 <= longitude <= 180:
        raise ValidationError(_("The longitude must be between -180 and 180."), code="longitude_range")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance in km between two (latitude, longitude) pairs (haversine formula)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def format_point(latitude: float, longitude: float) -> str:
    """Return a point as people read it on a map: "22.5 E, 30.1 N"."""

    def number(value: float) -> str:
        return f"{round(abs(value), 4):g}"

    return f"{number(longitude)} {'W' if longitude < 0 else 'E'}, {number(latitude)} {'S' if latitude < 0 else 'N'}"


def validate_near_territory(point, territory) -> None:
    """Refuse a point farther than LOCATION_MAX_DISTANCE_KM from its territory (a city with a location).

    A point or a territory without coordinates is not checked here: there is nothing to measure.
    """
    here, centre = point_coordinates(point), point_coordinates(getattr(territory, "location", None))
    if here is None or centre is None:
        return
    limit = settings.LOCATION_MAX_DISTANCE_KM
    distance = distance_km(here, centre)
    if distance > limit:
        raise ValidationError(
            _("%(point)s is %(distance)s km from %(territory)s; a location must be within %(limit)s km of it."),
            code="too_far",
            params={
                "point": format_point(*here),
                "distance": round(distance),
                "territory": territory,
                "limit": limit,
            },
        )


class PointWidget(forms.Widget):
    """A latitude and a longitude input beside a Leaflet map whose marker follows them (static/js/point-widget.js).

    The map opens on the point when there is one, else on `centre` (the object's territory); the page carries no
    inline script: the script reads the data-attributes of the widget, and finds its inputs inside it, so a row that
    the admin's "Add another" clones works as well.
    """

    template_name = "admin/widgets/point.html"

    def __init__(self, attrs=None, centre: tuple[float, float] | None = None, zoom: int = TERRITORY_ZOOM):
        super().__init__(attrs)
        self.centre = centre
        self.zoom = zoom

    class Media:
        css = {"all": ("vendor/leaflet/leaflet.css", "css/point-widget.css")}
        js = ("vendor/leaflet/leaflet.js", "js/point-widget.js")

    def format_value(self, value):
        """Return [latitude, longitude] as the inputs show them, from a stored point or from what was typed."""
        if isinstance(value, (list, tuple)):
            return ["" if part is None else str(part) for part in value]
        try:
            coordinates = point_coordinates(value)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            coordinates = None
        return [f"{number:.6f}".rstrip("0").rstrip(".") for number in coordinates] if coordinates else ["", ""]

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}_latitude", ""), data.get(f"{name}_longitude", "")]

    def value_omitted_from_data(self, data, files, name):
        return f"{name}_latitude" not in data and f"{name}_longitude" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        latitude, longitude = context["widget"]["value"]
        centre = self.centre
        context["widget"].update(
            latitude=latitude,
            longitude=longitude,
            centre_latitude="" if centre is None else centre[0],
            centre_longitude="" if centre is None else centre[1],
            zoom=self.zoom,
            tile_url=settings.MAP_TILE_URL,
            attribution=settings.MAP_ATTRIBUTION,
        )
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The template lives with the project's admin templates, which the form renderer's own engine does not see.
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

    def id_for_label(self, id_):
        return f"{id_}_latitude" if id_ else id_


class PointFormField(forms.Field):
    """A location typed as a latitude and a longitude (both, or neither), cleaned to a GeoJSON point."""

    widget = PointWidget
    default_error_messages = {
        "incomplete": _("Give both the latitude and the longitude, or neither."),
        "not_a_number": _("The %(coordinate)s must be a number in decimal degrees, such as 34.74."),
    }

    def to_python(self, value):
        if isinstance(value, dict) or value is None:
            return value or None
        latitude, longitude = (str(part or "").strip().replace(",", ".") for part in value)
        if not latitude and not longitude:
            return None
        if not latitude or not longitude:
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        numbers = []
        for coordinate, text in ((_("latitude"), latitude), (_("longitude"), longitude)):
            try:
                number = Decimal(text)
            except InvalidOperation:
                number = None
            if number is None or not number.is_finite():
                raise ValidationError(
                    self.error_messages["not_a_number"], code="not_a_number", params={"coordinate": coordinate}
                )
            numbers.append(float(number))
        return make_point(*numbers)

    def validate(self, value):
        super().validate(value)
        if value is not None:
            validate_point(value)

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (initial or None)
        except ValidationError:
            return True


class PointField(models.JSONField):
    """A point on the map, stored as GeoJSON {"type": "Point", "coordinates": [longitude, latitude]} in JSON.

    The column is the JSON column that the earlier GeoJSON field used, so the data and the schema stay as they were.
    """

    description = _("A point on the map (GeoJSON)")
    default_validators = [validate_point]

    def formfield(self, **kwargs):
        # Skip JSONField's own form field: a point is typed as two numbers, not as JSON text.
        return models.Field.formfield(self, **{"form_class": PointFormField, **kwargs})


class LocatedNearTerritory:
    """Model mixin: a `location` farther than LOCATION_MAX_DISTANCE_KM from `location_territory()` is invalid.

    The rule runs with the field checks (clean_fields), so that a form which does not edit the location, and so
    excludes it, is not told about it.
    """

    def location_territory(self):
        """Return the city or territory the location must stay near, or None when it is not known yet."""
        raise NotImplementedError

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "location" not in (exclude or ()) and "location" not in errors:
            try:
                validate_near_territory(self.location, self.location_territory())
            except ValidationError as error:
                errors["location"] = error.error_list
        if errors:
            raise ValidationError(errors)


def validate_outline(value) -> None:
    """Refuse anything but a GeoJSON Polygon or MultiPolygon whose rings are closed, of 4 points or more, in range."""
    message = _("An outline is a GeoJSON Polygon or MultiPolygon of closed rings (longitude, latitude).")
    try:
        kind, coordinates = value.get("type"), value.get("coordinates")
        polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else None
        valid = bool(polygons)
        for polygon in polygons or []:
            for ring in polygon:
                points = [(float(longitude), float(latitude)) for longitude, latitude in ring]
                valid = valid and len(points) >= 4 and points[0] == points[-1]
                valid = valid and all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
    except (AttributeError, TypeError, ValueError):
        valid = False
    if not valid:
        raise ValidationError(message, code="invalid_outline")
