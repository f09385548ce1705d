"""Illustrative assessments for a local run: one per city, labelled as demonstration data, never measurements.

A 2026 follow-up of Fez, Lyon and Montpellier shows change over time from the first run. Where the programme's
reference material gives real facts (the COOPALIM follow-up of the Montpellier–Fez and
Grenoble–Sfax cooperations), they are used; everything else is invented for illustration and flagged `is_demo`.
"""

import random
from dataclasses import dataclass
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


# --- Plausible ranges: an illustrative value is drawn within the order of magnitude of the country's real figures


@dataclass(frozen=True)
class DemoRange:
    """The plausible range of an indicator's values in one country, the unit it is in and where it comes from.

    `per_100k` ranges count per 100,000 inhabitants: a city's range is scaled by its population. The sources give an
    order of magnitude (national or urban figures of recent years), not a measurement of the city.
    """

    low: Decimal
    high: Decimal
    unit: str
    source: str
    per_100k: bool = False
    decimals: int = 0

    def bounds(self, city: City) -> tuple[Decimal, Decimal] | None:
        """Return the range for the city, or None when a per-inhabitant range meets an unknown population."""
        if not self.per_100k:
            return self.low, self.high
        if not city.population:
            return None
        scale = Decimal(city.population) / 100_000
        return (self.low * scale).quantize(Decimal(1)), (self.high * scale).quantize(Decimal(1))


def _ranges(unit: str, source: str, by_country: dict, **options) -> dict[str, DemoRange]:
    return {
        country: DemoRange(Decimal(str(low)), Decimal(str(high)), unit, source, **options)
        for country, (low, high) in by_country.items()
    }


# Per indicator code, per ISO country code of the 14 cities (FR, MX, CL, VN, IR, MA, TN, ZA). A yes/no indicator
# needs no range; a numeric indicator without one (e.g. one the team added) gets 'no data' in the demo, never an
# invented number of unknown magnitude.
DEMO_RANGES: dict[str, dict[str, DemoRange]] = {
    "mufpp-07": _ranges(
        "%",
        "FAO and FHI 360 MDD-W surveys, and the Global Diet Quality Project (2021–2022): share of women aged 15–49 "
        "eating at least 5 of 10 food groups, about 30–60 % in lower-middle-income and 60–90 % in high-income "
        "countries",
        {
            "FR": (60, 90),
            "MX": (45, 80),
            "CL": (50, 85),
            "VN": (40, 75),
            "IR": (40, 75),
            "MA": (40, 75),
            "TN": (40, 75),
            "ZA": (25, 60),
        },
        decimals=1,
    ),
    "mufpp-08": _ranges(
        "households",
        "USDA Food Access Research Atlas and urban food-desert studies: some 2–20 % of a city's households live "
        "far from a shop selling fresh food; with 25,000–45,000 households per 100,000 inhabitants (UN household "
        "size data), about 500–8,000 households per 100,000 inhabitants",
        dict.fromkeys(("FR", "MX", "CL", "VN", "IR", "MA", "TN", "ZA"), (500, 8000)),
        per_100k=True,
    ),
    "mufpp-09": {
        **_ranges(
            "EUR per person per day",
            "FAO SOFI cost of a healthy diet (2021: about 3–4.5 PPP dollars per person per day), converted with the "
            "World Bank's PPP conversion factors",
            {"FR": (2.5, 6)},
            decimals=2,
        ),
        **{
            country: DemoRange(
                Decimal(str(low)),
                Decimal(str(high)),
                f"{currency} per person per day",
                "FAO SOFI cost of a healthy diet (2021: about 3–4.5 PPP dollars per person per day), converted with "
                "the World Bank's PPP conversion factors",
                decimals=decimals,
            )
            for country, (low, high, currency, decimals) in {
                "MX": (30, 90, "MXN", 2),
                "CL": (1000, 4000, "CLP", 0),
                "VN": (20000, 80000, "VND", 0),
                "IR": (100000, 2000000, "IRR", 0),
                "MA": (12, 40, "MAD", 2),
                "TN": (3, 10, "TND", 2),
                "ZA": (20, 70, "ZAR", 2),
            }.items()
        },
    },
    "mufpp-10": _ranges(
        "g/person/day",
        "FAOSTAT food balance sheets (meat supply 2019–2021, kg per person per year ÷ 365, less waste) and national "
        "surveys such as ANSES INCA 3 for France: about 60–90 g a day in Morocco, Tunisia and Iran, 150–250 g in "
        "France, Mexico, Chile, Viet Nam and South Africa",
        {
            "FR": (80, 250),
            "MX": (80, 220),
            "CL": (100, 280),
            "VN": (70, 220),
            "IR": (40, 130),
            "MA": (30, 120),
            "TN": (30, 120),
            "ZA": (70, 220),
        },
    ),
    "mufpp-11": _ranges(
        "adults",
        "IDF Diabetes Atlas, 10th edition (2021): diabetes in 5–8 % of adults in France and Viet Nam, 9–17 % in the "
        "other countries, times the adult share of the population; per 100,000 inhabitants",
        {
            "FR": (3000, 8000),
            "MX": (6000, 15000),
            "CL": (5000, 12000),
            "VN": (2500, 7000),
            "IR": (5000, 11000),
            "MA": (4000, 10000),
            "TN": (4000, 11000),
            "ZA": (5000, 12000),
        },
        per_100k=True,
    ),
    "mufpp-12": _ranges(
        "%",
        "UNICEF, WHO and World Bank Joint Child Malnutrition Estimates (2023 edition): stunting of children under 5, "
        "about 2 % in Chile and France, 6–13 % in Iran, Tunisia, Mexico and Morocco, about 20 % in Viet Nam and "
        "South Africa",
        {
            "FR": (1, 5),
            "MX": (8, 16),
            "CL": (1, 4),
            "VN": (12, 25),
            "IR": (4, 10),
            "MA": (8, 18),
            "TN": (5, 12),
            "ZA": (15, 28),
        },
        decimals=1,
    ),
    "mufpp-13": _ranges(
        "%",
        "WHO Global Health Observatory (adults with a BMI of 25 or more, 2016) and Santé publique France: about "
        "20 % in Viet Nam, 50–65 % in France, Morocco, Tunisia, Iran and South Africa, 65–75 % in Mexico and Chile",
        {
            "FR": (40, 60),
            "MX": (60, 78),
            "CL": (60, 78),
            "VN": (12, 30),
            "IR": (50, 66),
            "MA": (45, 65),
            "TN": (50, 68),
            "ZA": (45, 65),
        },
        decimals=1,
    ),
    "mufpp-14": _ranges(
        "activities",
        "No published statistic: the order of magnitude the MUFPP cities' reports describe, from a few to some "
        "dozens of campaigns, workshops and events a year",
        dict.fromkeys(("FR", "MX", "CL", "VN", "IR", "MA", "TN", "ZA"), (2, 60)),
    ),
}


def demo_range(indicator: Indicator, city: City) -> DemoRange | None:
    """Return the plausible range of the indicator's values in the city's country, or None when none is written."""
    return DEMO_RANGES.get(indicator.code, {}).get(str(city.country))


def _in_range(number: Decimal, plausible: DemoRange, city: City) -> Decimal:
    low, high = plausible.bounds(city)
    return min(high, max(low, number)).quantize(Decimal(1).scaleb(-plausible.decimals))


def _illustrative_value(indicator: Indicator, city: City, rng: random.Random, *, year: int = DEMO_YEAR) -> dict:
    rng.random()  # the draw that once decided 'no data', kept so that the other draws stay as they were
    if random.Random(f"{city.slug}-{indicator.code}-{year}").random() < 0.3:
        return {"no_data": True}
    if indicator.value_type == Indicator.ValueType.BOOLEAN:
        return {"value_boolean": rng.random() < 0.5}
    if indicator.value_type == Indicator.ValueType.TEXT:
        return {"value_text": "Illustrative description"}
    if indicator.value_type == Indicator.ValueType.SCALE:
        return {"value_number": Decimal(rng.randint(indicator.scale_min, indicator.scale_max))}
    plausible = demo_range(indicator, city)
    if plausible is None or plausible.bounds(city) is None:
        return {"no_data": True}
    low, high = plausible.bounds(city)
    number = Decimal(str(rng.uniform(float(low), float(high))))
    return {"value_number": _in_range(number, plausible, city), "unit": plausible.unit}


def _provenance(fields: dict, year: int, rng: random.Random) -> dict:
    """Return the value's fields with its year, confidence and unit, which a 'no data' row does not carry."""
    if fields.get("no_data"):
        return {"no_data": True}
    return {"reference_year": year, "confidence": rng.choice(["high", "medium", "low"]), **fields}


def _leave_a_gap(values: list[IndicatorValue], city: City) -> None:
    """Turn one value into 'no data' when every indicator drew one: no real assessment measures them all."""
    if not values or any(value.no_data for value in values):
        return
    # Its own generator, so that the other draws stay as they were; the same indicator in every edition of the city.
    gap = random.Random(f"{city.slug}-gap").choice(sorted(values, key=lambda value: value.indicator.code))
    gap.value_number, gap.value_boolean, gap.value_text, gap.no_data = None, None, "", True
    gap.clear_when_no_data()


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
        values = [
            IndicatorValue(
                assessment=assessment,
                indicator=indicator,
                source_title=DEMO_SOURCE,
                **_provenance(
                    {"unit": indicator.unit, **_illustrative_value(indicator, city, rng)},
                    DEMO_YEAR - rng.randint(0, 4),
                    rng,
                ),
            )
            for indicator in indicators
        ]
        _leave_a_gap(values, city)
        bulk_create_with_history(values, IndicatorValue)
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


# --- Follow-up editions: change over time from the first run

FOLLOW_UP_YEAR = 2026
FOLLOW_UP_CITIES = ("fez", "lyon", "montpellier")


def _follow_up_value(indicator: Indicator, old: IndicatorValue, city: City, rng: random.Random) -> dict:
    """Return an illustrative re-measurement of a baseline value: most move a little, some were not measured again."""
    if not old.has_value:
        found = _illustrative_value(indicator, city, rng, year=FOLLOW_UP_YEAR)
        return found if rng.random() < 0.5 else {"no_data": True}
    if rng.random() < 0.12:  # copied over, not measured again: the page says it is not compared
        return {
            "value_number": old.value_number,
            "value_boolean": old.value_boolean,
            "value_text": old.value_text,
            "reference_year": old.reference_year,
        }
    if old.value_boolean is not None:
        return {"value_boolean": (not old.value_boolean) if rng.random() < 0.3 else old.value_boolean}
    if old.value_number is None:
        return {"value_text": old.value_text}
    if indicator.value_type == Indicator.ValueType.SCALE:
        number = min(indicator.scale_max, max(indicator.scale_min, int(old.value_number) + rng.choice([-1, 1])))
        return {"value_number": Decimal(number)}
    number = old.value_number * Decimal(str(round(1 + rng.uniform(-0.3, 0.35), 2)))
    plausible = demo_range(indicator, city)
    if plausible is None or plausible.bounds(city) is None:
        return {"no_data": True}
    return {"value_number": _in_range(number, plausible, city)}


def _closed_loop_action(duo: Duo, fez_editions: list[Assessment]) -> None:
    """Aim the Montpellier–Fez plan's first action at two indicators Fez measured before and after it started."""
    from workshops.models import Action

    action = Action.objects.filter(duo=duo, start__isnull=False).order_by("start", "id").first() if duo else None
    if action is None or action.indicators.exists():
        return
    baseline, follow_up = fez_editions
    before = {v.indicator_id: v for v in baseline.indicator_values.select_related("indicator") if v.value_number}
    after = {v.indicator_id: v for v in follow_up.indicator_values.all() if v.value_number}
    start = action.start.year
    targets = [
        value.indicator
        for pk, value in before.items()
        if pk in after and value.reference_year < start <= after[pk].reference_year
    ]
    action.indicators.set(targets[:2])


@transaction.atomic
def demo_follow_ups_load(*, by) -> int:
    """Publish an illustrative 2026 follow-up of Fez, Lyon and Montpellier, compared with their 2019 baseline: ratings
    and values that moved, initiatives that continue, stop or start. Return how many were created."""
    from assessments.editions import assessment_follow_up_start

    framework = Framework.objects.get(slug=MUFPP_SLUG)
    categories = {category.code: category for category in framework.categories.all()}
    pillars = {pillar.code: pillar for pillar in Pillar.objects.all()}
    created = 0
    for slug in FOLLOW_UP_CITIES:
        baseline = Assessment.objects.filter(
            city__slug=slug, framework=framework, year=DEMO_YEAR, status=Assessment.Status.PUBLISHED
        ).first()
        if baseline is None or Assessment.objects.filter(city__slug=slug, year=FOLLOW_UP_YEAR).exists():
            continue
        city = baseline.city
        rng = random.Random(f"{slug}-{FOLLOW_UP_YEAR}")
        follow_up = assessment_follow_up_start(previous=baseline, year=FOLLOW_UP_YEAR, by=by)
        follow_up.is_demo = True
        follow_up.summary_en = f"Illustrative follow-up of the food system of {city.name_en} (demonstration data)."
        follow_up.summary_fr = f"Suivi illustratif du système alimentaire de {city.name_fr} (données de démonstration)."
        follow_up.save()
        earlier = {r.category_id: r.rating for r in baseline.category_assessments.all()}
        for reading in follow_up.category_assessments.all():
            if earlier.get(reading.category_id) is None:
                continue
            rating = min(10, max(0, earlier[reading.category_id] + rng.choice([-1, 0, 1, 1, 2])))
            reading.rating = rating
            reading.rating_rationale_en = f"Illustrative follow-up rating {rating}/10 (demonstration data)."
            reading.rating_rationale_fr = f"Note de suivi illustrative {rating}/10 (données de démonstration)."
            reading.save()
        values = []
        for old in baseline.indicator_values.select_related("indicator"):
            fields = {"unit": old.unit or old.indicator.unit, **_follow_up_value(old.indicator, old, city, rng)}
            # Measured for the follow-up, unless copied over with its own year.
            year = fields.pop("reference_year", FOLLOW_UP_YEAR)
            values.append(
                IndicatorValue(
                    assessment=follow_up,
                    indicator=old.indicator,
                    source_title=DEMO_SOURCE,
                    **_provenance(fields, year, rng),
                )
            )
        _leave_a_gap(values, city)
        bulk_create_with_history(values, IndicatorValue)
        carried = list(follow_up.initiatives.order_by("title_en"))
        if carried:
            stopped = rng.choice(carried)
            stopped.status = Initiative.Status.ENDED
            stopped.save(update_fields=["status"])
        taken = {initiative.title_en for initiative in carried}
        new = next(item for item in INITIATIVES if f"{item[0]} ({city.name_en})" not in taken)
        title_en, title_fr, category_codes, pillar_codes, actor = new
        initiative = Initiative.objects.create(
            assessment=follow_up,
            title_en=f"{title_en} ({city.name_en})",
            title_fr=f"{title_fr} ({city.name_fr})",
            description_en="Illustrative initiative started since the baseline (demonstration data).",
            description_fr="Initiative illustrative lancée depuis le diagnostic initial (données de démonstration).",
            actor_type=actor,
            location=_jitter(city, rng),
            start_year=FOLLOW_UP_YEAR - rng.randint(1, 4),
        )
        initiative.categories.set([categories[code] for code in category_codes])
        initiative.pillars.set([pillars[code] for code in pillar_codes if code in pillars])
        follow_up.status = Assessment.Status.PUBLISHED
        follow_up.published_at = timezone.now()
        follow_up.save(update_fields=["status", "published_at"])
        created += 1
    return created


def demo_closed_loop_load() -> None:
    """Add to the Montpellier–Fez plan an action aimed at two indicators Fez measured before and after it started."""
    duo = Duo.objects.filter(french_city__slug="montpellier", partner_city__slug="fez").first()
    editions = list(Assessment.objects.filter(city__slug="fez", year__in=[DEMO_YEAR, FOLLOW_UP_YEAR]).order_by("year"))
    if len(editions) == 2:
        _closed_loop_action(duo, editions)
