"""Fixtures of the report tests: a temporary media directory and a published city with a rated assessment."""

from pathlib import Path

import pytest
from django.utils import timezone

from assessments.models import Assessment
from tests.factories import AssessmentFactory, CategoryAssessmentFactory, CityFactory


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """A MEDIA_ROOT of the test's own: the files the reports leave are counted, then thrown away."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def rated_city(db):
    """Annecy, published, with a published assessment of one rated category."""
    city = CityFactory(name_en="Annecy", name_fr="Annecy")
    assessment = AssessmentFactory(
        city=city, year=2024, status=Assessment.Status.PUBLISHED, published_at=timezone.now()
    )
    CategoryAssessmentFactory(assessment=assessment, rating=6)
    return city
