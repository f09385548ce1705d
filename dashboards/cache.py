"""Caching of the public (anonymous) duo dashboards, invalidated by a data version bumped whenever the data changes.

Only what the public may read is cached: a logged-in viewer's dashboard is computed for each request, so a
partner's view (with drafts shared with the duo) is never served to anyone else.
"""

import time

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from core.cache import cache_degraded

VERSION_KEY = "letsfood:public-data-version"
TIMEOUT = 60 * 60  # an hour: the version makes stale entries unreachable long before


def data_version() -> int | None:
    """Return the current version of the public data (set on first use); None when the cache is unreachable."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # Time-based: a version lost with the cache (eviction, restart) never comes back to an older number.
        cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def data_version_bump(**kwargs) -> None:
    """Make every cached public view stale (a signal receiver: takes and ignores the signal's arguments)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set, or evicted
        cache.set(VERSION_KEY, int(time.time() * 1000), timeout=None)


def public_cached(name: str, key: str, compute):
    """Return compute() for the public, cached under the name, the key, the language and the data version.

    Without a cache (Redis down: the cache misses and drops what it is given, core/cache.py), compute() is the
    answer: the page is served from the database.
    """
    version = data_version()
    if version is None or cache_degraded():
        return compute()
    cache_key = f"letsfood:{name}:{version}:{get_language()}:{key}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, TIMEOUT)
    return value


def connect_signals() -> None:
    """Bump the data version whenever a model the public views read is saved, deleted or relinked."""
    from assessments.models import Assessment, CategoryAssessment, Challenge, IndicatorValue, Initiative
    from cities.models import City, Duo

    for model in (City, Duo, Assessment, CategoryAssessment, IndicatorValue, Challenge, Initiative):
        uid = f"letsfood-cache-{model._meta.label_lower}"
        post_save.connect(data_version_bump, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(data_version_bump, sender=model, dispatch_uid=f"{uid}-delete")
    for through in (
        Initiative.categories.through,
        Initiative.actions.through,
        Initiative.pillars.through,
        Challenge.actions.through,
    ):
        m2m_changed.connect(
            data_version_bump, sender=through, dispatch_uid=f"letsfood-cache-{through._meta.label_lower}"
        )
