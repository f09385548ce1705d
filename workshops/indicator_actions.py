"""The workshops' section of the indicator page: the action-plan actions meant to move the indicator, numbered A1,
A2… in the order they started, with those starts marked on the indicator's chart."""

from assessments.indicator_page import IndicatorSection

from .closed_loop import action_markers
from .selectors import indicator_actions


def indicator_actions_section(*, indicator, user, city) -> IndicatorSection:
    cards = indicator_actions(indicator=indicator, user=user, city=city)
    dated = sorted((card.action for card in cards if card.action.start), key=lambda action: (action.start, action.pk))
    for number, action in enumerate(dated, start=1):
        action.marker = f"A{number}"  # its label on the chart and in the list
    return IndicatorSection(
        template="workshops/plans/_indicator_actions.html", data={"cards": cards}, markers=action_markers(dated)
    )
