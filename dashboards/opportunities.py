"""Cooperation opportunities of a duo (pure): where one city is strong and the other weak in a category, or where the
strong city's initiatives serve the recommended action of the other's challenge, ranked, each with its reason."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .sections import ChallengeItem, InitiativeItem, Opportunity

STRONG_RATING = 7  # a rating at or above it is a strength
WEAK_RATING = 4  # a rating at or below it is a weakness
STRONG_INITIATIVES = 2  # as many initiatives in a category make a strength
SERIOUS_SEVERITIES = ("high", "critical")
INSPIRING_CAP = 3  # initiatives counted in a score: beyond three, more examples do not make a better theme


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


def _opportunity(common: dict, strong, weak, *, initiatives, challenges, scored, action=None) -> Opportunity:
    """Return one opportunity: `scored` are the challenges its score counts, `challenges` those its reason lists."""
    return Opportunity(
        **common,
        action=action,
        action_title="",
        score=_score(strong, weak, initiatives, scored),
        initiatives=initiatives,
        reason=_reason(
            strong_name=common["source_name"],
            weak_name=common["target_name"],
            category_name=common["category_name"],
            strong=strong,
            weak=weak,
            initiatives=initiatives,
            challenges=challenges,
            action=action,
        ),
    )


def _pair_opportunities(common: dict, strong: OpportunityInput, weak: OpportunityInput) -> list[Opportunity]:
    """Return what the strong city may offer the weak one in a category: the theme, then one per shared action."""
    found = []
    if _is_strong(strong) and _is_weak(weak):
        challenges = _serious(weak.challenges) or list(weak.challenges)
        found.append(
            _opportunity(
                common, strong, weak, initiatives=strong.initiatives, challenges=challenges, scored=weak.challenges
            )
        )
    actions = sorted({number for c in weak.challenges for number in c.actions})
    for number in actions:
        inspiring = [i for i in strong.initiatives if number in i.actions]
        challenges = [c for c in weak.challenges if number in c.actions]
        if not inspiring:
            continue
        found.append(
            _opportunity(
                common, strong, weak, initiatives=inspiring, challenges=challenges, scored=challenges, action=number
            )
        )
    return found


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
            common = {
                "source": strong_slug,
                "target": weak_slug,
                "source_name": strong_name,
                "target_name": weak_name,
                "category": code,
                "category_name": name,
                "category_order": order,
            }
            strong = facts.get((strong_slug, code), empty)
            weak = facts.get((weak_slug, code), empty)
            found.extend(_pair_opportunities(common, strong, weak))
    found.sort(key=lambda o: (-o.score, o.category_order, o.action or 0, o.source))
    return found
