"""The duo dashboard: both cities of a duo side by side, their comparable figures and cooperation opportunities.

One selector, `duo_dashboard_data`, reads everything in a fixed number of queries and returns plain dataclasses
(strings, numbers, dates) that the page, the CSV export and the API all use, and that the public cache can store.
The comparison guards and the opportunity ranking are pure functions of already-fetched data.
"""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.editions import (
    EditionChange,
    compare_choices,
    edition_change,
    edition_series,
    initiative_tracks,
)
from assessments.models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Indicator,
    IndicatorValue,
    Initiative,
    stored_label,
)
from assessments.selectors import Completeness
from assessments.services import MUFPP_SLUG
from cities.models import City, Duo
from cities.selectors import city_marker, duo_line, initiative_marker

STRONG_RATING = 7  # a rating at or above it is a strength
WEAK_RATING = 4  # a rating at or below it is a weakness
STRONG_INITIATIVES = 2  # as many initiatives in a category make a strength
SERIOUS_SEVERITIES = ("high", "critical")
INSPIRING_CAP = 3  # initiatives counted in a score: beyond three, more examples do not make a better theme
PER_INHABITANTS = 100_000  # per-inhabitant values are given per 100,000 inhabitants
YEARS_APART = 2  # reference years further apart than this are flagged


# --- Plain data shared by the page, the CSV export and the API


@dataclass
class InitiativeItem:
    ref: str
    title: str
    url: str
    categories: list[str]  # category codes
    actions: list[int]  # recommended action numbers
    lat: float | None = None
    lon: float | None = None
    state: str = ""  # across editions: started, running, stopped, planned, unreported
    state_label: str = ""
    history: str = ""  # its status in each edition, e.g. "2019: active · 2026: ended"


@dataclass
class ChallengeItem:
    title: str
    severity: str
    severity_label: str
    category: str  # category code
    actions: list[int]


@dataclass
class AssessmentInfo:
    slug: str
    year: int
    edition: str
    status: str
    status_label: str
    is_published: bool
    is_demo: bool


@dataclass
class CitySide:
    slug: str
    name: str
    country: str
    role: str
    url: str
    population: int | None
    population_year: int | None
    lat: float | None
    lon: float | None
    assessment: AssessmentInfo | None = None
    initiatives: list[InitiativeItem] = field(default_factory=list)


@dataclass
class CategorySide:
    rating: int | None
    rationale: str
    completeness: dict  # with_value, total, percent
    challenges: list[ChallengeItem] = field(default_factory=list)
    initiatives: list[InitiativeItem] = field(default_factory=list)


@dataclass
class CategoryRow:
    code: str
    name: str
    order: int
    sides: list[CategorySide]  # French city first, then the partner city


@dataclass
class ValueCell:
    display: str  # formatted for the reader's language, for pages
    unit: str
    year: int | None
    has_value: bool
    per_inhabitants: str | None = None  # the value per PER_INHABITANTS inhabitants, when it may be normalised
    value: str = ""  # plain, for files: a dot-decimal number without grouping, yes/no or the text; empty: no data


@dataclass
class ComparisonRow:
    category: str  # category code
    code: str
    name: str
    cells: list[ValueCell]
    comparable: bool
    notes: list[str]
    per_inhabitants_label: str = ""


@dataclass
class Opportunity:
    source: str  # slug of the city that can inspire
    target: str  # slug of the city that may be inspired
    source_name: str
    target_name: str
    category: str
    category_name: str
    category_order: int
    action: int | None
    action_title: str
    score: int
    initiatives: list[InitiativeItem]
    reason: str


@dataclass
class Phase:
    code: str
    label: str
    start: date | None
    end: date | None
    status: str


@dataclass
class CityChange:
    """What changed in one city of the duo between an earlier edition and the one the dashboard shows."""

    slug: str
    name: str
    change: EditionChange


@dataclass
class DuoDashboard:
    slug: str
    name: str
    cities: list[CitySide]
    categories: list[CategoryRow]
    comparison: list[ComparisonRow]
    opportunities: list[Opportunity]
    timeline: list[Phase]
    is_demo: bool
    has_draft: bool
    changes: list[CityChange] = field(default_factory=list)  # the cities with an earlier published edition

    def as_dict(self) -> dict:
        """Return the dashboard as JSON-ready dicts and lists."""
        return asdict(self)


# --- Comparability guards (pure)


def _normalised_unit(unit: str) -> str:
    return " ".join(unit.split()).casefold()


def plain_value(value: IndicatorValue) -> str:
    """Return a value as files hold it, whatever the reader's language: 1234.5 (never "1 234,5 %"), yes/no, text."""
    if value.value_boolean is not None:
        return "yes" if value.value_boolean else "no"
    if value.value_number is not None:
        return format(value.value_number.normalize(), "f")
    return value.value_text


def _number(value: Decimal | float) -> str:
    text = format(Decimal(value).quantize(Decimal("0.01")).normalize(), "f")
    return text


def compare_indicator(*, indicator: Indicator, values: list[IndicatorValue | None], cities: list) -> ComparisonRow:
    """Return the comparison row of one indicator in both cities, with the notes that say what is not comparable.

    `cities` are the two cities (anything with name, population and population_year), in the order of `values`.
    """
    notes, cells = [], []
    for city, value in zip(cities, values, strict=True):
        if value is None or not value.has_value:
            notes.append(_("no data in %(city)s") % {"city": city.name})
            cells.append(
                ValueCell(display=str(_("no data")), unit="", year=None, has_value=False)  # no year, no unit
            )
            continue
        value.indicator = indicator  # display_value reads it
        unit = stored_label((value.unit or indicator.unit).strip())
        if not unit and indicator.value_type == Indicator.ValueType.PERCENTAGE:
            unit = "%"
        cells.append(
            ValueCell(
                display=value.display_value,
                unit=unit,
                year=value.reference_year,
                has_value=True,
                value=plain_value(value),
            )
        )
    both = all(cell.has_value for cell in cells)
    comparable = both
    if both:
        left, right = (cell.unit for cell in cells)
        if _normalised_unit(left) != _normalised_unit(right):
            comparable = False
            notes.append(
                _("not comparable: units differ (%(left)s vs %(right)s)") % {"left": left or "—", "right": right or "—"}
            )
        elif "local currency" in _normalised_unit(left) and len({getattr(c, "country", None) for c in cities}) > 1:
            comparable = False
            notes.append(_("not comparable: local currencies of different countries"))
        years = [cell.year for cell in cells]
        if None not in years and abs(years[0] - years[1]) > YEARS_APART:
            notes.append(_("years differ by %(years)s") % {"years": abs(years[0] - years[1])})
    label = ""
    numbers = [value.value_number if value is not None and value.has_value else None for value in values]
    if comparable and indicator.per_capita and None not in numbers:
        if all(city.population for city in cities):
            label = _("per %(count)s inhabitants") % {"count": f"{PER_INHABITANTS:,}".replace(",", "\u202f")}
            for cell, number, city in zip(cells, numbers, cities, strict=True):
                cell.per_inhabitants = _number(Decimal(number) / Decimal(city.population) * PER_INHABITANTS)
            notes.append(
                _("per inhabitant: population of %(left)s (%(left_year)s) and %(right)s (%(right_year)s)")
                % {
                    "left": cities[0].name,
                    "left_year": cities[0].population_year or "?",
                    "right": cities[1].name,
                    "right_year": cities[1].population_year or "?",
                }
            )
        else:
            notes.append(_("no per-inhabitant value: a population is unknown"))
    return ComparisonRow(
        category="",
        code=indicator.code,
        name=indicator.name,
        cells=cells,
        comparable=comparable,
        notes=[str(note) for note in notes],
        per_inhabitants_label=str(label),
    )


# --- Cooperation opportunities (pure)


@dataclass
class OpportunityInput:
    """What the opportunity finder knows of one city in one category."""

    rating: int | None
    challenges: list[ChallengeItem]
    initiatives: list[InitiativeItem]


def _is_strong(side: OpportunityInput) -> bool:
    return (side.rating is not None and side.rating >= STRONG_RATING) or len(side.initiatives) >= STRONG_INITIATIVES


def _serious(challenges: list[ChallengeItem]) -> list[ChallengeItem]:
    return [c for c in challenges if c.severity in SERIOUS_SEVERITIES]


def _is_weak(side: OpportunityInput) -> bool:
    return (side.rating is not None and side.rating <= WEAK_RATING) or bool(_serious(side.challenges))


def _score(strong: OpportunityInput, weak: OpportunityInput, initiatives, challenges) -> int:
    gap = max(0, strong.rating - weak.rating) if strong.rating is not None and weak.rating is not None else 0
    return min(gap, 10) + 2 * min(len(initiatives), INSPIRING_CAP) + (3 if _serious(challenges) else 0)


def _reason(*, strong_name, weak_name, category_name, strong, weak, initiatives, challenges, action=None) -> str:
    """Return the facts that made a theme suggested, as a sentence: the weak side first, then the strong side."""
    listed = ", ".join(f"“{c.title}” ({c.severity_label.lower()})" for c in challenges)
    category_name = category_name[:1].lower() + category_name[1:]  # within a sentence
    facts = {"city": weak_name, "category": category_name, "rating": weak.rating, "challenges": listed}
    if weak.rating is not None and challenges:
        weak_part = _("%(city)s rates %(category)s %(rating)s/10 and reports %(challenges)s") % facts
    elif weak.rating is not None:
        weak_part = _("%(city)s rates %(category)s %(rating)s/10") % facts
    elif challenges:
        weak_part = _("%(city)s reports %(challenges)s in %(category)s") % facts
    else:
        weak_part = _("%(city)s has not rated %(category)s") % facts
    titles = ", ".join(f"“{i.title}”" for i in initiatives)
    facts = {"city": strong_name, "rating": strong.rating, "count": len(initiatives), "titles": titles}
    if strong.rating is not None and initiatives:
        strong_part = (
            ngettext(
                "%(city)s rates it %(rating)s/10 and runs %(count)s initiative: %(titles)s",
                "%(city)s rates it %(rating)s/10 and runs %(count)s initiatives: %(titles)s",
                len(initiatives),
            )
            % facts
        )
    elif strong.rating is not None:
        strong_part = _("%(city)s rates it %(rating)s/10") % facts
    elif initiatives:
        strong_part = (
            ngettext(
                "%(city)s runs %(count)s initiative there: %(titles)s",
                "%(city)s runs %(count)s initiatives there: %(titles)s",
                len(initiatives),
            )
            % facts
        )
    else:
        strong_part = _("%(city)s has not rated it") % facts
    reason = _("%(weak)s; %(strong)s.") % {"weak": weak_part, "strong": strong_part}
    if action is not None:
        reason = _("Recommended action %(number)s: %(reason)s") % {"number": action, "reason": reason}
    return str(reason)


def cooperation_opportunities(
    *, cities: list[tuple[str, str]], categories: list[tuple[str, str, int]], facts: dict
) -> list[Opportunity]:
    """Return the suggested cooperation themes, best first, each with its inspiring initiatives and its reason.

    `cities` are two (slug, name) pairs; `categories` are (code, name, order) in the framework's order; `facts` maps
    (city slug, category code) to an OpportunityInput. A theme is suggested where one city is strong (a rating of
    7 or more, or two initiatives) and the other weak (a rating of 4 or less, or a high or critical challenge); a
    more specific theme where the strong city's initiatives and the weak city's challenge serve the same action.
    """
    found = []
    empty = OpportunityInput(None, [], [])
    for code, name, order in categories:
        for (strong_slug, strong_name), (weak_slug, weak_name) in (cities, cities[::-1]):
            strong = facts.get((strong_slug, code), empty)
            weak = facts.get((weak_slug, code), empty)
            common = {
                "source": strong_slug,
                "target": weak_slug,
                "source_name": strong_name,
                "target_name": weak_name,
                "category": code,
                "category_name": name,
                "category_order": order,
            }
            if _is_strong(strong) and _is_weak(weak):
                challenges = _serious(weak.challenges) or list(weak.challenges)
                found.append(
                    Opportunity(
                        **common,
                        action=None,
                        action_title="",
                        score=_score(strong, weak, strong.initiatives, weak.challenges),
                        initiatives=strong.initiatives,
                        reason=_reason(
                            strong_name=strong_name,
                            weak_name=weak_name,
                            category_name=name,
                            strong=strong,
                            weak=weak,
                            initiatives=strong.initiatives,
                            challenges=challenges,
                        ),
                    )
                )
            actions = sorted({number for c in weak.challenges for number in c.actions})
            for number in actions:
                inspiring = [i for i in strong.initiatives if number in i.actions]
                challenges = [c for c in weak.challenges if number in c.actions]
                if not inspiring:
                    continue
                found.append(
                    Opportunity(
                        **common,
                        action=number,
                        action_title="",
                        score=_score(strong, weak, inspiring, challenges),
                        initiatives=inspiring,
                        reason=_reason(
                            strong_name=strong_name,
                            weak_name=weak_name,
                            category_name=name,
                            strong=strong,
                            weak=weak,
                            initiatives=inspiring,
                            challenges=challenges,
                            action=number,
                        ),
                    )
                )
    found.sort(key=lambda o: (-o.score, o.category_order, o.action or 0, o.source))
    return found


# --- The selector


def _readable_assessments(user, cities) -> tuple[dict[int, Assessment], dict[int, list[Assessment]]]:
    """Return the latest assessment the user may read per city id, and every one they may read (one query)."""
    ids = [city.pk for city in cities]
    queryset = Assessment.objects.visible_to(user).select_related("city", "framework")
    latest, readable = {}, {}
    for assessment in queryset.filter(city_id__in=ids).order_by("-year", "-id"):
        latest.setdefault(assessment.city_id, assessment)
        readable.setdefault(assessment.city_id, []).append(assessment)
    return latest, readable


def _city_side(city: City, assessment: Assessment | None) -> CitySide:
    info = None
    if assessment is not None:
        info = AssessmentInfo(
            slug=assessment.slug,
            year=assessment.year,
            edition=assessment.get_edition_display(),
            status=assessment.status,
            status_label=assessment.get_status_display(),
            is_published=assessment.status == Assessment.Status.PUBLISHED,
            is_demo=assessment.is_demo,
        )
    return CitySide(
        slug=city.slug,
        name=city.name,
        country=str(city.country.name),
        role=city.role,
        url=city.get_absolute_url(),
        population=city.population,
        population_year=city.population_year,
        lat=city.latitude,
        lon=city.longitude,
        assessment=info,
    )


def _initiative_item(initiative: Initiative, codes: dict[int, str], track=None) -> InitiativeItem:
    extra = {}
    if track is not None:
        extra = {
            "state": track.state,
            "state_label": track.state_label,
            "history": " · ".join(f"{step.year}: {step.label.lower()}" for step in track.steps),
        }
    return InitiativeItem(
        ref=initiative.ref,
        title=initiative.title,
        url=reverse("assessments:initiative-detail", kwargs={"ref": initiative.ref}),
        categories=[codes.get(c.pk, "") for c in initiative.categories.all()],
        actions=sorted(a.number for a in initiative.actions.all()),
        lat=initiative.latitude,
        lon=initiative.longitude,
        **extra,
    )


def duo_dashboard_data(*, duo: Duo, user=None, compare: int | None = None) -> DuoDashboard:
    """Return the dashboard of a duo as the user may read it (the public's when user is None or anonymous).

    Each city's edition is compared with its baseline, or with its edition of the year `compare` when it has one.
    Ten queries whatever the amount of data and the number of editions (plus the user's own role lookups).
    """
    cities = list(duo.cities)
    chosen, readable = _readable_assessments(user, cities)
    assessments = [chosen.get(city.pk) for city in cities]
    present = [a for a in assessments if a is not None]
    series = {a.pk: edition_series(a, readable[a.city_id]) for a in present}
    every_edition = list({e.pk: e for editions in series.values() for e in editions}.values())
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

    every_reading = list(CategoryAssessment.objects.filter(assessment__in=every_edition))
    readings = {(r.assessment_id, codes[r.category_id]): r for r in every_reading}
    indicators = list(
        Indicator.objects.filter(framework_id__in=framework_ids).order_by("category__order", "number", "code")
    )
    values = {(v.assessment_id, v.indicator_id): v for v in IndicatorValue.objects.filter(assessment__in=every_edition)}
    challenges = list(
        Challenge.objects.filter(assessment__in=present)
        .prefetch_related("actions")
        .order_by("category__order", "title")
    )
    every_initiative = list(
        Initiative.objects.filter(assessment__in=every_edition)
        .select_related("assessment")
        .prefetch_related("categories", "actions")
        .order_by("title")
    )
    present_ids = {a.pk for a in present}
    initiatives = [i for i in every_initiative if i.assessment_id in present_ids]

    sides = [_city_side(city, assessment) for city, assessment in zip(cities, assessments, strict=True)]
    rows, facts = [], {}
    for category in categories:
        category_sides = []
        for city, assessment in zip(cities, assessments, strict=True):
            if assessment is None:
                category_sides.append(CategorySide(rating=None, rationale="", completeness={}))
                continue
            reading = readings.get((assessment.pk, category.code))
            own = [
                i
                for i in indicators
                if codes[i.category_id] == category.code and i.framework_id == assessment.framework_id
            ]
            filled = sum(1 for i in own if (v := values.get((assessment.pk, i.pk))) is not None and v.has_value)
            completeness = Completeness(filled, len(own))
            side = CategorySide(
                rating=reading.rating if reading else None,
                rationale=reading.rating_rationale if reading else "",
                completeness={"with_value": filled, "total": len(own), "percent": completeness.percent},
                challenges=[
                    ChallengeItem(
                        title=c.title,
                        severity=c.severity,
                        severity_label=str(c.get_severity_display()),
                        category=category.code,
                        actions=sorted(a.number for a in c.actions.all()),
                    )
                    for c in challenges
                    if c.assessment_id == assessment.pk and codes.get(c.category_id) == category.code
                ],
                initiatives=[
                    _initiative_item(i, codes)
                    for i in initiatives
                    if i.assessment_id == assessment.pk
                    and any(c.pk in codes and codes[c.pk] == category.code for c in i.categories.all())
                ],
            )
            category_sides.append(side)
            facts[(city.slug, category.code)] = OpportunityInput(side.rating, side.challenges, side.initiatives)
        rows.append(CategoryRow(code=category.code, name=str(category), order=category.order, sides=category_sides))

    comparison = []
    if all(assessments):
        by_code = {}
        for indicator in indicators:
            by_code.setdefault(indicator.code, indicator)
        for code, indicator in by_code.items():
            pair = []
            for assessment in assessments:
                twin = next(
                    (i for i in indicators if i.code == code and i.framework_id == assessment.framework_id), None
                )
                pair.append(values.get((assessment.pk, twin.pk)) if twin else None)
            row = compare_indicator(indicator=indicator, values=pair, cities=cities)
            row.category = codes[indicator.category_id]
            comparison.append(row)

    changes = []
    readings_by_id = {(r.assessment_id, r.category_id): r for r in every_reading}
    for side, assessment in zip(sides, assessments, strict=True):
        if assessment is None:
            continue
        editions = series[assessment.pk]
        # Every initiative of the editions read, once, as last reported: a follow-up never hides the earlier ones.
        ids = {e.pk for e in editions}
        tracks = initiative_tracks([i for i in every_initiative if i.assessment_id in ids], series=editions)
        side.initiatives = [_initiative_item(t.initiative, codes, t) for t in tracks]
        choices = compare_choices(assessment, editions)
        if not choices:
            continue
        earlier = next((a for a in choices if a.year == compare), choices[0])
        change = edition_change(
            current=assessment,
            compare=earlier,
            series=editions,
            categories=[c for c in all_categories if c.framework_id == assessment.framework_id],
            indicators=[i for i in indicators if i.framework_id == assessment.framework_id],
            readings=readings_by_id,
            values=values,
        )
        changes.append(CityChange(slug=side.slug, name=side.name, change=change))

    opportunities = cooperation_opportunities(
        cities=[(city.slug, city.name) for city in cities],
        categories=[(c.code, str(c), c.order) for c in categories],
        facts=facts,
    )
    titles = {a.number: a.title for item in (*challenges, *initiatives) for a in item.actions.all()}
    for opportunity in opportunities:
        if opportunity.action is not None:
            opportunity.action_title = titles.get(opportunity.action, "")
    timeline = [
        Phase(
            code=phase["code"],
            label=str(phase["label"]),
            start=phase["start"],
            end=phase["end"],
            status=phase["status"],
        )
        for phase in duo.phases()
    ]
    return DuoDashboard(
        slug=duo.slug,
        name=duo.name,
        cities=sides,
        categories=rows,
        comparison=comparison,
        opportunities=opportunities,
        timeline=timeline,
        is_demo=any(a.is_demo for a in present),
        has_draft=any(a.status != Assessment.Status.PUBLISHED for a in present),
        changes=changes,
    )


def dashboard_extra_sections(*, duo: Duo, user) -> list[dict]:
    """Return the sections the workshops capability adds: workshop outcomes, action-plan progress, and whether the
    indicators the actions target moved in the intended direction since they started.

    Each section is a dict with its template and context. Six queries whatever the data.
    """
    from django.db.models import Count, Prefetch

    from workshops.closed_loop import action_outcomes
    from workshops.models import Action, Proposal, Workshop
    from workshops.services import action_progress

    workshops = []
    for workshop in (
        Workshop.objects.filter(city_id__in=[duo.french_city_id, duo.partner_city_id])
        .select_related("city")
        .annotate(proposal_count=Count("proposals"))
        .prefetch_related(
            Prefetch(
                "proposals",
                Proposal.objects.filter(ranking__isnull=False).select_related("ranking").order_by("ranking__rank"),
                to_attr="ranked",
            )
        )
        .order_by("-starts_at")
    ):
        # The notes link is offered to those who may open it; others would only find "not found" behind it.
        workshop.notes_visible = user.has_perm("workshops.view_workshop_private", workshop)
        if workshop.is_published or workshop.notes_visible:
            workshops.append(workshop)
    actions = list(
        Action.objects.visible_to(user)
        .filter(duo=duo)
        .prefetch_related("milestones", "indicators")
        .order_by("start", "id")
    )
    today = timezone.localdate()
    plan = []
    for action in actions:
        milestones = list(action.milestones.all())
        plan.append(
            {
                "action": action,
                "progress": action_progress(action, milestones),
                "overdue": sum(1 for milestone in milestones if milestone.is_overdue(today)),
                "next": next((m for m in sorted(milestones, key=lambda m: m.due) if not m.done_on), None),
            }
        )
    return [
        {"template": "dashboard/sections/workshops.html", "workshops": workshops, "duo": duo},
        {"template": "dashboard/sections/action_plan.html", "plan": plan, "duo": duo},
        {
            "template": "dashboard/sections/indicator_loop.html",
            "outcomes": action_outcomes(actions=actions, cities=list(duo.cities), user=user),
            "duo": duo,
        },
    ]


def dashboard_map_data(dashboard: DuoDashboard) -> dict:
    """Return the markers of both cities and their initiatives, and the line between the cities, for map.js."""
    cities = [
        city_marker(slug=c.slug, name=c.name, country=c.country, role=c.role, lat=c.lat, lon=c.lon, url=c.url)
        for c in dashboard.cities
        if c.lat is not None
    ]
    initiatives = [
        initiative_marker(title=item.title, city=city.name, lat=item.lat, lon=item.lon, url=item.url)
        for city in dashboard.cities
        for item in city.initiatives
        if item.lat is not None
    ]
    duos = []
    if len(cities) == 2:
        start, end = ([city["lat"], city["lon"]] for city in cities)
        duos.append(duo_line(name=dashboard.name, slug=dashboard.slug, start=start, end=end))
    return {"cities": cities, "duos": duos, "initiatives": initiatives}
