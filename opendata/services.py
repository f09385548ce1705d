"""The open-data package: every published dataset as a Frictionless Data Package, one workbook and one GeoJSON file.

Only what the public pages show goes in: published cities, duos, assessments and what hangs from them, the public
actions of the plans. Private fields (duo contacts, internal notes, workshop notes, the framework's internal notes,
the notes of indicator values) are never read. Files are written once per build, never per request.
"""

import csv
import hashlib
import io
import json
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from assessments.models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Framework,
    Indicator,
    IndicatorValue,
    Initiative,
    Pillar,
    RecommendedAction,
)
from cities.models import City, Duo
from workshops.models import Action, Infrastructure, Milestone

from .dictionary import LICENCE, PLATFORM_SOURCE, RESOURCES
from .models import OpenDataRelease

PACKAGE_NAME = "letsfood-opendata"
MEDIA_FOLDER = "opendata"
RELEASES_KEPT = 20
# A text cell starting with one of these is a formula to a spreadsheet program.
FORMULA_STARTS = ("=", "+", "-", "@")
XLSX_SHEET_TITLE_MAX = 31


class OpenDataError(Exception):
    """The package could not be built."""


# --- Reading the published data ---------------------------------------------------------------------------------


def _point(location) -> tuple[float | None, float | None]:
    """Return (latitude, longitude) of a GeoJSON point, or (None, None) when it is missing or malformed."""
    try:
        longitude, latitude = location["coordinates"][:2]
        return float(latitude), float(longitude)
    except (TypeError, KeyError, ValueError, IndexError):
        return None, None


def _joined(values) -> str:
    return ";".join(str(value) for value in values)


def _published_querysets() -> dict:
    """Return the querysets that decide what is public, shared by every resource that refers to them."""
    cities = City.objects.published()
    duos = Duo.objects.published().filter(french_city__in=cities, partner_city__in=cities)
    assessments = Assessment.objects.published()
    frameworks = Framework.objects.filter(Q(is_active=True) | Q(assessments__in=assessments)).distinct()
    actions = Action.objects.visible_to(AnonymousUser()).filter(Q(duo__in=duos) | Q(territory__in=cities))
    return {"cities": cities, "duos": duos, "assessments": assessments, "frameworks": frameworks, "actions": actions}


def package_tables() -> dict[str, list[dict]]:
    """Return the rows of every resource, keyed by resource name, in a number of queries that does not grow."""
    q = _published_querysets()
    tables: dict[str, list[dict]] = {}

    tables["cities"] = []
    for city in q["cities"].order_by("slug"):
        latitude, longitude = _point(city.location)
        tables["cities"].append(
            {
                "slug": city.slug,
                "name_en": city.name_en,
                "name_fr": city.name_fr,
                "country": city.country.code,
                "kind": city.kind,
                "role": city.role,
                "latitude": latitude,
                "longitude": longitude,
                "location_source": city.location_source,
                "population": city.population,
                "population_year": city.population_year,
                "population_unit": city.population_unit,
                "population_source": city.population_source,
                "mufpp_signed": city.mufpp_signed,
                "languages": city.languages,
                "timezone": city.timezone,
                "description_en": city.description_en,
                "description_fr": city.description_fr,
            }
        )

    tables["duos"] = [
        {
            "slug": duo.slug,
            "name_en": duo.name_en,
            "name_fr": duo.name_fr,
            "french_city": duo.french_city.slug,
            "partner_city": duo.partner_city.slug,
            "start_year": duo.start_year,
            "phase": duo.phase,
            **{
                f"{phase}_{end}": getattr(duo, f"{phase}_{end}")
                for phase in ("assessment", "mission", "monitoring")
                for end in ("start", "end")
            },
            "existing_cooperation_en": duo.existing_cooperation_en,
            "existing_cooperation_fr": duo.existing_cooperation_fr,
            "description_en": duo.description_en,
            "description_fr": duo.description_fr,
        }
        for duo in q["duos"].select_related("french_city", "partner_city").order_by("slug")
    ]

    tables["frameworks"] = [
        {
            "slug": framework.slug,
            "name_en": framework.name_en,
            "name_fr": framework.name_fr,
            "version": framework.version,
            "description_en": framework.description_en,
            "description_fr": framework.description_fr,
            "source": framework.source,
        }
        for framework in q["frameworks"].order_by("slug")
    ]

    tables["pillars"] = [
        {"code": pillar.code, "order": pillar.order, "name_en": pillar.name_en, "name_fr": pillar.name_fr}
        for pillar in Pillar.objects.order_by("order", "code")
    ]

    tables["categories"] = [
        {
            "framework": category.framework.slug,
            "code": category.code,
            "order": category.order,
            "name_en": category.name_en,
            "name_fr": category.name_fr,
            "short_name_en": category.short_name_en,
            "short_name_fr": category.short_name_fr,
            "description_en": category.description_en,
            "description_fr": category.description_fr,
            "source": category.source,
        }
        for category in Category.objects.filter(framework__in=q["frameworks"])
        .select_related("framework")
        .order_by("framework__slug", "order", "code")
    ]

    tables["recommended_actions"] = [
        {
            "framework": action.framework.slug,
            "number": action.number,
            "category": action.category.code,
            "title_en": action.title_en,
            "title_fr": action.title_fr,
            "short_title_en": action.short_title_en,
            "short_title_fr": action.short_title_fr,
            "verified": action.verified,
            "source": action.source,
        }
        for action in RecommendedAction.objects.filter(framework__in=q["frameworks"])
        .select_related("framework", "category")
        .order_by("framework__slug", "number")
    ]

    tables["indicators"] = [
        {
            "framework": indicator.framework.slug,
            "code": indicator.code,
            "number": indicator.number,
            "category": indicator.category.code,
            "name_en": indicator.name_en,
            "name_fr": indicator.name_fr,
            "description_en": indicator.description_en,
            "description_fr": indicator.description_fr,
            "method_en": indicator.method_en,
            "method_fr": indicator.method_fr,
            "unit": indicator.unit,
            "value_type": indicator.value_type,
            "scale_min": indicator.scale_min,
            "scale_max": indicator.scale_max,
            "direction": indicator.direction,
            "per_capita": indicator.per_capita,
            "recommended_actions": _joined(action.number for action in indicator.actions.all()),
            "verified": indicator.verified,
            "source": indicator.source,
        }
        for indicator in Indicator.objects.filter(framework__in=q["frameworks"])
        .select_related("framework", "category")
        .prefetch_related(Prefetch("actions", RecommendedAction.objects.order_by("number")))
        .order_by("framework__slug", "number", "code")
    ]

    tables["assessments"] = [
        {
            "slug": assessment.slug,
            "city": assessment.city.slug,
            "framework": assessment.framework.slug,
            "year": assessment.year,
            "edition": assessment.edition,
            "summary_en": assessment.summary_en,
            "summary_fr": assessment.summary_fr,
            "published_at": assessment.published_at,
            "demonstration_data": assessment.is_demo,
        }
        for assessment in q["assessments"].select_related("city", "framework").order_by("slug")
    ]

    tables["category_ratings"] = [
        {
            "assessment": reading.assessment.slug,
            "framework": reading.category.framework.slug,
            "category": reading.category.code,
            "rating": reading.rating,
            "rating_rationale_en": reading.rating_rationale_en,
            "rating_rationale_fr": reading.rating_rationale_fr,
            "challenges_en": reading.challenges_en,
            "challenges_fr": reading.challenges_fr,
            "strengths_en": reading.strengths_en,
            "strengths_fr": reading.strengths_fr,
        }
        for reading in CategoryAssessment.objects.filter(assessment__in=q["assessments"])
        .select_related("assessment", "category__framework")
        .order_by("assessment__slug", "category__order", "category__code")
    ]

    tables["indicator_values"] = [
        _indicator_value_row(value)
        for value in IndicatorValue.objects.filter(assessment__in=q["assessments"])
        .select_related("assessment", "indicator__framework")
        .order_by("assessment__slug", "indicator__number", "indicator__code")
    ]

    tables["challenges"] = [
        {
            "id": challenge.pk,
            "assessment": challenge.assessment.slug,
            "framework": challenge.category.framework.slug,
            "category": challenge.category.code,
            "title_en": challenge.title_en,
            "title_fr": challenge.title_fr,
            "description_en": challenge.description_en,
            "description_fr": challenge.description_fr,
            "severity": challenge.severity,
            "recommended_actions": _joined(action.number for action in challenge.actions.all()),
        }
        for challenge in Challenge.objects.filter(assessment__in=q["assessments"])
        .select_related("assessment", "category__framework")
        .prefetch_related(Prefetch("actions", RecommendedAction.objects.order_by("number")))
        .order_by("id")
    ]

    tables["initiatives"] = []
    for initiative in (
        Initiative.objects.published()
        .select_related("assessment__city", "organisation")
        .prefetch_related(
            Prefetch("categories", Category.objects.order_by("order", "code")),
            Prefetch("actions", RecommendedAction.objects.order_by("number")),
            Prefetch("pillars", Pillar.objects.order_by("order", "code")),
        )
        .order_by("ref")
    ):
        latitude, longitude = _point(initiative.location)
        tables["initiatives"].append(
            {
                "ref": initiative.ref,
                "assessment": initiative.assessment.slug,
                "city": initiative.assessment.city.slug,
                "title_en": initiative.title_en,
                "title_fr": initiative.title_fr,
                "description_en": initiative.description_en,
                "description_fr": initiative.description_fr,
                "categories": _joined(category.code for category in initiative.categories.all()),
                "recommended_actions": _joined(action.number for action in initiative.actions.all()),
                "pillars": _joined(pillar.code for pillar in initiative.pillars.all()),
                "actor_type": initiative.actor_type,
                "organisation": initiative.organisation.name if initiative.organisation else "",
                "latitude": latitude,
                "longitude": longitude,
                "website": initiative.website,
                "start_year": initiative.start_year,
                "status": initiative.status,
                "demonstration_data": initiative.assessment.is_demo,
            }
        )

    tables["actions"] = [
        {
            "id": action.pk,
            "duo": action.duo.slug if action.duo else "",
            "territory": action.territory.slug if action.territory else "",
            "title_en": action.title_en,
            "title_fr": action.title_fr,
            "description_en": action.description_en,
            "description_fr": action.description_fr,
            "status": action.status,
            "budget": action.budget,
            "currency": action.currency if action.budget is not None else "",
            "funding_source": action.funding_source,
            "start": action.start,
            "end": action.end,
            "owners": _joined(owner.name for owner in action.owners.all()),
            "indicators": _joined(indicator.code for indicator in action.indicators.all()),
            "recommended_actions": _joined(item.number for item in action.recommended_actions.all()),
            "demonstration_data": action.is_demo,
        }
        for action in q["actions"]
        .select_related("duo", "territory")
        .prefetch_related("owners", "indicators", "recommended_actions")
        .order_by("id")
    ]

    tables["milestones"] = [
        {
            "id": milestone.pk,
            "action": milestone.action_id,
            "title": milestone.title,
            "due": milestone.due,
            "done_on": milestone.done_on,
        }
        for milestone in Milestone.objects.filter(action__in=q["actions"]).order_by("id")
    ]

    tables["infrastructure"] = []
    for item in Infrastructure.objects.filter(city__in=q["cities"]).select_related("city").order_by("id"):
        latitude, longitude = _point(item.location)
        tables["infrastructure"].append(
            {
                "id": item.pk,
                "city": item.city.slug,
                "kind": item.kind,
                "name": item.name,
                "owner": item.owner,
                "capacity": item.capacity,
                "status": item.status,
                "latitude": latitude,
                "longitude": longitude,
                "demonstration_data": item.is_demo,
            }
        )
    return tables


def _indicator_value_row(value: IndicatorValue) -> dict:
    """Return one indicator value; a 'no data' row carries no value, unit, year or confidence."""
    row = {
        "assessment": value.assessment.slug,
        "framework": value.indicator.framework.slug,
        "indicator": value.indicator.code,
        "no_data": not value.has_value,
        "value_number": None,
        "value_boolean": None,
        "value_text": "",
        "unit": "",
        "reference_year": None,
        "source_title": value.source_title,
        "source_url": value.source_url,
        "confidence": "",
        "licence": value.licence,
        "demonstration_data": value.assessment.is_demo,
    }
    if value.has_value:
        row.update(
            value_number=value.value_number,
            value_boolean=value.value_boolean,
            value_text=value.value_text,
            unit=value.unit or value.indicator.unit,
            reference_year=value.reference_year,
            confidence=value.confidence,
        )
    return row


# --- Writing the files -----------------------------------------------------------------------------------------


def _plain_number(value) -> str:
    """Return a number as plain text: dot decimal, no thousands separator, never scientific notation."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def csv_cell(value) -> str:
    """Return the CSV text of a value (booleans true/false, ISO dates, plain numbers, empty for none)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return _plain_number(value)
    return str(value)


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return csv_cell(value)
    return value


def _csv_bytes(resource, rows: list[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = [column.name for column in resource.columns]
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in names])
    return buffer.getvalue().encode("utf-8")


def package_descriptor(*, stamp: str, created: datetime) -> dict:
    """Return the datapackage.json of a build: the licence, the sources and every resource's Table Schema."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Let's Food Cities open data",
        "title_fr": "Données ouvertes de Let's Food Cities",
        "description": (
            "The published data of the Let's Food Cities programme: cities, duos, assessment frameworks, "
            "assessments, indicator values with their provenance, initiatives, action plans and food infrastructure. "
            "CSV files are raw data: a text cell may start with = + - or @; import them as text in a spreadsheet, "
            "or use the XLSX workbook, where such cells are marked as text."
        ),
        "description_fr": (
            "Les données publiées du programme Let's Food Cities : villes, binômes, référentiels, diagnostics, "
            "valeurs des indicateurs et leur provenance, initiatives, plans d'action et infrastructures alimentaires. "
            "Les fichiers CSV sont des données brutes : une cellule peut commencer par = + - ou @ ; importez-les "
            "comme du texte dans un tableur, ou utilisez le classeur XLSX, où ces cellules sont marquées comme texte."
        ),
        "version": stamp,
        "created": created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENCE],
        "sources": [PLATFORM_SOURCE],
        "citation": citation(stamp=stamp),
        "resources": [resource.descriptor() for resource in RESOURCES],
    }


def citation(*, stamp: str) -> str:
    """Return how to cite one version of the package."""
    return f"Let's Food Cities open data, Let's Food association, version {stamp}, licence ODbL-1.0."


def _xlsx_cell(sheet, value):
    if isinstance(value, datetime):
        value = csv_cell(value)  # Excel has no time zone: the UTC ISO text, as in the CSV
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        # Stored as text with Excel's quote prefix (the apostrophe a user would type): never run as a formula.
        cell = WriteOnlyCell(sheet, value=None)
        cell._value = value
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _xlsx_bytes(tables: dict[str, list[dict]]) -> bytes:
    workbook = Workbook(write_only=True)
    for resource in RESOURCES:
        sheet = workbook.create_sheet(resource.name[:XLSX_SHEET_TITLE_MAX])
        names = [column.name for column in resource.columns]
        sheet.append(names)
        for row in tables[resource.name]:
            sheet.append([_xlsx_cell(sheet, row[name]) for name in names])
    dictionary = workbook.create_sheet("dictionary")
    dictionary.append(["resource", "column", "type", "unit", "constraints", "description", "description_fr"])
    for resource in RESOURCES:
        for column in resource.columns:
            dictionary.append(
                [
                    _xlsx_cell(dictionary, value)
                    for value in (
                        resource.name,
                        column.name,
                        column.type,
                        column.unit,
                        column.constraint_text(),
                        column.en,
                        column.fr,
                    )
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Resources drawn on a map, with the column that names each feature.
LOCATED = {"cities": "slug", "initiatives": "ref", "infrastructure": "id"}


def _geojson_bytes(tables: dict[str, list[dict]]) -> bytes:
    features = []
    for name, key in LOCATED.items():
        for row in tables[name]:
            if row["latitude"] is None or row["longitude"] is None:
                continue
            properties = {
                "resource": name,
                **{k: _json_value(v) for k, v in row.items() if k not in {"latitude", "longitude"}},
            }
            features.append(
                {
                    "type": "Feature",
                    "id": f"{name}/{row[key]}",
                    "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                    "properties": properties,
                }
            )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H%M%SZ")


def _write(path: Path, content: bytes) -> None:
    """Write the file whole or not at all: a reader never downloads half a file."""
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(content)
    partial.replace(path)


def package_files_build(*, directory: Path, moment: datetime | None = None) -> dict[str, Path]:
    """Write the zip, the workbook and the GeoJSON of the published data in the folder; return them by kind."""
    moment = moment or timezone.now()
    stamp = _stamp(moment)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tables = package_tables()
    stem = f"{PACKAGE_NAME}-{stamp}"
    suffix = 1
    while any((directory / f"{stem}.{kind}").exists() for kind in ("zip", "xlsx", "geojson")):
        suffix += 1  # two builds in the same second: never overwrite a release's files
        stem = f"{PACKAGE_NAME}-{stamp}-{suffix}"

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as package:
        descriptor = package_descriptor(stamp=stamp, created=moment)
        package.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2))
        for resource in RESOURCES:
            package.writestr(resource.path, _csv_bytes(resource, tables[resource.name]))

    files = {
        "zip": directory / f"{stem}.zip",
        "xlsx": directory / f"{stem}.xlsx",
        "geojson": directory / f"{stem}.geojson",
    }
    _write(files["zip"], archive.getvalue())
    _write(files["xlsx"], _xlsx_bytes(tables))
    _write(files["geojson"], _geojson_bytes(tables))
    return files


def package_build(*, directory: Path) -> Path:
    """Write the package of the published data (with its workbook and GeoJSON alongside); return the zip's path."""
    return package_files_build(directory=directory)["zip"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def release_build() -> OpenDataRelease:
    """Build the package into the media folder, record it as the latest release, and drop the oldest releases."""
    media_root = Path(settings.MEDIA_ROOT)
    moment = timezone.now()
    files = package_files_build(directory=media_root / MEDIA_FOLDER, moment=moment)
    release = OpenDataRelease.objects.create(
        created_at=moment,
        files={kind: path.relative_to(media_root).as_posix() for kind, path in files.items()},
        sizes={kind: path.stat().st_size for kind, path in files.items()},
        checksum=_sha256(files["zip"]),
    )
    _releases_prune(media_root=media_root)
    return release


def _releases_prune(*, media_root: Path) -> None:
    """Delete the releases beyond the most recent ones, with their files (a burst of edits makes many)."""
    old = list(OpenDataRelease.objects.latest_first()[RELEASES_KEPT:])
    for release in old:
        for name in release.files.values():
            (media_root / name).unlink(missing_ok=True)
    OpenDataRelease.objects.filter(pk__in=[release.pk for release in old]).delete()
