"""Load the programme's reference data: the 14 cities and 7 duos, and the MUFPP framework. Safe to run again."""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.services import AssessmentError, framework_load_mufpp
from cities.services import CityError, reference_cities_load
from newsletter.services import topics_sync

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "reference"


class Command(BaseCommand):
    help = "Create the reference cities, duos and MUFPP framework that are missing (existing records are kept)."

    def handle(self, *args, **options):
        with (REFERENCE_DIR / "cities.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        data = json.loads((REFERENCE_DIR / "mufpp.json").read_text(encoding="utf-8"))
        try:
            cities, duos = reference_cities_load(rows=rows)
            framework = framework_load_mufpp(data=data)
            topics = topics_sync()
        except (CityError, AssessmentError, KeyError, ValueError) as exc:
            raise CommandError(f"Reference data not loaded, nothing was changed: {exc}") from exc
        self.stdout.write(
            f"Cities: {cities.created} created, {cities.existing} already there. "
            f"Duos: {duos.created} created, {duos.existing} already there. "
            "Framework records created: "
            + (", ".join(f"{k} {v}" for k, v in sorted(framework.items())) or "none")
            + f". Newsletter topics created: {topics}."
        )
