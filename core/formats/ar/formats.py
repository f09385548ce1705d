"""Arabic formats: Django's (Latin digits, as in Morocco and Tunisia), with thousands grouped."""

from django.conf.locale.ar.formats import *  # noqa: F403 (every format Django gives Arabic)

NUMBER_GROUPING = 3  # Django leaves Arabic numbers ungrouped: 1.118.000, not 1118000
