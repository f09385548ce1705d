"""Illustrative assessments for a local run: one per city, labelled as demonstration data, never measurements.

Where the programme's reference material gives real facts (the COOPALIM follow-up of the Montpellier–Fez and
Grenoble–Sfax cooperations), they are used; everything else is invented for illustration and flagged `is_demo`.
"""

import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assessments.models import (
    Assessment,
    CategoryAssessment,
    Challenge,
    Framework,
    Indicator,
    IndicatorValue,
    Initiative,
    Pillar,
)
from assessments.services import MUFPP_SLUG, assessment_categories_ensure
from cities.models import City, Duo

DEMO_YEAR = 2019
DEMO_SOURCE = "Illustrative value (demonstration data)"

# (title_en, title_fr, categories, pillar codes, actor type)
INITIATIVES = [
    (
        "School canteens sourcing local organic food",
        "Cantines scolaires approvisionnées en bio local",
        ["sustainable_diets_nutrition", "food_production"],
        ["produce-local-and-good-food", "eat-well-and-smart"],
        "public",
    ),
    (
        "Farmers' market of short supply chains",
        "Marché de producteurs en circuit court",
        ["food_supply_distribution"],
        ["add-value-locally", "trade-at-fair-prices"],
        "association",
    ),
    (
        "Food bank collecting unsold food",
        "Banque alimentaire collectant les invendus",
        ["food_waste", "social_economic_equity"],
        ["reduce-and-manage-food-waste"],
        "association",
    ),
    (
        "Urban agriculture on rooftops and vacant lots",
        "Agriculture urbaine sur les toits et les friches",
        ["food_production"],
        ["produce-local-and-good-food"],
        "association",
    ),
    (
        "Municipal food policy council",
        "Conseil municipal de politique alimentaire",
        ["governance"],
        ["ensure-inclusive-governance"],
        "public",
    ),
    (
        "Shared logistics platform for small producers",
        "Plateforme logistique mutualisée pour petits producteurs",
        ["food_supply_distribution"],
        ["mutualize-transport"],
        "private",
    ),
    (
        "Composting of market and restaurant biowaste",
        "Compostage des biodéchets des marchés et des restaurants",
        ["food_waste"],
        ["reduce-and-manage-food-waste"],
        "private",
    ),
    (
        "Research programme on urban diets",
        "Programme de recherche sur les régimes alimentaires urbains",
        ["sustainable_diets_nutrition"],
        ["eat-well-and-smart"],
        "research",
    ),
    (
        "Solidarity grocery with income-based prices",
        "Épicerie solidaire à prix modulés selon les revenus",
        ["social_economic_equity"],
        ["trade-at-fair-prices"],
        "association",
    ),
]

# (category, title_en, title_fr, severity)
CHALLENGES = [
    ("governance", "Food policy split between departments", "Politique alimentaire éclatée entre services", "medium"),
    (
        "sustainable_diets_nutrition",
        "Rise of diet-related diseases",
        "Hausse des maladies liées à l'alimentation",
        "high",
    ),
    (
        "social_economic_equity",
        "Food insecurity of low-income households",
        "Insécurité alimentaire des ménages modestes",
        "high",
    ),
    (
        "food_production",
        "Farmland lost to urban sprawl",
        "Terres agricoles perdues au profit de l'étalement urbain",
        "critical",
    ),
    (
        "food_supply_distribution",
        "Dependence on distant supply chains",
        "Dépendance à des chaînes d'approvisionnement lointaines",
        "medium",
    ),
    ("food_waste", "Large losses in wholesale markets", "Pertes importantes sur les marchés de gros", "medium"),
]

REAL_COOPERATIONS = {
    ("montpellier", "fez"): (
        "The COOPALIM project (2020–2022) continued the cooperation around a farmers' market.",
        "Le projet COOPALIM (2020-2022) a prolongé la coopération autour d'un marché de producteurs.",
    ),
    ("grenoble", "sfax"): (
        "The COOPALIM project (2020–2022) continued the cooperation between the two cities.",
        "Le projet COOPALIM (2020-2022) a prolongé la coopération entre les deux villes.",
    ),
}


def _illustrative_value(indicator: Indicator, rng: random.Random) -> dict:
    if rng.random() < 0.3:
        return {"no_data": True}
    if indicator.value_type == Indicator.ValueType.BOOLEAN:
        return {"value_boolean": rng.random() < 0.5}
    if indicator.value_type == Indicator.ValueType.PERCENTAGE:
        return {"value_number": Decimal(rng.randint(20, 950)) / 10}
    if indicator.value_type == Indicator.ValueType.SCALE:
        return {"value_number": Decimal(rng.randint(indicator.scale_min, indicator.scale_max))}
    if indicator.value_type == Indicator.ValueType.TEXT:
        return {"value_text": "Illustrative description"}
    return {"value_number": Decimal(rng.randint(10, 5000))}


def _jitter(city: City, rng: random.Random) -> dict:
    return {
        "type": "Point",
        "coordinates": [city.longitude + rng.uniform(-0.04, 0.04), city.latitude + rng.uniform(-0.03, 0.03)],
    }


@transaction.atomic
def demo_assessments_load() -> int:
    """Create one illustrative assessment per city (Sfax stays a draft for the student journey); return the count."""
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    categories = {category.code: category for category in framework.categories.all()}
    pillars = {pillar.code: pillar for pillar in Pillar.objects.all()}
    indicators = list(framework.indicators.all())
    created = 0
    for city in City.objects.filter(role__in=[City.Role.FRENCH, City.Role.PARTNER]):
        if Assessment.objects.filter(city=city, framework=framework, year=DEMO_YEAR).exists():
            continue
        rng = random.Random(city.slug)
        status = Assessment.Status.DRAFT if city.slug == "sfax" else Assessment.Status.PUBLISHED
        assessment = Assessment.objects.create(
            city=city,
            framework=framework,
            year=DEMO_YEAR,
            status=status,
            published_at=timezone.now() if status == Assessment.Status.PUBLISHED else None,
            is_demo=True,
            summary_en=f"Illustrative assessment of the food system of {city.name_en}, for demonstration only.",
            summary_fr=f"Diagnostic illustratif du système alimentaire de {city.name_fr}, pour démonstration.",
        )
        assessment_categories_ensure(assessment=assessment)
        for reading in CategoryAssessment.objects.filter(assessment=assessment).select_related("category"):
            rating = rng.randint(2, 9)
            reading.rating = rating
            reading.rating_rationale_en = f"Illustrative rating {rating}/10 (demonstration data)."
            reading.rating_rationale_fr = f"Note illustrative {rating}/10 (données de démonstration)."
            reading.strengths_en = "Illustrative strengths: active local actors."
            reading.strengths_fr = "Forces illustratives : des acteurs locaux actifs."
            reading.challenges_en = "Illustrative challenges: see the list of challenges."
            reading.challenges_fr = "Enjeux illustratifs : voir la liste des enjeux."
            reading.save()
        bulk_create_with_history(
            [
                IndicatorValue(
                    assessment=assessment,
                    indicator=indicator,
                    reference_year=DEMO_YEAR - rng.randint(0, 4),
                    unit=indicator.unit,
                    source_title=DEMO_SOURCE,
                    confidence=rng.choice(["high", "medium", "low"]),
                    **_illustrative_value(indicator, rng),
                )
                for indicator in indicators
            ],
            IndicatorValue,
        )
        for code, title_en, title_fr, severity in rng.sample(CHALLENGES, 3):
            challenge = Challenge.objects.create(
                assessment=assessment,
                category=categories[code],
                title_en=title_en,
                title_fr=title_fr,
                severity=severity,
                description_en="Illustrative challenge (demonstration data).",
                description_fr="Enjeu illustratif (données de démonstration).",
            )
            actions = list(framework.actions.filter(category__code=code))
            # A separate generator, so that linking actions leaves the rest of the illustrative content unchanged.
            links = random.Random(f"{city.slug}-{code}")
            challenge.actions.set(links.sample(actions, min(2, len(actions))))
        for title_en, title_fr, category_codes, pillar_codes, actor in rng.sample(INITIATIVES, 4):
            initiative = Initiative.objects.create(
                assessment=assessment,
                title_en=f"{title_en} ({city.name_en})",
                title_fr=f"{title_fr} ({city.name_fr})",
                description_en="Illustrative initiative (demonstration data).",
                description_fr="Initiative illustrative (données de démonstration).",
                actor_type=actor,
                location=_jitter(city, rng),
                start_year=rng.randint(2008, 2019),
            )
            initiative.categories.set([categories[code] for code in category_codes])
            initiative.pillars.set([pillars[code] for code in pillar_codes if code in pillars])
            initiative.actions.set(framework.actions.filter(category__code__in=category_codes)[:2])
        created += 1
    for (french, partner), (text_en, text_fr) in REAL_COOPERATIONS.items():
        Duo.objects.filter(french_city__slug=french, partner_city__slug=partner, existing_cooperation_en="").update(
            existing_cooperation_en=text_en, existing_cooperation_fr=text_fr
        )
    return created
