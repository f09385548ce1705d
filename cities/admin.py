from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin import MapAdminMixin, territory_of_request

from .models import City, Duo, DuoContact, Organisation


@admin.register(City)
class CityAdmin(MapAdminMixin, TranslationAdmin):
    list_display = ("name", "country", "role", "kind", "population", "population_year", "is_published")
    list_filter = ("role", "kind", "country", "is_published")
    search_fields = ("name_en", "name_fr", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "country", "kind", "role", "parent", "is_published")}),
        (_("Location"), {"fields": ("location", "location_source", "outline")}),
        (
            _("Facts"),
            {
                "fields": (
                    "population",
                    "population_year",
                    "population_unit",
                    "population_source",
                    "mufpp_signed",
                    "languages",
                    "timezone",
                )
            },
        ),
        (_("Presentation"), {"fields": ("description", "photo", "photo_credit")}),
    )

    def map_territory(self, request, obj):
        return obj


@admin.register(Duo)
class DuoAdmin(TranslationAdmin):
    list_display = ("name", "french_city", "partner_city", "phase", "start_year", "is_published")
    list_filter = ("phase", "is_published")
    search_fields = (
        "name_en",
        "name_fr",
        "french_city__name_en",
        "french_city__name_fr",
        "partner_city__name_en",
        "partner_city__name_fr",
    )
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("french_city", "partner_city")
    list_select_related = ("french_city", "partner_city")
    fieldsets = (
        (None, {"fields": ("name", "slug", "french_city", "partner_city", "start_year", "is_published")}),
        (_("About"), {"fields": ("description", "existing_cooperation")}),
        (
            _("Programme phases"),
            {
                "fields": (
                    "phase",
                    ("assessment_start", "assessment_end"),
                    ("mission_start", "mission_end"),
                    ("monitoring_start", "monitoring_end"),
                )
            },
        ),
    )


@admin.register(Organisation)
class OrganisationAdmin(MapAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "city", "website")
    list_filter = ("kind", "city")
    search_fields = ("name", "city__name_en", "city__name_fr")
    autocomplete_fields = ("city",)
    list_select_related = ("city",)

    def map_territory(self, request, obj):
        return obj.city if obj is not None else territory_of_request(request, City, "city")


@admin.register(DuoContact)
class DuoContactAdmin(admin.ModelAdmin):
    """A duo's contacts: private, edited by the team (cities.rules)."""

    list_display = ("name", "title", "duo", "city", "organisation", "email", "phone")
    list_filter = ("duo",)
    search_fields = ("name", "title", "email", "organisation__name")
    autocomplete_fields = ("duo", "city", "organisation")
    list_select_related = ("duo", "city", "organisation")
