"""Refuse a request carrying a NUL byte (path, query string, form values) with 400 before any view reads it.

No text the platform stores or looks up may hold a NUL: PostgreSQL refuses it in text, which would turn a hostile
address such as /en/vote/%00/ into a server error deep inside a view.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _field_with_nul(query_dict) -> str | None:
    """Return the name of the first field whose name or a value holds a NUL byte, None if none does."""
    for key, values in query_dict.lists():
        if NUL in key or any(NUL in value for value in values):
            return key.replace(NUL, "\\0")[:100]
    return None


def nul_byte_found_in(request: HttpRequest) -> str:
    """Return where the request carries a NUL byte (the path, a query parameter, a form field), or ""."""
    if NUL in request.path or NUL in request.path_info:
        return "the path"
    field = _field_with_nul(request.GET)
    if field is not None:
        return f'the query parameter "{field}"'
    if "%00" in request.META.get("QUERY_STRING", ""):
        return "the query string"
    if request.method == "POST" and request.content_type in FORM_TYPES:
        field = _field_with_nul(request.POST)
        if field is not None:
            return f'the form field "{field}"'
    return ""


class RejectNulBytesMiddleware:
    """Answer 400 to a request with a NUL byte in its path, query string or form values."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = nul_byte_found_in(request)
        if where:
            return HttpResponseBadRequest(
                f"Bad request: {where} contains a NUL byte.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
