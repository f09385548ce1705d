"""Pages that compose several apps (home) and the platform's health check."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from cities.models import City, Duo
from cities.selectors import network_map_data
from core.public_cache import public_page

logger = logging.getLogger(__name__)


HOME_DUOS = 12  # the programme's duos all show; a whole network's are on the duos page, one link away


@public_page("home")
def home(request):
    published = Duo.objects.published()
    duos = list(published.with_cities()[:HOME_DUOS])
    cities = [city for duo in duos for city in duo.cities if city.is_published]
    context = {
        "duos": duos,
        "duo_count": published.count(),
        "city_count": City.objects.published().in_duos().count(),
        "map_data": network_map_data(cities=cities, duos=duos),
    }
    return render(request, "home.html", context)


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_cache() -> str:
    if hasattr(cache, "check"):  # the fail-safe Redis cache hides its errors from pages, not from this check
        cache.check()
        return "ok"
    key, value = f"healthz:{uuid.uuid4().hex}", "1"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("value written was not read back")
    cache.delete(key)
    return "ok"


BROKER_TIMEOUT = 0.5  # seconds: the health check answers within a second even when the broker does not


def _check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "ok (tasks run in-process)"
    from letsfood.celery import app

    with app.connection_for_write(connect_timeout=BROKER_TIMEOUT) as conn:
        conn.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT)
    return "ok"


def favicon(request):
    """Send browsers that ask for /favicon.ico (admin pages, feeds) to the platform's icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


@never_cache
def healthz(request):
    """Report the status of the database, the cache and the Celery broker; 503 if any is down."""
    checks = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}
    report, healthy = {}, True
    for name, check in checks.items():
        try:
            report[name] = {"status": check()}
        except Exception as exc:  # a health check reports every failure instead of raising it
            logger.warning("Health check %s failed: %s", name, exc)
            report[name] = {"status": "error", "error": exc.__class__.__name__}
            healthy = False
    return JsonResponse({"status": "ok" if healthy else "error", "checks": report}, status=200 if healthy else 503)
