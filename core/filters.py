"""API filters: a filter that takes a choice, a number or a yes/no refuses an empty or unreadable value with 400.

django-filter reads `?role=` as no filter and `?verified=maybe` as no filter either, so a mistyped filter would
silently answer everything. Text filters still take an empty value (the schema allows it): no filter.
"""

import re

import django_filters
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import get_model_field
from rest_framework.exceptions import ValidationError

BOOLEANS = ("true", "false")
INTEGER = re.compile(r"-?[0-9]+")  # one out of the column's range matches nothing


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend, refusing an empty choice or number and a yes/no other than true or false."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            errors = {}
            for name, declared in filterset.filters.items():
                if name not in request.query_params:
                    continue
                value = request.query_params[name]
                if isinstance(declared, django_filters.BooleanFilter) and value.lower() not in BOOLEANS:
                    errors[name] = [_("Either true or false.")]
                elif value == "" and not isinstance(declared, django_filters.CharFilter):
                    errors[name] = [_("This value may not be empty: leave the parameter out for no filter.")]
                elif _counts_whole_numbers(filterset, declared) and not INTEGER.fullmatch(value):
                    errors[name] = [_("A whole number.")]
            if errors:
                raise ValidationError(errors)
        return filterset


def _counts_whole_numbers(filterset, declared) -> bool:
    """Return whether a number filter reads an integer column (the schema says integer; django-filter takes 0.5)."""
    if not isinstance(declared, django_filters.NumberFilter):
        return False
    field = get_model_field(filterset._meta.model, declared.field_name)
    return isinstance(field, models.IntegerField)
