"""The network's coverage of the MUFPP recommended actions: actions × duo cities, in a fixed number of queries."""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Count

from assessments.models import Assessment, Category, Challenge, Initiative, RecommendedAction
from assessments.services import MUFPP_SLUG
from cities.models import City, Duo
from workshops.selectors import planned_action_coverage

# A source of planned actions: given the viewer, the recommended actions and the cities of the matrix, it returns
# {(action_id, city_id): count}. The workshops app provides one (action-plan actions linked to recommended actions);
# this module, which composes the apps, lists it here, so that no app imports from the project package.
PlannedActionSource = Callable[..., Mapping[tuple[int, int], int]]
PLANNED_ACTION_SOURCES: list[PlannedActionSource] = [planned_action_coverage]

# Duos per page of the matrix, on the page and in the API: the programme's duos fit on one, a network's columns do not.
DUOS_PER_PAGE = 40


@dataclass(frozen=True)
class Coverage:
    initiatives: int = 0
    challenges: int = 0
    planned: int = 0

    def __add__(self, other: "Coverage") -> "Coverage":
        return Coverage(
            self.initiatives + other.initiatives, self.challenges + other.challenges, self.planned + other.planned
        )

    @property
    def total(self) -> int:
        return self.initiatives + self.challenges + self.planned

    @property
    def level(self) -> int:
        """Return the colour step of the cell, 0 (nothing) to 4 (five items or more)."""
        return 0 if self.total == 0 else 1 if self.total == 1 else 2 if self.total == 2 else 3 if self.total < 5 else 4

    def as_dict(self) -> dict:
        return {"initiatives": self.initiatives, "challenges": self.challenges, "planned": self.planned}


@dataclass
class CityColumn:
    city: City
    duo: Duo
    assessment: dict | None  # id, slug, year and status of the assessment counted, or None when none is readable
    total: Coverage = field(default_factory=Coverage)

    @property
    def is_draft(self) -> bool:
        return self.assessment is not None and self.assessment["status"] != Assessment.Status.PUBLISHED


@dataclass
class DuoGroup:
    duo: Duo
    columns: list[CityColumn]


@dataclass
class ActionRow:
    action: RecommendedAction
    cells: list[Coverage]  # in the order of the columns
    total: Coverage


@dataclass
class CategoryGroup:
    category: Category
    rows: list[ActionRow]


@dataclass
class NetworkCoverage:
    duos: list[DuoGroup]
    columns: list[CityColumn]
    categories: list[CategoryGroup]  # only the chosen category when the matrix is filtered
    all_categories: list[Category]
    total: Coverage
    tracks_planned: bool

    @property
    def has_unassessed(self) -> bool:
        return any(column.assessment is None for column in self.columns)

    @property
    def rows(self) -> list[ActionRow]:
        return [row for group in self.categories for row in group.rows]


def _latest_readable_assessments(user, city_ids: Iterable[int]) -> dict[int, dict]:
    """Return, per city, the latest MUFPP assessment the user may read (drafts only for those allowed)."""
    readable = (
        Assessment.objects.visible_to(user)
        .filter(framework__slug=MUFPP_SLUG, city_id__in=list(city_ids))
        .order_by("-year", "-id")
        .values("id", "slug", "year", "status", "city_id")
    )
    latest: dict[int, dict] = {}
    for assessment in readable:
        latest.setdefault(assessment["city_id"], assessment)
    return latest


def _counts(through, owner: str, assessment_ids: list[int], action_ids: list[int]) -> Counter:
    """Return {(action_id, city_id): count} of the initiatives or challenges of these assessments linked to actions."""
    rows = (
        through.objects.filter(
            **{f"{owner}__assessment_id__in": assessment_ids, "recommendedaction_id__in": action_ids}
        )
        .values_list("recommendedaction_id", f"{owner}__assessment__city_id")
        .annotate(count=Count(f"{owner}_id", distinct=True))
        .order_by()
    )
    return Counter({(action_id, city_id): count for action_id, city_id, count in rows})


def network_coverage(*, user, category: str | None = None) -> NetworkCoverage:
    """Return the matrix of the MUFPP recommended actions × the duo cities, with what covers each cell.

    A cell counts the initiatives and challenges linked to the action in the latest assessment of the city that the
    user may read (published ones for the public, drafts too for the team), and the planned actions of the sources
    in PLANNED_ACTION_SOURCES. Filtered by a category code when one is given (an unknown code shows every category).
    Five queries whatever the data, plus those of the planned-action sources and of the user's role.
    """
    actions = list(
        RecommendedAction.objects.filter(framework__slug=MUFPP_SLUG)
        .select_related("category")
        .order_by("category__order", "number")
    )
    all_categories = list({action.category_id: action.category for action in actions}.values())
    if category and any(item.code == category for item in all_categories):
        actions = [action for action in actions if action.category.code == category]
    duos = list(
        Duo.objects.published().with_cities().filter(french_city__is_published=True, partner_city__is_published=True)
    )
    cities = [city for duo in duos for city in duo.cities]
    latest = _latest_readable_assessments(user, {city.pk for city in cities})

    assessment_ids = [assessment["id"] for assessment in latest.values()]
    action_ids = [action.pk for action in actions]
    initiatives = _counts(Initiative.actions.through, "initiative", assessment_ids, action_ids)
    challenges = _counts(Challenge.actions.through, "challenge", assessment_ids, action_ids)
    planned: Counter = Counter()
    for source in PLANNED_ACTION_SOURCES:
        planned.update(source(user=user, action_ids=action_ids, city_ids=[city.pk for city in cities]))

    columns = [CityColumn(city=city, duo=duo, assessment=latest.get(city.pk)) for duo in duos for city in duo.cities]
    groups: dict[int, CategoryGroup] = {}
    total = Coverage()
    for action in actions:
        cells = [
            Coverage(
                initiatives[action.pk, column.city.pk],
                challenges[action.pk, column.city.pk],
                planned[action.pk, column.city.pk],
            )
            for column in columns
        ]
        row_total = sum(cells, Coverage())
        for column, cell in zip(columns, cells, strict=True):
            column.total += cell
        total += row_total
        groups.setdefault(action.category_id, CategoryGroup(action.category, [])).rows.append(
            ActionRow(action, cells, row_total)
        )
    return NetworkCoverage(
        duos=[DuoGroup(duo, [column for column in columns if column.duo is duo]) for duo in duos],
        columns=columns,
        categories=list(groups.values()),
        all_categories=all_categories,
        total=total,
        tracks_planned=bool(PLANNED_ACTION_SOURCES),
    )
