"""A Redis cache that fails safe: with Redis unreachable, reads miss and writes are dropped instead of raising.

The cache only speeds pages up, so its failure must not take them down: every Redis or socket error is caught here,
in one place, logged, and the cache is then left alone for a few seconds (no page waits on a dead server's
timeouts meanwhile). What must not go on without the cache asks `cache_degraded()` and says so: the rate limits of
the forms that send emails or start a rendering close those forms with a clear message (django-ratelimit counts a
failed count as over the limit); pages that only read stay open.
"""

import logging
import pickle
import threading
import time

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds during which a failed cache is not tried again


class _Health:
    """When this process last saw the cache fail, shared by its threads."""

    lock = threading.Lock()
    down_until = 0.0

    @classmethod
    def failed(cls, error: Exception) -> None:
        with cls.lock:
            first = cls.down_until <= time.monotonic()
            cls.down_until = time.monotonic() + RETRY_AFTER
        if first:
            logger.warning("Cache unreachable (%s: %s): serving without it.", error.__class__.__name__, error)

    @classmethod
    def is_down(cls) -> bool:
        return cls.down_until > time.monotonic()


def cache_degraded() -> bool:
    """Return whether the cache failed a moment ago, so that what cannot go on without it says so."""
    return _Health.is_down()


def cache_health_reset() -> None:
    """Forget a past failure (the health check, and tests, try the server again at once)."""
    _Health.down_until = 0.0


def _errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.RedisError, OSError)


_MISSING = object()


class FailSafeRedisCache(RedisCache):
    """Django's Redis cache, whose operations answer a miss (or do nothing) when Redis is unreachable."""

    def _safely(self, operation, fallback, *args, **kwargs):
        if _Health.is_down():
            return fallback() if callable(fallback) else fallback
        try:
            return operation(*args, **kwargs)
        except _errors() as error:
            _Health.failed(error)
            return fallback() if callable(fallback) else fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        try:
            return self._safely(super().get, default, key, default, version)
        except (pickle.UnpicklingError, AttributeError, ImportError) as error:
            # Stored by an earlier release whose class has moved or changed since: a miss, computed again.
            logger.info("Cached value %s no longer readable (%s): a miss.", key, error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._safely(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._safely(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._safely(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._safely(super().incr, missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely(super().set_many, lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._safely(super().delete_many, None, keys, version)

    def clear(self):
        return self._safely(super().clear, False)

    def check(self) -> None:
        """Write a value and read it back through Redis itself, raising its error (the health check)."""
        key = "healthz:check"
        super().set(key, "1", 10)
        if super().get(key) != "1":
            raise RuntimeError("value written was not read back")
        super().delete(key)
        cache_health_reset()


# The version of the public data: every cached public view (letsfood/cache.py, core/public_cache.py) is keyed by it,
# and a change to what the public reads bumps it (letsfood.cache.connect_signals), which makes them all stale at once.
VERSION_KEY = "letsfood:public-data-version"


def _now_ms() -> int:
    return int(time.time() * 1000)


def data_version() -> int | None:
    """Return the current version of the public data (set on first use); None when the cache is unreachable.

    The version is the time of the last change in milliseconds (or the second after the last version when changes
    come faster), so pages may give it as their Last-Modified date.
    """
    version = cache.get(VERSION_KEY)
    if version is None:
        # Time-based: a version lost with the cache (eviction, restart) never comes back to an older number.
        cache.add(VERSION_KEY, _now_ms(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def data_version_bump(**kwargs) -> None:
    """Make every cached public view stale (a signal receiver: takes and ignores the signal's arguments).

    The new version is in a later second than the one before, so that a Last-Modified date (whole seconds) taken
    from it changes too: a visitor who revalidates by date alone is never told that a changed page is unchanged.
    """
    try:
        previous = cache.get(VERSION_KEY)
        version = cache.incr(VERSION_KEY)
    except ValueError:  # not set, or evicted
        previous = version = None
    now = _now_ms()
    if version is None or version < now or (previous is not None and version // 1000 == previous // 1000):
        cache.set(VERSION_KEY, max(now, ((previous or 0) // 1000 + 1) * 1000), timeout=None)
