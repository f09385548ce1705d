"""A small programme for the report tests: the reference cities and duos, one published assessment (Lyon), and
the rendering of a document as the report task does it."""

import io
from decimal import Decimal

from django.core.management import call_command

from assessments.models import Assessment, Framework, Initiative
from assessments.services import MUFPP_SLUG
from cities.models import City
from reports import services
from reports.pdf import html_to_pdf
from tests.factories import AssessmentFactory, CategoryAssessmentFactory, IndicatorValueFactory, InitiativeFactory

RATINGS = [7, 4, None, 6, 8, 3]  # one category left unrated


def build_programme() -> Assessment:
    """Load the reference data and publish an assessment of Lyon; Ho Chi Minh City, its partner, has none."""
    call_command("load_reference", stdout=io.StringIO())
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    lyon = City.objects.get(slug="lyon")
    assessment = AssessmentFactory(
        city=lyon,
        framework=framework,
        year=2024,
        status=Assessment.Status.PUBLISHED,
        summary_en="Lyon feeds its schools from regional farms.",
        summary_fr="Lyon nourrit ses écoles avec des fermes de la région.",
    )
    for category, rating in zip(framework.categories.order_by("order"), RATINGS, strict=True):
        CategoryAssessmentFactory(assessment=assessment, category=category, rating=rating)
    first, second = framework.indicators.order_by("number", "code")[:2]
    IndicatorValueFactory(
        assessment=assessment,
        indicator=first,
        value_number=Decimal("42.5"),
        reference_year=2023,
        source_title="Observatoire alimentaire du Grand Lyon",
        source_url="https://example.org/observatoire",
        licence="CC BY 4.0",
        confidence="high",
    )
    IndicatorValueFactory(assessment=assessment, indicator=second, value_number=None, no_data=True)
    initiative = InitiativeFactory(
        assessment=assessment,
        title_en="Solidarity grocery network",
        title_fr="Réseau d'épiceries solidaires",
        description_en="Shops where families on low incomes buy fresh food at a third of its price.",
        description_fr="Des épiceries où les familles modestes achètent des produits frais au tiers du prix.",
        actor_type=Initiative.ActorType.ASSOCIATION,
        photo_credit="Photo Jeanne Martin",
        location=None,
    )
    initiative.categories.add(framework.categories.order_by("order").first())
    return assessment


def render(kind: str, subject: str, language: str) -> bytes:
    """Return the PDF of a document, rendered as the report task does."""
    data = services.report_data(kind=kind, subject=subject, language=language)
    return html_to_pdf(services.report_html(kind=kind, data=data, language=language)).content
