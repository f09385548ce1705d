from django.apps import AppConfig


class LetsfoodConfig(AppConfig):
    name = "letsfood"
    verbose_name = "Let's Food Cities"

    def ready(self):
        from django.contrib import admin
        from django.utils.translation import gettext_lazy as _

        # The admin site's name, shown to the project team and student contributors.
        admin.site.site_header = admin.site.site_title = _("Let's Food Cities administration")
