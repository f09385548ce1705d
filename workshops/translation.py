"""One column per language of the workshops app (django-modeltranslation); history models included."""

from modeltranslation.translator import TranslationOptions, translator

from .models import Action, Criterion, Mission, Proposal, Scenario, ScenarioRound, Workshop

TRANSLATED_FIELDS = {
    Mission: ("title", "description", "film_synopsis"),
    Workshop: ("title", "agenda", "minutes"),
    Criterion: ("name",),
    Proposal: ("title", "description"),
    Action: ("title", "description"),
    Scenario: ("title", "summary"),
    ScenarioRound: ("title", "events"),
}

for model, fields in TRANSLATED_FIELDS.items():
    options = type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": fields})
    translator.register(model, options)
    if hasattr(model, "history"):
        translator.register(model.history.model, options)
