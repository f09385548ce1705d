"""Editions over time: what changed between two editions of a city's assessment, each indicator's values across the
editions, the initiatives followed from edition to edition, and the start of a follow-up edition that carries them.

The comparison is made by pure functions of already-fetched rows, so that the city page (`city_edition_change`) and
the duo dashboard (which fetches both cities at once) share it and keep a fixed number of queries.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.charts import Series, radar_description, radar_svg

from .indicator_changes import ARROWS, IndicatorChange, edition_point, format_number, indicator_change
from .models import Assessment, Category, CategoryAssessment, Indicator, IndicatorValue, Initiative
from .selectors import initiatives_with_tags
from .services import AssessmentError, assessment_create

# --- Plain data (the page, the dashboard's cache and API, and the reports read the same)


@dataclass
class EditionRef:
    year: int
    edition: str  # the edition's label: baseline or follow-up
    is_published: bool


@dataclass
class CategoryChange:
    code: str
    name: str
    before: int | None
    after: int | None
    delta: int | None  # None when either edition did not rate the category
    arrow: str
    change: str = ""  # the delta as read: +2, −1, ±0


@dataclass
class EditionChange:
    current: EditionRef
    compare: EditionRef
    choices: list[EditionRef]  # the earlier published editions one may compare with, oldest (the baseline) first
    editions: list[EditionRef]  # the series, oldest first
    categories: list[CategoryChange]
    indicators: list[IndicatorChange]

    @property
    def compared(self) -> list[IndicatorChange]:
        """Return the indicators whose change is given."""
        return [row for row in self.indicators if row.comparable]


@dataclass
class StatusStep:
    year: int
    status: str
    label: str


@dataclass
class InitiativeTrack:
    """An initiative followed across editions: its entry as last reported, and its status in each edition."""

    initiative: Initiative
    steps: list[StatusStep]
    state: str  # started, running, stopped, planned, unreported
    state_label: str


# --- Pure comparison


def _edition_ref(assessment: Assessment) -> EditionRef:
    return EditionRef(
        year=assessment.year,
        edition=str(assessment.get_edition_display()),
        is_published=assessment.status == Assessment.Status.PUBLISHED,
    )


def edition_series(current: Assessment, readable: list[Assessment]) -> list[Assessment]:
    """Return the editions a change is read along, oldest first: the published ones of the same framework up to the
    current edition, and the current edition itself (which the team may be reading before it is published)."""
    series = [
        a
        for a in readable
        if a.framework_id == current.framework_id
        and a.year <= current.year
        and (a.pk == current.pk or a.status == Assessment.Status.PUBLISHED)
    ]
    return sorted(series, key=lambda a: a.year)


def compare_choices(current: Assessment, series: list[Assessment]) -> list[Assessment]:
    """Return the earlier published editions the current one may be compared with, the baseline first."""
    return [a for a in series if a.year < current.year and a.status == Assessment.Status.PUBLISHED]


def edition_change(
    *,
    current: Assessment,
    compare: Assessment,
    series: list[Assessment],
    categories: list[Category],
    indicators: list[Indicator],
    readings: dict[tuple[int, int], CategoryAssessment],
    values: dict[tuple[int, int], IndicatorValue],
) -> EditionChange:
    """Return what changed from `compare` to `current`: per category, per indicator, and each indicator's series.

    `readings` and `values` are keyed by (assessment id, category or indicator id) and hold every edition of `series`.
    """
    category_rows = []
    for category in categories:
        before = getattr(readings.get((compare.pk, category.pk)), "rating", None)
        after = getattr(readings.get((current.pk, category.pk)), "rating", None)
        delta = None if before is None or after is None else after - before
        category_rows.append(
            CategoryChange(
                code=category.code,
                name=str(category),
                before=before,
                after=after,
                delta=delta,
                arrow="" if delta is None else ARROWS[(delta > 0) - (delta < 0)],
                change="" if delta is None else format_number(Decimal(delta), sign=True),
            )
        )
    codes = {category.pk: category.code for category in categories}
    indicator_rows = []
    for indicator in indicators:
        points = [edition_point(a, values.get((a.pk, indicator.pk)), indicator) for a in series]
        by_year = {point.edition_year: point for point in points}
        if not (by_year[compare.year].has_value or by_year[current.year].has_value):
            continue  # no value in either edition: nothing to say of a change
        row = indicator_change(indicator=indicator, before=by_year[compare.year], after=by_year[current.year])
        row.category = codes.get(indicator.category_id, "")
        row.points = points
        indicator_rows.append(row)
    choices = compare_choices(current, series)
    return EditionChange(
        current=_edition_ref(current),
        compare=_edition_ref(compare),
        choices=[_edition_ref(a) for a in choices],
        editions=[_edition_ref(a) for a in series],
        categories=category_rows,
        indicators=indicator_rows,
    )


def initiative_groups(initiatives: list[Initiative], *, series: list[Assessment]) -> list[list[Initiative]]:
    """Return the initiatives of a series of editions grouped by initiative, each group oldest entry first: entries
    linked by `carried_from` are the same initiative."""
    by_pk = {initiative.pk: initiative for initiative in initiatives}
    years = {assessment.pk: assessment.year for assessment in series}
    groups: dict[int, list[Initiative]] = {}
    for initiative in initiatives:
        root, seen = initiative, set()
        while root.carried_from_id in by_pk and root.pk not in seen:
            seen.add(root.pk)
            root = by_pk[root.carried_from_id]
        groups.setdefault(root.pk, []).append(initiative)
    for members in groups.values():
        members.sort(key=lambda i: years.get(i.assessment_id, 0))
    return list(groups.values())


def _track(members: list[Initiative], years: dict[int, int], latest_year: int | None, editions: int) -> InitiativeTrack:
    last = members[-1]
    last_year, first_year = years.get(last.assessment_id), years.get(members[0].assessment_id)
    steps = [
        StatusStep(year=years.get(i.assessment_id), status=i.status, label=str(i.get_status_display())) for i in members
    ]
    if last.status == Initiative.Status.ENDED:
        state, label = "stopped", _("stopped (reported in %(year)s)") % {"year": last_year}
    elif last_year != latest_year:
        state, label = "unreported", _("last reported in %(year)s") % {"year": last_year}
    elif editions > 1 and first_year == latest_year:
        state, label = "started", _("new in %(year)s") % {"year": last_year}
    elif last.status == Initiative.Status.PLANNED:
        state, label = "planned", _("planned")
    else:
        state, label = "running", _("running since %(year)s") % {"year": first_year}
    return InitiativeTrack(initiative=last, steps=steps, state=state, state_label=str(label))


def initiative_tracks(
    initiatives: list[Initiative], *, series: list[Assessment], latest: int | None = None
) -> list[InitiativeTrack]:
    """Return the initiatives of a series of editions, each once, as last reported, with its status per edition.

    Entries linked by `carried_from` are the same initiative. An initiative is "started" when first reported in the
    latest edition of several, "stopped" when last reported as ended, "unreported" when a later edition did not carry
    it (it keeps its last status), else "running" (or "planned"). With `latest`, only that many are returned, the
    most recent first: last reported in the latest edition, then entered last (a page listing a few of many).
    """
    years = {assessment.pk: assessment.year for assessment in series}
    latest_year = max(years.values(), default=None)
    groups = initiative_groups(initiatives, series=series)
    if latest is None:
        groups.sort(key=lambda members: (members[-1].status == Initiative.Status.ENDED, members[-1].title.casefold()))
    else:
        groups.sort(key=lambda members: (-years.get(members[-1].assessment_id, 0), -members[-1].pk))
        groups = groups[:latest]
    return [_track(members, years, latest_year, len(series)) for members in groups]


# --- The radar of two editions


CURRENT_COLOUR, EARLIER_COLOUR = "#2e7d32", "#3949ab"


def edition_radar_series(name: str, change: EditionChange) -> list[Series]:
    """Return the two editions of a change as radar series: the current one solid, the earlier dashed with squares."""
    return [
        Series(
            name=f"{name} {change.current.year}",
            values=[row.after for row in change.categories],
            color=CURRENT_COLOUR,
        ),
        Series(
            name=f"{name} {change.compare.year}",
            values=[row.before for row in change.categories],
            color=EARLIER_COLOUR,
            dash="7 4",
            marker="square",
        ),
    ]


def change_radar(name: str, change: EditionChange, *, element_id: str) -> str:
    """Return the radar of both editions of a change overlaid, described point by point."""
    axes = [row.name for row in change.categories]
    if len(axes) < 3:
        return ""
    not_rated = _("not rated")
    series = edition_radar_series(name, change)
    description = radar_description(axes=axes, series=series, not_rated=not_rated)
    return radar_svg(
        axes=axes,
        series=series,
        title=_("Ratings of the categories, %(name)s: %(current)s against %(compare)s (0 to 10)")
        % {"name": name, "current": change.current.year, "compare": change.compare.year},
        description=description,
        not_rated_label=not_rated,
        element_id=element_id,
    )


# --- The city page's read


class NoSuchEdition(Exception):
    """The edition asked to compare with is not one the reader may compare with."""


def city_edition_change(
    *,
    current: Assessment,
    readable: list[Assessment],
    categories: list[Category],
    indicators: list[Indicator],
    current_initiatives: list[Initiative],
    compare_year: str | None = None,
) -> tuple[EditionChange | None, list[InitiativeTrack]]:
    """Return the change of the city's current edition against the baseline (or the edition of `compare_year`), and
    the initiatives of every edition up to the current one, followed across editions.

    `categories`, `indicators` and `current_initiatives` are those of the current edition's overview. No query for a
    single edition; six whatever the number of editions, indicators and initiatives. The change is None when there is no
    earlier published edition. Raises NoSuchEdition when `compare_year` names no earlier published edition.
    """
    series = edition_series(current, readable)
    choices = compare_choices(current, series)
    # The current edition's initiatives come with its overview; only the earlier editions' are read here.
    earlier = [a for a in series if a.pk != current.pk]
    initiatives = list(current_initiatives)
    if earlier:
        initiatives += initiatives_with_tags(Initiative.objects.filter(assessment__in=earlier)).order_by("title")
    tracks = initiative_tracks(initiatives, series=series)
    if compare_year:
        compare = next((a for a in choices if str(a.year) == compare_year), None)
        if compare is None:
            raise NoSuchEdition(compare_year)
    elif choices:
        compare = choices[0]
    else:
        return None, tracks
    readings = {(r.assessment_id, r.category_id): r for r in CategoryAssessment.objects.filter(assessment__in=series)}
    values = {(v.assessment_id, v.indicator_id): v for v in IndicatorValue.objects.filter(assessment__in=series)}
    change = edition_change(
        current=current,
        compare=compare,
        series=series,
        categories=categories,
        indicators=indicators,
        readings=readings,
        values=values,
    )
    return change, tracks


# --- Starting a follow-up edition


@transaction.atomic
def assessment_follow_up_start(*, previous: Assessment, year: int, by) -> Assessment:
    """Create the follow-up edition of a city's assessment, carrying the previous edition's initiatives into it.

    Each carried initiative keeps its identity (`carried_from`), its tags and its status, which the contributors then
    update (still running, stopped); a follow-up publishes without ever hiding the initiatives of earlier editions.
    """
    if year <= previous.year:
        raise AssessmentError(_("A follow-up edition comes after %(year)s.") % {"year": previous.year})
    follow_up = assessment_create(
        city=previous.city, year=year, by=by, framework=previous.framework, edition=Assessment.Edition.FOLLOW_UP
    )
    earlier = list(
        previous.initiatives.filter(carried_into__isnull=True).prefetch_related("categories", "actions", "pillars")
    )
    copies = bulk_create_with_history(
        [
            Initiative(
                assessment=follow_up,
                ref=f"{initiative.ref[:60]}-{year}",
                carried_from=initiative,
                **{
                    name: getattr(initiative, name)
                    for name in (
                        "title_en",
                        "title_fr",
                        "description_en",
                        "description_fr",
                        "actor_type",
                        "organisation_id",
                        "location",
                        "website",
                        "photo",
                        "photo_credit",
                        "start_year",
                        "status",
                    )
                },
            )
            for initiative in earlier
        ],
        Initiative,
        default_user=by,
    )
    for copy, initiative in zip(copies, earlier, strict=True):
        copy.categories.set(initiative.categories.all())
        copy.actions.set(initiative.actions.all())
        copy.pillars.set(initiative.pillars.all())
    return follow_up
