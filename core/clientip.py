"""The address of the visitor, as the trusted reverse proxies in front of the site saw it.

Behind a proxy, REMOTE_ADDR is the proxy's own address, shared by every visitor. Each trusted proxy appends the
address it received the request from to X-Forwarded-For, so with N proxies in front the client is the N-th entry
from the right. Entries further left were written by the client itself and prove nothing: they are never read.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """Return the visitor's address: REMOTE_ADDR, or the entry of X-Forwarded-For the trusted proxies wrote."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count <= 0:
        return remote_addr
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < proxy_count:
        # Fewer entries than proxies: the request did not come through all of them (e.g. a health check sent to
        # the application server directly). The connection's own address is the only one to trust.
        return remote_addr
    candidate = forwarded[-proxy_count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
