"""One column per language of the cities app (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import City, Duo


@register(City)
class CityTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Duo)
class DuoTranslationOptions(TranslationOptions):
    fields = ("name", "existing_cooperation", "description")
