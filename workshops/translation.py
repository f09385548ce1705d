"""One column per language of the workshops app (django-modeltranslation); history models included."""

from modeltranslation.translator import TranslationOptions, translator

from .models import (
    Action,
    ActionUpdate,
    Criterion,
    Milestone,
    Mission,
    Photo,
    Proposal,
    RoundDecision,
    Scenario,
    ScenarioRound,
    SimulationGroup,
    Vulnerability,
    Workshop,
)

TRANSLATED_FIELDS = {
    Mission: ("title", "description", "film_synopsis", "event_venue", "event_authorities"),
    Workshop: ("title", "agenda", "minutes", "private_notes"),
    Photo: ("caption",),
    Criterion: ("name",),
    Proposal: ("title", "description"),
    Action: ("title", "description", "funding_source", "internal_notes"),
    Milestone: ("title",),
    ActionUpdate: ("note",),
    Scenario: ("title", "hazard", "summary"),
    ScenarioRound: ("title", "events"),
    SimulationGroup: ("name",),
    RoundDecision: ("decision",),
    Vulnerability: ("description",),
}

for model, fields in TRANSLATED_FIELDS.items():
    options = type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": fields})
    translator.register(model, options)
    if hasattr(model, "history"):
        translator.register(model.history.model, options)
