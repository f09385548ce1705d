"""What the duo dashboard is built from, read once per request: the assessments the viewer may read, the categories
and indicators shown, the values, completeness, challenges and initiatives of the editions, with the links between
them read from their link tables. dashboard.py builds the typed sections from these facts.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from assessments.models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Indicator,
    IndicatorValue,
    Initiative,
)
from assessments.selectors import Completeness
from assessments.services import MUFPP_SLUG


def readable_assessments(user, cities) -> tuple[dict[int, Assessment], dict[int, list[Assessment]]]:
    """Return the latest assessment the user may read per city id, and every one they may read (one query)."""
    ids = [city.pk for city in cities]
    queryset = Assessment.objects.visible_to(user).select_related("city", "framework")
    latest, readable = {}, {}
    for assessment in queryset.filter(city_id__in=ids).order_by("-year", "-id"):
        latest.setdefault(assessment.city_id, assessment)
        readable.setdefault(assessment.city_id, []).append(assessment)
    return latest, readable


@dataclass
class DuoFacts:
    """What the dashboard reads of a duo's editions, fetched once and shared by its sections."""

    all_categories: list[Category]  # of every framework read, by framework and order
    codes: dict[int, str]  # category id → code
    categories: list[Category]  # one per code, the first city's framework first
    every_reading: list[CategoryAssessment]
    readings: dict[tuple[int, str], CategoryAssessment]  # (assessment id, category code) → reading
    completeness: dict[tuple[int, str], Completeness]  # (assessment id, category code) → its indicators with a value
    indicators: list[Indicator]  # of the category shown, or of every category
    values: dict[tuple[int, int], IndicatorValue]  # (assessment id, indicator id) → value, of those indicators
    challenges: list[Challenge]  # of the current editions
    every_initiative: list[Initiative]  # of every edition read, without their links
    initiatives: list[Initiative]  # of the current editions
    initiative_categories: dict[int, list[int]] = field(default_factory=dict)  # initiative id → category ids
    initiative_actions: dict[int, list[int]] = field(default_factory=dict)  # initiative id → action numbers
    initiative_url: str = ""  # an initiative's page, REF_PLACEHOLDER standing for its ref: reversed once, not per item
    initiatives_by_category: dict = field(default_factory=dict)  # (assessment id, category code) → InitiativeItems


def _duo_categories(present: list[Assessment]) -> tuple[list[Category], dict[int, str], list[Category]]:
    """Return the categories of the frameworks read (MUFPP's when none), their codes by id, and one per code."""
    framework_ids = {a.framework_id for a in present}
    category_filter = Q(framework_id__in=framework_ids) if framework_ids else Q(framework__slug=MUFPP_SLUG)
    all_categories = list(Category.objects.filter(category_filter).order_by("framework_id", "order"))
    codes = {category.pk: category.code for category in all_categories}
    primary = present[0].framework_id if present else None
    categories, seen = [], set()
    for category in sorted(all_categories, key=lambda c: (c.framework_id != primary, c.order)):
        if category.code not in seen:
            seen.add(category.code)
            categories.append(category)
    return all_categories, codes, categories


def _completeness(present: list[Assessment], indicators: list[Indicator], values: dict, codes: dict) -> dict:
    """Return the data completeness of each current edition per category code."""
    totals, filled = {}, {}
    for indicator in indicators:
        key = (indicator.framework_id, codes[indicator.category_id])
        totals[key] = totals.get(key, 0) + 1
        for assessment in present:
            value = values.get((assessment.pk, indicator.pk))
            if indicator.framework_id == assessment.framework_id and value is not None and value.has_value:
                filled[(assessment.pk, key[1])] = filled.get((assessment.pk, key[1]), 0) + 1
    return {
        (a.pk, code): Completeness(filled.get((a.pk, code), 0), totals.get((a.framework_id, code), 0))
        for a in present
        for code in set(codes.values())
    }


def _initiative_links(editions: list[Assessment]) -> tuple[dict, dict]:
    """Return the category ids and recommended action numbers of each initiative of the editions, read from the link
    tables (two queries): no model instance per link."""
    # Filtered by edition, not by a list of initiative ids: preparing hundreds of ids costs more than the query.
    categories, actions = {}, {}
    links = Initiative.categories.through.objects.filter(initiative__assessment__in=editions)
    for initiative_id, category_id in links.order_by("category__framework", "category__order").values_list(
        "initiative_id", "category_id"
    ):
        categories.setdefault(initiative_id, []).append(category_id)
    links = Initiative.actions.through.objects.filter(initiative__assessment__in=editions)
    for initiative_id, number in links.values_list("initiative_id", "recommendedaction__number"):
        actions.setdefault(initiative_id, []).append(number)
    return categories, actions


REF_PLACEHOLDER = "initiative-ref"
INITIATIVE_FIELDS = ("id", "ref", "title", "assessment_id", "carried_from_id", "status", "location")


def duo_facts(present: list[Assessment], every_edition: list[Assessment], category: str | None) -> DuoFacts:
    """Return everything the sections read of the current editions and of every edition read, in a fixed number of
    queries: the indicators and values of one category when `category` is a code ('' for the first), of every
    category when None."""
    all_categories, codes, categories = _duo_categories(present)
    framework_ids = {a.framework_id for a in present}
    every_reading = list(CategoryAssessment.objects.filter(assessment__in=every_edition))
    every_indicator = list(
        Indicator.objects.filter(framework_id__in=framework_ids).order_by("category__order", "number", "code")
    )
    indicators = every_indicator
    values = IndicatorValue.objects.filter(assessment__in=every_edition)
    if category is not None:
        shown = category or (categories[0].code if categories else "")
        indicators = [i for i in every_indicator if codes[i.category_id] == shown]
        # The values of the indicators shown in every edition, and all of the current editions' for completeness.
        values = values.filter(Q(assessment__in=present) | Q(indicator__category__code=shown))
    values = {(v.assessment_id, v.indicator_id): v for v in values}
    challenges = list(
        Challenge.objects.filter(assessment__in=present)
        .prefetch_related("actions")
        .order_by("category__order", "title")
    )
    every_initiative = list(
        Initiative.objects.filter(assessment__in=every_edition).only(*INITIATIVE_FIELDS).order_by("title")
    )
    present_ids = {a.pk for a in present}
    initiative_categories, initiative_actions = _initiative_links(every_edition)
    facts = DuoFacts(
        all_categories=all_categories,
        codes=codes,
        categories=categories,
        every_reading=every_reading,
        readings={(r.assessment_id, codes[r.category_id]): r for r in every_reading},
        completeness=_completeness(present, every_indicator, values, codes),
        indicators=indicators,
        values=values,
        challenges=challenges,
        every_initiative=every_initiative,
        initiatives=[i for i in every_initiative if i.assessment_id in present_ids],
        initiative_categories=initiative_categories,
        initiative_actions=initiative_actions,
        initiative_url=reverse("assessments:initiative-detail", kwargs={"ref": REF_PLACEHOLDER}),
    )
    return facts
