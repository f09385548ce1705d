"""Dates as each language writes them: Persian in the Solar Hijri calendar, the calendar of Iran (Tehran's officials
read "۱۶ آذر ۱۴۰۵", not "7 December 2026"); the other languages in the Gregorian calendar, as Django formats them.

Only the human formats change calendar: the locale's named formats (DATE_FORMAT, SHORT_DATE_FORMAT, DATETIME_FORMAT,
YEAR_MONTH_FORMAT, MONTH_DAY_FORMAT), used by `{{ value|date:"DATE_FORMAT" }}` in templates (the `date` filter of
core/templatetags/local_dates.py, a template builtin) and by date_format() in Python (reports, digests). A format
written out ("Y-m-d", "c") is a machine's (a form value, a datetime attribute, a file) and stays Gregorian.
"""

import datetime
import re

import jdatetime
from django.conf import settings
from django.utils import dateformat, formats
from django.utils.translation import get_language

# The date tokens of Django's format strings that depend on the calendar; the others (time, escapes) are Django's.
_DATE_TOKEN = re.compile(r"\\.|[dDjlNnmFMbEYyS]")


def calendar_for(language: str | None) -> str:
    """Return the calendar the language writes dates in: 'persian' or 'gregorian'."""
    return settings.LANGUAGE_CALENDARS.get((language or "").split("-")[0], "gregorian")


def _persian(value: datetime.date, format_string: str) -> str:
    day = value.date() if isinstance(value, datetime.datetime) else value
    jalali = jdatetime.date.fromgregorian(date=day)
    month = jalali.j_months_fa[jalali.month - 1]
    weekday = jalali.j_weekdays_fa[jalali.weekday()]
    values = {
        "d": f"{jalali.day:02d}",
        "j": str(jalali.day),
        "D": weekday,
        "l": weekday,
        "N": month,
        "F": month,
        "M": month,
        "b": month,
        "E": month,
        "n": str(jalali.month),
        "m": f"{jalali.month:02d}",
        "Y": str(jalali.year),
        "y": f"{jalali.year % 100:02d}",
        "S": "",
    }

    def replace(match: re.Match) -> str:
        token = match.group(0)
        # Persian words and digits are not format characters: Django's formatter keeps them as they are.
        return token if token.startswith("\\") else values[token]

    return dateformat.format(value, _DATE_TOKEN.sub(replace, format_string))


def date_format(value, format_name: str | None = None) -> str:
    """Return the date (or datetime) in a named format of the active language, in its calendar."""
    if value in (None, ""):
        return ""
    name = format_name or "DATE_FORMAT"
    if calendar_for(get_language()) == "persian" and name.endswith("_FORMAT") and isinstance(value, datetime.date):
        return _persian(value, formats.get_format(name))
    return formats.date_format(value, name)
