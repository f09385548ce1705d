from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Category, Framework, Indicator, Pillar, RecommendedAction


class CategoryInline(TranslationTabularInline):
    model = Category
    extra = 0
    fields = ("order", "code", "short_name", "name")


@admin.register(Framework)
class FrameworkAdmin(TranslationAdmin):
    list_display = ("name", "version", "slug", "is_active")
    search_fields = ("name_en", "name_fr", "slug")
    inlines = [CategoryInline]


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ("short_name", "framework", "order", "code")
    list_filter = ("framework",)
    search_fields = ("name_en", "name_fr", "short_name_en", "short_name_fr", "code")


@admin.register(RecommendedAction)
class RecommendedActionAdmin(TranslationAdmin):
    list_display = ("number", "title", "category", "verified")
    list_filter = ("framework", "category", "verified")
    search_fields = ("title_en", "title_fr", "number")
    autocomplete_fields = ("category",)
    list_select_related = ("category",)


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ("code", "name", "category", "value_type", "unit", "direction", "verified")
    list_filter = ("framework", "category", "value_type", "direction", "verified")
    search_fields = ("code", "name_en", "name_fr")
    autocomplete_fields = ("category", "actions")
    list_select_related = ("category",)


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    list_display = ("name", "order", "code")
