"""Vietnamese formats: Django's, with thousands grouped."""

from django.conf.locale.vi.formats import *  # noqa: F403 (every format Django gives Vietnamese)

NUMBER_GROUPING = 3  # Django leaves Vietnamese numbers ungrouped: 8.993.000, not 8993000
