"""Refuse a request carrying a NUL byte (path, query string, form values) with 400 before any view reads it.

No text the platform stores or looks up may hold a NUL: PostgreSQL refuses it in text, which would turn a hostile
address such as /en/vote/%00/ into a server error deep inside a view.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.http.multipartparser import MultiPartParserError

NUL = "\x00"


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
    if request.method == "POST" and _form_readable_here(request):
        try:
            field = _field_with_nul(request.POST)
        except MultiPartParserError:  # a malformed body: the view's parser refuses it with 400
            return ""
        if field is not None:
            return f'the form field "{field}"'
    return ""


def _form_readable_here(request: HttpRequest) -> bool:
    """Return whether the form can be read here and still be read by the view, raw body included.

    A multipart body is streamed when parsed, after which the view could not read request.body (the one-click
    unsubscription does): it is read first, which keeps a copy. Bodies too large to be kept in memory (file uploads
    in the admin) are left to the view's form, whose text fields refuse NUL bytes too.
    """
    if request.content_type == "application/x-www-form-urlencoded":
        return True
    if request.content_type != "multipart/form-data":
        return False
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    if not 0 < length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        return False
    request.body  # noqa: B018 -- kept in memory, so that parsing the form leaves it readable
    return True


def api_error(request: HttpRequest, where: str) -> dict:
    """Return the API's error body for a NUL byte: keyed by the parameter or field that holds it, else `detail`."""
    field = _field_with_nul(request.GET)
    if field is None and where.startswith("the form field"):
        field = _field_with_nul(request.POST)
    if field is not None:
        return {field: ["This value may not contain a NUL byte."]}
    return {"detail": f"Bad request: {where} contains a NUL byte."}


class RejectNulBytesMiddleware:
    """Answer 400 to a request with a NUL byte in its path, query string or form values."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = nul_byte_found_in(request)
        if where and request.path.startswith("/api/"):
            return JsonResponse(api_error(request, where), status=400)  # the API's one error shape
        if where:
            return HttpResponseBadRequest(
                f"Bad request: {where} contains a NUL byte.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
