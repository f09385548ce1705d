"""One column per language of the experiments app (django-modeltranslation); names of organisations and credits are
proper names and keep one column."""

from modeltranslation.translator import TranslationOptions, translator

from .models import Experiment, Funding, Observation, Partner, Session, Tool, ToolPhoto

TRANSLATED_FIELDS = {
    Experiment: ("title", "summary", "objectives"),
    Funding: ("source",),
    Partner: ("role",),
    Tool: ("title", "description", "lessons"),
    Observation: ("note",),
    ToolPhoto: ("caption",),
    Session: ("title", "audience", "material"),
}

for model, fields in TRANSLATED_FIELDS.items():
    translator.register(model, type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": fields}))
