"""The bounce webhook: the email provider reports bounces and complaints, signed with a shared secret.

The body is checked strictly before anything is recorded (size, nesting, types, finite numbers, no NUL character),
and each event carries an id and a time: an event older or newer than the window is refused, and an id seen within
the window is answered "duplicate" without being counted again, so a captured signed body cannot be replayed.
"""

import hashlib
import hmac
import json
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import BounceEvent
from .services import bounce_record

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Letsfood-Signature"
MAX_BODY_BYTES = 16 * 1024  # a bounce report is a few hundred bytes
MAX_DEPTH = 5  # the event object, and at most four levels of provider details inside it
MAX_EMAIL_LENGTH = 254
MAX_ID_LENGTH = 200
SEEN_KEY = "newsletter-webhook-event:"


class PayloadError(ValueError):
    """The body is not an acceptable event; `field` names the culprit when there is one."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


def webhook_signature(body: bytes, secret: str) -> str:
    """Return the signature header's value for a body: sha256=<hex HMAC-SHA256 of the raw body>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _refuse_constant(name: str):
    raise PayloadError(f"{name} is not a finite number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise PayloadError(f"{text[:20]} is not a finite number")
    return value


def _check_values(value, depth: int = 1) -> None:
    """Refuse nesting beyond MAX_DEPTH and any NUL character, in keys and strings alike."""
    if depth > MAX_DEPTH:
        raise PayloadError(f"the body is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        if "\x00" in value:
            raise PayloadError("a string contains a NUL character")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_values(key, depth)
            _check_values(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_values(item, depth + 1)


def _nesting_depth(body: bytes) -> int:
    """Return how deep brackets nest in a JSON text (outside strings), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def event_parse(body: bytes, *, now: float | None = None) -> dict:
    """Return the event of a webhook body, checked; raise PayloadError saying what is wrong (and in which field)."""
    if _nesting_depth(body) > MAX_DEPTH:  # before parsing: deep nesting would exhaust the parser's recursion
        raise PayloadError(f"the body is nested more than {MAX_DEPTH} levels deep")
    try:
        payload = json.loads(body, parse_constant=_refuse_constant, parse_float=_finite_float)
    except PayloadError:
        raise
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise PayloadError("malformed JSON") from exc
    if not isinstance(payload, dict):
        raise PayloadError("the body must be a JSON object")
    _check_values(payload)
    email = payload.get("email")
    if not isinstance(email, str) or not email.strip() or len(email) > MAX_EMAIL_LENGTH:
        raise PayloadError(f"an email of at most {MAX_EMAIL_LENGTH} characters is required", "email")
    if not isinstance(payload.get("type"), str) or payload["type"] not in BounceEvent.Kind.values:
        raise PayloadError("type must be hard, soft or complaint", "type")
    event_id = payload.get("id")
    if not isinstance(event_id, str) or not event_id.strip() or len(event_id) > MAX_ID_LENGTH:
        raise PayloadError(f"an id (a string of at most {MAX_ID_LENGTH} characters) is required", "id")
    timestamp = payload.get("timestamp")
    if isinstance(timestamp, bool) or not isinstance(timestamp, int | float):
        raise PayloadError("a timestamp (seconds since 1970, UTC) is required", "timestamp")
    window = settings.NEWSLETTER_WEBHOOK_WINDOW_SECONDS
    if abs((time.time() if now is None else now) - timestamp) > window:
        raise PayloadError(f"the timestamp is more than {window} seconds away from the server's time", "timestamp")
    return payload


def _first_sighting(event_id: str) -> bool:
    """Remember an event id for twice the window (events from either side of it); return whether it is new."""
    key = SEEN_KEY + hashlib.sha256(event_id.encode()).hexdigest()
    return cache.add(key, 1, timeout=2 * settings.NEWSLETTER_WEBHOOK_WINDOW_SECONDS)


def _forget(event_id: str) -> None:
    cache.delete(SEEN_KEY + hashlib.sha256(event_id.encode()).hexdigest())


@csrf_exempt
@require_POST
def bounces(request: HttpRequest) -> JsonResponse:
    """Record one bounce or complaint: {"id": …, "timestamp": …, "email": …, "type": "hard" | "soft" | "complaint"}."""
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret:
        return JsonResponse({"error": "webhook disabled"}, status=503)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
        return JsonResponse({"error": f"the body is larger than {MAX_BODY_BYTES} bytes"}, status=413)
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not hmac.compare_digest(signature.encode(), webhook_signature(request.body, secret).encode()):
        return JsonResponse({"error": "bad signature"}, status=403)
    try:
        payload = event_parse(request.body)
    except PayloadError as exc:
        return JsonResponse({"error": str(exc), "field": exc.field}, status=400)
    try:
        first = _first_sighting(payload["id"])
    except Exception:  # the cache is unreachable: without the replay check, ask the provider to retry later
        logger.warning("Bounce webhook refused for now: the cache is unreachable", exc_info=True)
        return JsonResponse({"error": "temporarily unavailable, retry later"}, status=503)
    if not first:
        return JsonResponse({"status": "duplicate"})
    try:
        bounce_record(email=payload["email"], kind=payload["type"], payload=payload)
    except Exception:
        _forget(payload["id"])  # not recorded: the provider's retry must count
        raise
    return JsonResponse({"status": "recorded"})
