"""Rate limits of the API: per address for anonymous callers, per account for signed-in ones.

The counters live in the shared cache. When the cache cannot be reached, reading the API stays open: a request is
let through rather than refused, since the limits protect capacity and the data is public.
"""

import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from .clientip import client_ip

logger = logging.getLogger(__name__)


class _FailOpenMixin:
    setting_name: str

    def get_rate(self):
        return getattr(settings, self.setting_name)

    def get_ident(self, request):
        return client_ip(request)  # the address the trusted proxies saw, as for every other limit

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:  # the cache backend's connection errors differ (Redis, memcached…): all mean "unknown"
            logger.warning("API rate limit not checked: the cache is unreachable", exc_info=True)
            return True


class AnonymousApiThrottle(_FailOpenMixin, AnonRateThrottle):
    """Anonymous callers, counted per client address."""

    setting_name = "API_ANON_THROTTLE_RATE"


class UserApiThrottle(_FailOpenMixin, UserRateThrottle):
    """Signed-in callers, counted per account."""

    setting_name = "API_USER_THROTTLE_RATE"
