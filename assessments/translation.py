"""French and English columns of the assessments app (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Framework, Indicator, Pillar, RecommendedAction


@register(Framework)
class FrameworkTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(RecommendedAction)
class RecommendedActionTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "description", "method")


@register(Pillar)
class PillarTranslationOptions(TranslationOptions):
    fields = ("name",)
