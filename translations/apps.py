"""The team's translation workflow; at start-up, every translatable model's admin learns to show its languages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import admin

        admin.add_translation_status_to_admins()
