"""The id of the request being served: the proxy's X-Request-ID or a new one, answered back and put on each log line."""

import re
import uuid
from contextvars import ContextVar

from django.core.signals import request_finished

HEADER = "X-Request-ID"
# What a proxy sends is trusted only when it looks like an id (Caddy's UUIDs, hex, base64url): anything else
# (too long, spaces, newlines that would forge log lines) is replaced by an id of our own.
SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

current_request_id: ContextVar[str] = ContextVar("request_id", default="-")


def request_id_from(value: str | None) -> str:
    """Return the proxy's id when it is a sane token, otherwise a new random one."""
    if value and SANE_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Give every request an id, for the whole time it is served, and answer with it in the X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_from(request.headers.get(HEADER))
        current_request_id.set(request.id)
        response = self.get_response(request)
        response[HEADER] = request.id
        return response


def _forget_request_id(**kwargs) -> None:
    # Not when the middleware returns: Django logs a 4xx or 5xx response after the middleware, and that line
    # belongs to the request too. The request is over once its response is closed.
    current_request_id.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="core.request_id.forget")
