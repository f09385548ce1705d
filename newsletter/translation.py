"""One column per language of the newsletter app (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Campaign, ConsentText, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(ConsentText)
class ConsentTextTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("subject", "body")
