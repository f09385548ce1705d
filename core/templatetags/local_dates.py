"""The `date` filter, in every template (a builtin of the template engine): Django's, except that a named format in a
language with another calendar (Persian) is written in that calendar (core/dates.py)."""

from django import template
from django.template.defaultfilters import date as django_date
from django.utils.translation import get_language

from core.dates import calendar_for, date_format

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    named = arg is None or (isinstance(arg, str) and arg.endswith("_FORMAT"))
    if named and calendar_for(get_language()) != "gregorian":
        try:
            return date_format(value, arg)
        except (AttributeError, TypeError, ValueError):
            return ""
    return django_date(value, arg)
