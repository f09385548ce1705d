"""The spreadsheets' column headers in templates: `{{ column|column_label }}` in the reader's language."""

from django import template

from assessments.columns import column_label as label

register = template.Library()


@register.filter
def column_label(key) -> str:
    return label(key)
