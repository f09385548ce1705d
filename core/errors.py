"""Error pages: an address under /api/ that matches no route answers in the API's error shape, not with HTML."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def not_found(request, exception):
    """Answer 404 as JSON under /api/ (a client reads the body it was promised), the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
