"""The admin site's name, shown to the project team and student contributors."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = admin.site.site_title = _("Let's Food Cities administration")
