"""The duo dashboard's sections as plain, typed data (strings, numbers, dates): what the page, the CSV export, the API
and the duo report read, and what the public cache stores."""

from dataclasses import asdict, dataclass, field
from datetime import date

from assessments.editions import EditionChange


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
    # What the page narrowed, left out of as_dict: the category whose indicators were built (None: every one), and
    # each city's number of initiatives across editions (by slug), of which `cities[].initiatives` may list fewer.
    category: str | None = None
    initiative_counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Return the dashboard as JSON-ready dicts and lists (what the page narrowed left out)."""
        data = asdict(self)
        del data["category"], data["initiative_counts"]
        return data
