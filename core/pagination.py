"""Pages of API lists: a page number is a whole number from 1; anything else is refused, never read as page 1."""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


class StrictPageNumberPagination(PageNumberPagination):
    """DRF's page numbers, refusing with 400 a page that is no number (DRF reads an empty one as page 1)."""

    last_page_strings = ()  # the schema types a page as an integer: "last" would be a second type

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value is not None and not PAGE_NUMBER.fullmatch(value):
            raise ValidationError({self.page_query_param: [_("A page number is a whole number from 1.")]})
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 999_999_999}
        return parameters
