"""Caching of the public (anonymous) duo dashboards, invalidated by a data version bumped whenever the data changes.

Only what the public may read is cached: a logged-in viewer's dashboard is computed for each request, so a
partner's view (with drafts shared with the duo) is never served to anyone else.
"""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from core.cache import VERSION_KEY, cache_degraded, data_version, data_version_bump

__all__ = ["VERSION_KEY", "connect_signals", "data_version", "data_version_bump", "public_cached"]

TIMEOUT = 60 * 60  # an hour: the version makes stale entries unreachable long before


def public_cached(name: str, key: str, compute, *, keep=None):
    """Return compute() for the public, cached under the name, the key, the language and the data version.

    Without a cache (Redis down: the cache misses and drops what it is given, core/cache.py), compute() is the
    answer: the page is served from the database. `keep(value)`, when given, says whether the value may be cached
    (a key made of a visitor's made-up parameter must not fill the cache).
    """
    version = data_version()
    if version is None or cache_degraded():
        return compute()
    cache_key = f"letsfood:{name}:{version}:{get_language()}:{key}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        if keep is None or keep(value):
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
