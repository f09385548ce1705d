"""Reads of assessments shaped for pages, the API and reports, in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from core.predicates import is_team

from .models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Indicator,
    IndicatorValue,
    Initiative,
    has_value_q,
)


@dataclass
class Completeness:
    with_value: int
    total: int

    @property
    def percent(self) -> int | None:
        """Return the share of indicators with a value, in percent, or None when the category has no indicator."""
        return round(100 * self.with_value / self.total) if self.total else None


@dataclass
class CategoryOverview:
    category: Category
    reading: CategoryAssessment | None
    completeness: Completeness
    rows: list[tuple[Indicator, IndicatorValue | None]] = field(default_factory=list)
    challenges: list[Challenge] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)

    @property
    def rating(self) -> int | None:
        return self.reading.rating if self.reading else None


@dataclass
class AssessmentOverview:
    assessment: Assessment
    categories: list[CategoryOverview]
    initiatives: list[Initiative]
    challenges: list[Challenge]

    @property
    def ratings(self) -> list[int | None]:
        return [item.rating for item in self.categories]


def assessment_latest_published(*, city) -> Assessment | None:
    """Return the city's most recent published assessment, or None."""
    return Assessment.objects.published().for_city(city).select_related("framework").latest_first().first()


def initiatives_with_tags(queryset=None):
    """Return initiatives with their categories, pillars and organisation fetched in a fixed number of queries."""
    queryset = Initiative.objects.all() if queryset is None else queryset
    return queryset.select_related("organisation", "assessment__city").prefetch_related(
        "categories", "pillars", "actions"
    )


def assessment_overview(*, assessment: Assessment) -> AssessmentOverview:
    """Return everything a reader sees of an assessment, by category, with computed data completeness."""
    categories = list(assessment.framework.categories.order_by("order"))
    readings = {reading.category_id: reading for reading in assessment.category_assessments.all()}
    indicators = list(assessment.framework.indicators.order_by("number", "code"))
    values = {value.indicator_id: value for value in assessment.indicator_values.all()}
    challenges = list(assessment.challenges.prefetch_related("actions").order_by("category__order", "title"))
    initiatives = list(initiatives_with_tags(assessment.initiatives.all()).order_by("title"))

    overviews = []
    for category in categories:
        rows = [(ind, values.get(ind.pk)) for ind in indicators if ind.category_id == category.pk]
        completeness = Completeness(sum(1 for _, value in rows if value and value.has_value), len(rows))
        for indicator, value in rows:
            if value is not None:
                value.indicator = indicator  # already fetched: display_value needs it
        overviews.append(
            CategoryOverview(
                category=category,
                reading=readings.get(category.pk),
                completeness=completeness,
                rows=rows,
                challenges=[c for c in challenges if c.category_id == category.pk],
                initiatives=[i for i in initiatives if any(c.pk == category.pk for c in i.categories.all())],
            )
        )
    return AssessmentOverview(assessment, overviews, initiatives, challenges)


def category_completeness_many(assessments) -> dict[int, dict[int, Completeness]]:
    """Return, for each assessment, the data completeness of each category (keyed by assessment, then category id).

    Two queries whatever the number of assessments: the indicators per category, the values with data.
    """
    assessments = list(assessments)
    framework_ids = {assessment.framework_id for assessment in assessments}
    totals = Counter(
        Indicator.objects.filter(framework_id__in=framework_ids).values_list("framework_id", "category_id")
    )
    with_value = Counter(
        IndicatorValue.objects.filter(assessment__in=assessments)
        .filter(has_value_q())
        .values_list("assessment_id", "indicator__category_id")
    )
    return {
        assessment.pk: {
            category_id: Completeness(with_value[(assessment.pk, category_id)], total)
            for (framework_id, category_id), total in totals.items()
            if framework_id == assessment.framework_id
        }
        for assessment in assessments
    }


# --- The workflow inbox of the admin home ------------------------------------------------------------------------

INBOX_LIMIT = 10  # rows shown per list; the count says how many there are in all


@dataclass
class InboxList:
    """One list of the admin home: its name, how many assessments it holds, and the first of them."""

    key: str
    title: str
    count: int
    items: list


def workflow_inbox(user) -> list[InboxList]:
    """Return the admin home's lists: to review, sent back to the user, and the user's drafts (six queries at most).

    "To review" is for those who may publish (the team and reviewers); "sent back to you" holds the drafts the user
    wrote or submitted whose latest step was a reviewer's sending back; "my drafts" the user's other drafts.
    """
    from django.db.models import OuterRef, Q, Subquery
    from django.utils.translation import gettext_lazy as _

    from core.predicates import is_reviewer

    from .models import Transition

    if not getattr(user, "is_authenticated", False):
        return []
    base = Assessment.objects.select_related("city").order_by("-updated", "-pk")
    latest_from = Transition.objects.filter(assessment=OuterRef("pk")).order_by("-at", "-id").values("from_status")
    drafts = base.filter(status=Assessment.Status.DRAFT).annotate(latest_from=Subquery(latest_from[:1]))
    submitted_by_user = Transition.objects.filter(by=user, to_status=Assessment.Status.IN_REVIEW)
    mine = Q(authors=user) | Q(pk__in=submitted_by_user.values("assessment_id"))
    sent_back = Q(latest_from=Assessment.Status.IN_REVIEW)
    lists = []
    if is_team(user) or is_reviewer(user):
        lists.append(("to-review", _("To review"), base.filter(status=Assessment.Status.IN_REVIEW)))
    lists.append(("sent-back", _("Sent back to you"), drafts.filter(mine & sent_back).distinct()))
    not_sent_back = Q(latest_from__isnull=True) | ~sent_back  # a new draft has no step yet
    lists.append(("my-drafts", _("My drafts"), drafts.filter(Q(authors=user) & not_sent_back).distinct()))
    return [InboxList(key, title, queryset.count(), list(queryset[:INBOX_LIMIT])) for key, title, queryset in lists]


def framework_for_page(*, slug: str | None = None):
    """Return the active framework (the given one, else the first) with its categories, actions and indicators."""
    from django.db.models import Prefetch

    from .models import Framework, RecommendedAction

    frameworks = Framework.objects.filter(is_active=True).prefetch_related(
        Prefetch(
            "categories",
            queryset=Category.objects.order_by("order").prefetch_related(
                Prefetch("actions", queryset=RecommendedAction.objects.order_by("number")),
                Prefetch("indicators", queryset=Indicator.objects.order_by("number", "code")),
            ),
        )
    )
    return (frameworks.filter(slug=slug) if slug else frameworks.order_by("pk")).first()


# --- An indicator across editions ---------------------------------------------------------------------------------


def indicator_for_code(code: str) -> Indicator | None:
    """Return the indicator with this code (the first framework's when several frameworks share it)."""
    return Indicator.objects.select_related("category", "framework").filter(code=code).order_by("framework_id").first()


def indicator_values_across_editions(*, indicators, user, cities=None) -> dict[int, list[IndicatorValue]]:
    """Return, per indicator id, its values in the assessments the user may read, oldest edition first."""
    values = (
        IndicatorValue.objects.filter(indicator__in=indicators, assessment__in=Assessment.objects.visible_to(user))
        .select_related("assessment__city")
        .order_by("assessment__city__name", "assessment__year")
    )
    if cities is not None:
        values = values.filter(assessment__city__in=cities)
    grouped: dict[int, list[IndicatorValue]] = {}
    for value in values:
        grouped.setdefault(value.indicator_id, []).append(value)
    return grouped
