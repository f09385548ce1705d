"""The admin's view of translations: which languages each translatable object is complete in."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import services

STATUS_FIELD = "translation_status"


class TranslationStatusMixin:
    """Show, in the list and on the change page, the languages an object is complete in and those it lacks."""

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/translations.css"]})

    @admin.display(description=_("Languages complete"))
    def translation_status(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        status = services.language_status(obj)
        return format_html(
            '<span class="translation-status">{}</span>',
            format_html_join(
                " ",
                '<span title="{}" class="{}">{}&nbsp;{}</span>',
                (
                    (
                        gettext("complete") if complete else gettext("missing"),
                        "lang-complete" if complete else "lang-missing",
                        code,
                        "✓" if complete else "✗",
                    )
                    for code, complete in status.items()
                ),
            ),
        )

    def get_list_display(self, request):
        shown = list(super().get_list_display(request))
        return shown if STATUS_FIELD in shown else [*shown, STATUS_FIELD]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if STATUS_FIELD in fields else [*fields, STATUS_FIELD]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if any(STATUS_FIELD in flat for flat in (_flatten(options.get("fields", ())) for _n, options in fieldsets)):
            return fieldsets
        return [*fieldsets, (_("Translations"), {"fields": [STATUS_FIELD]})]


def _flatten(fields):
    for item in fields:
        if isinstance(item, (list, tuple)):
            yield from item
        else:
            yield item


def add_translation_status_to_admins(site=admin.site) -> None:
    """Give every translatable model's ModelAdmin the status mixin (models registered later are not changed)."""
    for model, _fields in services.translatable_models():
        model_admin = site._registry.get(model)
        if model_admin is None or isinstance(model_admin, TranslationStatusMixin):
            continue
        base = type(model_admin)
        with_status = type(base.__name__, (TranslationStatusMixin, base), {"__module__": base.__module__})
        site.unregister(model)
        site.register(model, with_status)
