"""Side-effecting operations on cities and duos."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from .models import City, Duo


class CityError(Exception):
    """A city or duo operation could not be carried out."""


@dataclass(frozen=True)
class LoadResult:
    created: int
    existing: int


def _parse_int(value: str, field: str, name: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise CityError(f"{name}: {field} {value!r} is not a whole number.") from exc


def _parse_point(lat: str, lon: str, name: str) -> dict:
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError as exc:
        raise CityError(f"{name}: coordinates {lat!r}, {lon!r} are not numbers.") from exc
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise CityError(f"{name}: coordinates {latitude}, {longitude} are out of range.")
    return {"type": "Point", "coordinates": [longitude, latitude]}


@transaction.atomic
def reference_cities_load(*, rows: list[dict]) -> tuple[LoadResult, LoadResult]:
    """Create the cities and duos of the reference rows that do not exist yet; leave existing ones untouched."""
    cities: dict[str, City] = {}
    created = existing = 0
    for row in rows:
        name = row["name"].strip()
        city, was_created = City.objects.get_or_create(
            slug=slugify(name),
            defaults={
                "name_en": name,
                "name_fr": (row.get("name_fr") or name).strip(),
                "country": row["country_code"].strip().upper(),
                "kind": City.Kind.CITY,
                "role": City.Role(row["role"].strip()),
                "location": _parse_point(row["lat"], row["lon"], name),
                "location_source": row["source"].strip(),
                "population": _parse_int(row["population"], "population", name),
                "population_year": _parse_int(row["population_year"], "population year", name),
                "population_unit": row["population_unit"].strip(),
                "population_source": row["source"].strip(),
                "mufpp_signed": _parse_int(row.get("mufpp_signed", ""), "MUFPP signature year", name),
                "languages": (row.get("languages") or "").strip(),
                "timezone": (row.get("timezone") or "Europe/Paris").strip(),
            },
        )
        cities[name] = city
        created, existing = created + was_created, existing + (not was_created)

    duo_created = duo_existing = 0
    for row in rows:
        if row["role"].strip() != City.Role.FRENCH:
            continue
        french, partner_name = cities[row["name"].strip()], row["duo_partner"].strip()
        if partner_name not in cities:
            raise CityError(f"{french}: duo partner {partner_name!r} is not among the cities.")
        partner = cities[partner_name]
        _, was_created = Duo.objects.get_or_create(
            french_city=french,
            partner_city=partner,
            defaults={
                "slug": slugify(f"{french.name_en} {partner.name_en}"),
                "name_en": f"{french.name_en} – {partner.name_en}",
                "name_fr": f"{french.name_fr} – {partner.name_fr}",
            },
        )
        duo_created, duo_existing = duo_created + was_created, duo_existing + (not was_created)
    return LoadResult(created, existing), LoadResult(duo_created, duo_existing)
