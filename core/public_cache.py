"""Public pages served from the cache to anonymous visitors: rendered once per language and data version, compressed
once, and answered with 304 Not Modified when the visitor's copy is still current.

The data version (core/cache.py) is bumped whenever something the public reads changes (a publication included), so
a cached page is never served after the data it shows has changed. The CSRF token of the page's forms (the language
switcher) is stored as a placeholder and filled with the visitor's own token at each response, so no visitor is
served another's. A logged-in viewer, a request carrying messages to show, and any method but GET and HEAD are
served as before, uncached.
"""

import functools
import gzip
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from core.cache import cache_degraded, data_version
from core.reader_html import response_for_reader

TIMEOUT = 60 * 60  # an hour: the data version makes stale entries unreachable long before
GZIP_MIN_LENGTH = 1024  # below a kilobyte compression gains little and costs a round of zlib
CSRF_PLACEHOLDER = "__public-page-csrf-token__"
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


@dataclass(frozen=True)
class CachedPage:
    """A rendered page as stored: its body (plain and gzipped), content type, validators and extra headers."""

    content: bytes
    compressed: bytes | None
    content_type: str
    etag: str
    last_modified: float
    has_csrf: bool
    headers: tuple[tuple[str, str], ...] = ()


KEPT_HEADERS = ("Content-Language", "Content-Disposition", "Link", "Vary", "Allow")


def _is_public_request(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if request.method not in ("GET", "HEAD") or (user is not None and user.is_authenticated):
        return False
    if "messages" in request.COOKIES:  # a message waits to be shown once, to this visitor only
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.session_key and "_messages" in session)


def _page_from(response: HttpResponse, version: int) -> CachedPage | None:
    if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
        return None
    content, has_csrf = _CSRF_INPUT.subn(rb"\g<1>" + CSRF_PLACEHOLDER.encode() + rb"\g<2>", response.content)
    packed = gzip.compress(content, compresslevel=6, mtime=0) if len(content) >= GZIP_MIN_LENGTH else None
    return CachedPage(
        content=content,
        compressed=packed,
        content_type=response["Content-Type"],
        etag=f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"',
        last_modified=version / 1000,
        has_csrf=bool(has_csrf),
        headers=tuple((name, response[name]) for name in KEPT_HEADERS if response.has_header(name)),
    )


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def _response(request: HttpRequest, page: CachedPage) -> HttpResponse:
    conditional = get_conditional_response(request, etag=page.etag, last_modified=int(page.last_modified))
    if conditional is not None:
        response = conditional
    elif page.compressed is not None and _accepts_gzip(request) and not page.has_csrf:
        response = HttpResponse(page.compressed, content_type=page.content_type)
        response["Content-Encoding"] = "gzip"
    else:
        content = page.content
        if page.has_csrf:
            content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
            if page.compressed is not None and _accepts_gzip(request):
                # The visitor's own token goes in: compressed afresh, at the fastest level (a page of a few KB).
                response = HttpResponse(gzip.compress(content, compresslevel=1), content_type=page.content_type)
                response["Content-Encoding"] = "gzip"
                content = None
        if content is not None:
            response = HttpResponse(content, content_type=page.content_type)
    for name, value in page.headers:
        response[name] = value
    response.for_reader = True  # stored finished
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.last_modified)
    # Each visitor revalidates (a 304 costs no rendering); a shared cache keeps nothing, the CSRF token is theirs.
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Accept-Encoding", "Accept-Language", "Cookie"))
    return response


def public_response(request: HttpRequest, name: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """Return render()'s response for a logged-in viewer; for the public, the cached page of this URL and language."""
    version = data_version() if _is_public_request(request) else None
    if version is None or cache_degraded():
        return render()
    key = (
        f"public-page:{name}:{version}:{get_language()}:{hashlib.blake2b(request.get_full_path().encode()).hexdigest()}"
    )
    page = cache.get(key)
    if page is None:
        # Finished for the reader before it is stored: what the cache serves is compressed, no middleware reads it.
        response = response_for_reader(render())
        page = _page_from(response, version)
        if page is None:
            return response
        cache.set(key, page, TIMEOUT)
    return _response(request, page)


def public_page(name: str):
    """Decorate a view whose anonymous response depends only on its URL, its language and the public data."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            return public_response(request, name, lambda: view(request, *args, **kwargs))

        return wrapped

    return decorate


def public_api_response(view, request, name: str, make_response: Callable[[], HttpResponse]) -> HttpResponse:
    """Return a DRF view's response: for the public asking for JSON, its rendered bytes from the cache.

    The browsable API (HTML) is computed at each request: it carries the visitor's CSRF token in a script.
    """
    if request.accepted_renderer.format != "json":
        return make_response()

    def render():
        response = view.finalize_response(request, make_response())
        response.render()
        return response

    return public_response(request, f"api:{name}", render)


class PublicCachedListMixin:
    """A DRF viewset whose list is served to the public from the cache (public_api_response)."""

    def list(self, request, *args, **kwargs):
        parent = super()
        return public_api_response(
            self, request, f"{self.basename}-list", lambda: parent.list(request, *args, **kwargs)
        )
