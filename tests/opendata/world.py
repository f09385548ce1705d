"""Builders of published and private data for the open-data tests, and readers of a built package."""

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from assessments.models import Assessment
from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    ChallengeFactory,
    DuoContactFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InfrastructureFactory,
    InitiativeFactory,
    PillarFactory,
    RecommendedActionFactory,
)
from tests.workshops.plan_data import action_for, workshop_for

# Strings planted in drafts and private fields: none may reach any file of the package.
PRIVATE = "PRIVATE-MARKER-7Q2"
DRAFT = "DRAFT-MARKER-9K4"


def published_assessment(city, *, framework, year: int, value=Decimal("12.5")) -> Assessment:
    """A published assessment of the city with one rating, one value, one challenge and one located initiative."""
    assessment = AssessmentFactory(
        city=city, framework=framework, year=year, status=Assessment.Status.PUBLISHED, published_at=timezone.now()
    )
    indicator = IndicatorFactory(category__framework=framework, unit="kg/person/year")
    action = RecommendedActionFactory(category=indicator.category)
    indicator.actions.add(action)
    IndicatorValueFactory(
        assessment=assessment,
        indicator=indicator,
        value_number=value,
        reference_year=2019,
        source_title="National statistics",
        confidence="high",
        note=f"{PRIVATE} internal note on the value",
    )
    CategoryAssessmentFactory(assessment=assessment, category=indicator.category, rating=6, rating_rationale_en="Why.")
    ChallengeFactory(assessment=assessment, category=indicator.category).actions.add(action)
    initiative = InitiativeFactory(assessment=assessment)
    initiative.categories.add(indicator.category)
    initiative.pillars.add(PillarFactory())
    return assessment


def plan_of(duo) -> None:
    """A public action with a milestone and a located infrastructure in the duo's partner city."""
    action_for(
        duo,
        title="School canteens source locally",
        milestones=[("Tender published", dt.date(2026, 6, 1), None)],
        budget=Decimal("15000.00"),
    )
    InfrastructureFactory(
        city=duo.partner_city,
        kind="mill",
        name="Mill of Bab Ftouh",
        location={"type": "Point", "coordinates": [-4.97, 34.06]},
    )


def private_things(duo, *, framework) -> Assessment:
    """A draft assessment and private fields, each carrying a marker string; return the draft."""
    draft = AssessmentFactory(city=duo.partner_city, framework=framework, year=2031, summary_en=f"{DRAFT} summary")
    indicator = IndicatorFactory(category__framework=framework, note=f"{PRIVATE} indicator note")
    IndicatorValueFactory(assessment=draft, indicator=indicator, source_title=f"{DRAFT} source")
    ChallengeFactory(assessment=draft, category=indicator.category, title_en=f"{DRAFT} challenge")
    InitiativeFactory(assessment=draft, title_en=f"{DRAFT} initiative")
    RecommendedActionFactory(category=indicator.category, note=f"{PRIVATE} action note")
    DuoContactFactory(
        duo=duo, city=duo.french_city, name=f"{PRIVATE} contact", email="private@example.org", notes=f"{PRIVATE} notes"
    )
    action_for(duo, title="Public title", internal_notes=f"{PRIVATE} internal notes of an action")
    hidden = workshop_for(duo.french_city, published=False, private_notes=f"{PRIVATE} workshop notes")
    action_for(duo, title=f"{PRIVATE} action from an unpublished workshop", workshop=hidden)
    return draft


def package_texts(zip_path: Path) -> dict[str, str]:
    """Return the text of every file of a build (the zip's members, the workbook's XML parts, the GeoJSON)."""
    texts = {}
    for path in (zip_path, zip_path.with_suffix(".xlsx")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                texts[f"{path.suffix}:{name}"] = archive.read(name).decode("utf-8")
    texts["geojson"] = zip_path.with_suffix(".geojson").read_text(encoding="utf-8")
    return texts


def package_csv(zip_path: Path, resource: str) -> list[dict]:
    """Return the rows of one resource of the package."""
    import csv

    with zipfile.ZipFile(zip_path) as archive:
        text = archive.read(f"data/{resource}.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def package_descriptor(zip_path: Path) -> dict:
    with zipfile.ZipFile(zip_path) as archive:
        return json.loads(archive.read("datapackage.json"))
