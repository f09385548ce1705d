"""Cooperation opportunities: suggested where one city is strong and the other weak, ranked, with their reasons."""

from dashboards.opportunities import OpportunityInput, cooperation_opportunities
from dashboards.sections import ChallengeItem, InitiativeItem

CITIES = [("montpellier", "Montpellier"), ("fez", "Fez")]
CATEGORIES = [
    ("governance", "Governance", 0),
    ("food_production", "Food production", 1),
    ("food_waste", "Food waste", 2),
]


def initiative(title, actions=()):
    return InitiativeItem(ref=title.lower(), title=title, url=f"/{title}", categories=[], actions=list(actions))


def challenge(title, severity, actions=()):
    return ChallengeItem(
        title=title, severity=severity, severity_label=severity.title(), category="", actions=list(actions)
    )


def test_a_strong_city_facing_a_weak_one_gives_a_theme_with_the_facts_as_reason():
    facts = {
        ("montpellier", "food_waste"): OpportunityInput(8, [], [initiative("Compost"), initiative("Food bank")]),
        ("fez", "food_waste"): OpportunityInput(3, [challenge("Large losses in wholesale markets", "high")], []),
    }
    [theme] = cooperation_opportunities(cities=CITIES, categories=CATEGORIES, facts=facts)
    assert (theme.source, theme.target, theme.category, theme.action) == ("montpellier", "fez", "food_waste", None)
    assert theme.score == 5 + 2 * 2 + 3
    assert [i.title for i in theme.initiatives] == ["Compost", "Food bank"]
    assert theme.reason == (
        "Fez rates food waste 3/10 and reports “Large losses in wholesale markets” (high); "
        "Montpellier rates it 8/10 and runs 2 initiatives: “Compost”, “Food bank”."
    )


def test_no_theme_when_neither_city_is_weak_or_neither_is_strong():
    facts = {
        ("montpellier", "governance"): OpportunityInput(8, [], []),
        ("fez", "governance"): OpportunityInput(6, [challenge("Split policy", "medium")], []),
        ("montpellier", "food_production"): OpportunityInput(5, [], [initiative("Garden")]),
        ("fez", "food_production"): OpportunityInput(2, [], []),
    }
    assert cooperation_opportunities(cities=CITIES, categories=CATEGORIES, facts=facts) == []


def test_themes_are_ranked_by_score_then_by_category_order_and_go_both_ways():
    facts = {
        # Fez inspires Montpellier in governance: gap 5, no initiative, no serious challenge: 5.
        ("fez", "governance"): OpportunityInput(9, [], []),
        ("montpellier", "governance"): OpportunityInput(4, [], []),
        # Montpellier inspires Fez in food production: gap 5 as well: same score, later category.
        ("montpellier", "food_production"): OpportunityInput(7, [], []),
        ("fez", "food_production"): OpportunityInput(2, [], []),
        # Montpellier inspires Fez on food waste with many initiatives, capped at three: 0 + 6 + 3 = 9.
        ("montpellier", "food_waste"): OpportunityInput(None, [], [initiative(f"I{n}") for n in range(5)]),
        ("fez", "food_waste"): OpportunityInput(None, [challenge("Losses", "critical")], []),
    }
    themes = cooperation_opportunities(cities=CITIES, categories=CATEGORIES, facts=facts)
    assert [(t.category, t.source, t.score) for t in themes] == [
        ("food_waste", "montpellier", 9),
        ("governance", "fez", 5),
        ("food_production", "montpellier", 5),
    ]
    assert themes[0].reason.startswith("Fez reports “Losses” (critical) in food waste; Montpellier runs 5 initiatives")


def test_an_initiative_and_a_challenge_serving_the_same_action_give_a_more_specific_theme():
    facts = {
        ("montpellier", "food_waste"): OpportunityInput(
            6, [], [initiative("Compost", [34]), initiative("Other", [35])]
        ),
        ("fez", "food_waste"): OpportunityInput(5, [challenge("Market losses", "medium", [34])], []),
    }
    themes = cooperation_opportunities(cities=CITIES, categories=CATEGORIES, facts=facts)
    # Neither side is strong or weak at the category level, but action 34 links them.
    [theme] = themes
    assert (theme.action, [i.title for i in theme.initiatives]) == (34, ["Compost"])
    assert theme.score == 1 + 2
    assert theme.reason.startswith(
        "Recommended action 34: Fez rates food waste 5/10 and reports “Market losses” (medium)"
    )
