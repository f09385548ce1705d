from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from assessments.indicator_page import indicator_section_provider

        from .indicator_actions import indicator_actions_section

        indicator_section_provider(indicator_actions_section)
