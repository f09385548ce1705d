"""The duo dashboard: both cities of a duo side by side, their comparable figures and cooperation opportunities.

One selector, `duo_dashboard_data`, reads everything in a fixed number of queries and returns plain dataclasses
(strings, numbers, dates) that the page, the CSV export and the API all use, and that the public cache can store.
The page asks for one category's indicators and a city's latest initiatives only, so that its cost does not grow
with the data; the CSV export, the API and the duo report read the whole.
What it is built from is read in facts.py; the sections are typed in sections.py; the comparison guards
(comparison.py) and the opportunity ranking (opportunities.py) are pure functions of already-fetched data.
"""

from django.utils import timezone

from assessments.editions import (
    compare_choices,
    edition_change,
    edition_series,
    initiative_groups,
    initiative_tracks,
)
from assessments.models import (
    Assessment,
    Category,
    Initiative,
)
from cities.models import City, Duo
from cities.selectors import city_marker, duo_line, initiative_marker

from .comparison import compare_indicator
from .facts import REF_PLACEHOLDER, DuoFacts, duo_facts, readable_assessments
from .opportunities import OpportunityInput, cooperation_opportunities
from .sections import (
    AssessmentInfo,
    CategoryRow,
    CategorySide,
    ChallengeItem,
    CityChange,
    CitySide,
    DuoDashboard,
    InitiativeItem,
    Phase,
)

# --- The selector


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


def _initiative_item(initiative: Initiative, facts: "DuoFacts", track=None) -> InitiativeItem:
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
        url=facts.initiative_url.replace(REF_PLACEHOLDER, initiative.ref),
        categories=[facts.codes.get(pk, "") for pk in facts.initiative_categories.get(initiative.pk, [])],
        actions=sorted(facts.initiative_actions.get(initiative.pk, [])),
        lat=initiative.latitude,
        lon=initiative.longitude,
        **extra,
    )


def _category_side(category: Category, assessment: Assessment, facts: DuoFacts) -> CategorySide:
    """Return one city's side of a category row: its rating, completeness, challenges and initiatives there."""
    codes = facts.codes
    reading = facts.readings.get((assessment.pk, category.code))
    completeness = facts.completeness[(assessment.pk, category.code)]
    return CategorySide(
        rating=reading.rating if reading else None,
        rationale=reading.rating_rationale if reading else "",
        completeness={
            "with_value": completeness.with_value,
            "total": completeness.total,
            "percent": completeness.percent,
        },
        challenges=[
            ChallengeItem(
                title=c.title,
                severity=c.severity,
                severity_label=str(c.get_severity_display()),
                category=category.code,
                actions=sorted(a.number for a in c.actions.all()),
            )
            for c in facts.challenges
            if c.assessment_id == assessment.pk and codes.get(c.category_id) == category.code
        ],
        initiatives=facts.initiatives_by_category.get((assessment.pk, category.code), []),
    )


def _initiatives_by_category(facts: DuoFacts) -> dict[tuple[int, str], list[InitiativeItem]]:
    """Return the current editions' initiatives by (assessment id, category code), by title, each item built once."""
    grouped = {}
    for initiative in facts.initiatives:
        item = None
        for code in dict.fromkeys(facts.codes.get(pk) for pk in facts.initiative_categories.get(initiative.pk, [])):
            if code is not None:
                item = item or _initiative_item(initiative, facts)
                grouped.setdefault((initiative.assessment_id, code), []).append(item)
    return grouped


def _category_rows(
    cities: list[City], assessments: list[Assessment | None], facts: DuoFacts
) -> tuple[list[CategoryRow], dict[tuple[str, str], OpportunityInput]]:
    """Return the category rows, both cities side by side, and what the opportunity ranking reads of each side."""
    rows, inputs = [], {}
    for category in facts.categories:
        category_sides = []
        for city, assessment in zip(cities, assessments, strict=True):
            if assessment is None:
                category_sides.append(CategorySide(rating=None, rationale="", completeness={}))
                continue
            side = _category_side(category, assessment, facts)
            category_sides.append(side)
            inputs[(city.slug, category.code)] = OpportunityInput(side.rating, side.challenges, side.initiatives)
        rows.append(CategoryRow(code=category.code, name=str(category), order=category.order, sides=category_sides))
    return rows, inputs


def _indicator_comparison(cities: list[City], assessments: list[Assessment | None], facts: DuoFacts) -> list:
    """Return one comparison row per indicator code when both cities have an edition, else none."""
    comparison = []
    if not all(assessments):
        return comparison
    by_code = {}
    for indicator in facts.indicators:
        by_code.setdefault(indicator.code, indicator)
    for code, indicator in by_code.items():
        pair = []
        for assessment in assessments:
            twin = next(
                (i for i in facts.indicators if i.code == code and i.framework_id == assessment.framework_id), None
            )
            pair.append(facts.values.get((assessment.pk, twin.pk)) if twin else None)
        row = compare_indicator(indicator=indicator, values=pair, cities=cities)
        row.category = facts.codes[indicator.category_id]
        comparison.append(row)
    return comparison


def _edition_changes(
    sides: list[CitySide],
    assessments: list[Assessment | None],
    series: dict[int, list[Assessment]],
    facts: DuoFacts,
    compare: int | None,
    initiatives: int | None = None,
) -> tuple[list[CityChange], dict[str, int]]:
    """Return each city's change since the edition compared with, and give each side its initiatives' tracks (at
    most `initiatives` of them, the most recent, when it is given); return as well how many each city has."""
    changes, counts = [], {}
    readings_by_id = {(r.assessment_id, r.category_id): r for r in facts.every_reading}
    for side, assessment in zip(sides, assessments, strict=True):
        if assessment is None:
            continue
        editions = series[assessment.pk]
        # Every initiative of the editions read, once, as last reported: a follow-up never hides the earlier ones.
        ids = {e.pk for e in editions}
        read = [i for i in facts.every_initiative if i.assessment_id in ids]
        counts[side.slug] = len(initiative_groups(read, series=editions))
        tracks = initiative_tracks(read, series=editions, latest=initiatives)
        side.initiatives = [_initiative_item(t.initiative, facts, t) for t in tracks]
        choices = compare_choices(assessment, editions)
        if not choices:
            continue
        earlier = next((a for a in choices if a.year == compare), choices[0])
        change = edition_change(
            current=assessment,
            compare=earlier,
            series=editions,
            categories=[c for c in facts.all_categories if c.framework_id == assessment.framework_id],
            indicators=[i for i in facts.indicators if i.framework_id == assessment.framework_id],
            readings=readings_by_id,
            values=facts.values,
        )
        changes.append(CityChange(slug=side.slug, name=side.name, change=change))
    return changes, counts


def _duo_opportunities(cities: list[City], facts: DuoFacts, inputs: dict) -> list:
    """Return the ranked cooperation opportunities, each with the title of the action it points to."""
    opportunities = cooperation_opportunities(
        cities=[(city.slug, city.name) for city in cities],
        categories=[(c.code, str(c), c.order) for c in facts.categories],
        facts=inputs,
    )
    # An opportunity's action is always one of the weak city's challenges: their actions hold every title needed.
    titles = {a.number: a.title for challenge in facts.challenges for a in challenge.actions.all()}
    for opportunity in opportunities:
        if opportunity.action is not None:
            opportunity.action_title = titles.get(opportunity.action, "")
    return opportunities


def _duo_timeline(duo: Duo) -> list[Phase]:
    return [
        Phase(
            code=phase["code"],
            label=str(phase["label"]),
            start=phase["start"],
            end=phase["end"],
            status=phase["status"],
        )
        for phase in duo.phases()
    ]


def duo_dashboard_data(
    *,
    duo: Duo,
    user=None,
    compare: int | None = None,
    category: str | None = None,
    initiatives: int | None = None,
) -> DuoDashboard:
    """Return the dashboard of a duo as the user may read it (the public's when user is None or anonymous).

    Each city's edition is compared with its baseline, or with its edition of the year `compare` when it has one.
    By default everything is built (the CSV export, the API and the duo report read it). The page narrows it: the
    indicator comparison and the indicator changes of one category only when `category` is its code ('' for the
    first category), and each city's `initiatives` most recent initiatives across editions, their number in
    `initiative_counts`. Ten queries whatever the amount of data and the number of editions (plus the user's
    own role lookups).
    """
    cities = list(duo.cities)
    chosen, readable = readable_assessments(user, cities)
    assessments = [chosen.get(city.pk) for city in cities]
    present = [a for a in assessments if a is not None]
    series = {a.pk: edition_series(a, readable[a.city_id]) for a in present}
    every_edition = list({e.pk: e for editions in series.values() for e in editions}.values())
    facts = duo_facts(present, every_edition, category)
    facts.initiatives_by_category = _initiatives_by_category(facts)  # the sections' items, built once

    sides = [_city_side(city, assessment) for city, assessment in zip(cities, assessments, strict=True)]
    rows, inputs = _category_rows(cities, assessments, facts)
    comparison = _indicator_comparison(cities, assessments, facts)
    changes, counts = _edition_changes(sides, assessments, series, facts, compare, initiatives)
    shown = None
    if category is not None:
        shown = category or (facts.categories[0].code if facts.categories else "")
    return DuoDashboard(
        slug=duo.slug,
        name=duo.name,
        cities=sides,
        categories=rows,
        comparison=comparison,
        opportunities=_duo_opportunities(cities, facts, inputs),
        timeline=_duo_timeline(duo),
        is_demo=any(a.is_demo for a in present),
        has_draft=any(a.status != Assessment.Status.PUBLISHED for a in present),
        changes=changes,
        category=shown,
        initiative_counts=counts,
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
