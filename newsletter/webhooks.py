"""The bounce webhook: the email provider reports bounces and complaints, signed with a shared secret."""

import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import BounceEvent
from .services import bounce_record

SIGNATURE_HEADER = "X-Letsfood-Signature"


def webhook_signature(body: bytes, secret: str) -> str:
    """Return the signature header's value for a body: sha256=<hex HMAC-SHA256 of the raw body>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@csrf_exempt
@require_POST
def bounces(request: HttpRequest) -> JsonResponse:
    """Record one bounce or complaint: {"email": …, "type": "hard" | "soft" | "complaint", …}."""
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret:
        return JsonResponse({"error": "webhook disabled"}, status=503)
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not hmac.compare_digest(signature.encode(), webhook_signature(request.body, secret).encode()):
        return JsonResponse({"error": "bad signature"}, status=403)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": "malformed JSON"}, status=400)
    if not isinstance(payload, dict) or not isinstance(payload.get("email"), str) or not payload["email"].strip():
        return JsonResponse({"error": "an email is required"}, status=400)
    if payload.get("type") not in BounceEvent.Kind.values:
        return JsonResponse({"error": "type must be hard, soft or complaint"}, status=400)
    bounce_record(email=payload["email"], kind=payload["type"], payload=payload)
    return JsonResponse({"status": "recorded"})
