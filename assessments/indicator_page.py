"""What the indicator page shows beyond the assessments' own data, contributed by the apps that know more of an
indicator: the workshops app adds the action-plan actions meant to move it, and marks their starts on its chart.

An app registers a provider in its AppConfig.ready(); the page calls each with the indicator, the reader and the city
shown (or None for every city). Assessments import nothing of the apps built on them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from core.time_charts import TimeMarker


@dataclass(frozen=True)
class IndicatorSection:
    """A section of the indicator page: the template that draws it, its data, and its dated markers on the chart."""

    template: str
    data: dict
    markers: list[TimeMarker] = field(default_factory=list)


IndicatorSectionProvider = Callable[..., IndicatorSection | None]

_providers: list[IndicatorSectionProvider] = []


def indicator_section_provider(provider: IndicatorSectionProvider) -> IndicatorSectionProvider:
    """Register provider(*, indicator, user, city) as a source of the indicator page's sections (idempotent)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def indicator_sections(*, indicator, user, city) -> list[IndicatorSection]:
    """Return the sections every registered provider gives for the indicator, in registration order."""
    sections = (provider(indicator=indicator, user=user, city=city) for provider in _providers)
    return [section for section in sections if section is not None]
