"""Persian formats: Django's, with the Persian decimal and thousands separators (momayyez and the Arabic comma)."""

from django.conf.locale.fa.formats import *  # noqa: F403 (every format Django gives Persian)

DECIMAL_SEPARATOR = "٫"
THOUSAND_SEPARATOR = "٬"
NUMBER_GROUPING = 3  # Django leaves Persian numbers ungrouped: 9٬039٬000, not 9039000
