"""One column per language of the assessments app (django-modeltranslation).

Each model is registered together with the historical model django-simple-history builds for it, so that the
history keeps every language's column and not only the default one.
"""

from modeltranslation.translator import TranslationOptions, translator

from .models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Framework,
    Indicator,
    Initiative,
    Pillar,
    RecommendedAction,
)

TRANSLATED_FIELDS = {
    Framework: ("name", "description"),
    Category: ("name", "short_name", "description"),
    RecommendedAction: ("title", "short_title"),
    Indicator: ("name", "description", "method"),
    Pillar: ("name",),
    Assessment: ("summary",),
    CategoryAssessment: ("challenges", "strengths", "rating_rationale"),
    Challenge: ("title", "description"),
    Initiative: ("title", "description"),
}

for model, fields in TRANSLATED_FIELDS.items():
    options = type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": fields})
    translator.register(model, options)
    if hasattr(model, "history"):
        translator.register(model.history.model, options)
