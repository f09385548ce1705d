"""The only URL fetcher WeasyPrint gets: the project's own static and media files and SVG images, nothing else.

Text typed by users ends up in reports; whatever URL it smuggles in (http, file, data…), WeasyPrint can read only
files below STATIC_ROOT/the static directories and MEDIA_ROOT, addressed by their /static/ or /media/ URL. When the
media live elsewhere (S3-compatible storage), a /media/ URL is read through the storage API, under the same rules.
SVG images in data URLs (the reports' charts and maps) are decoded in the process; what they reference is fetched here.
"""

import base64
import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation, SuspiciousOperation
from django.core.files.storage import FileSystemStorage, default_storage

# The reports' own charts and maps reach WeasyPrint as SVG images inlined in data URLs (see pdf.svg_figure): an SVG
# fetches what it references through this same fetcher, so these, and only these, data URLs are read.
SVG_DATA_PREFIX = "data:image/svg+xml;base64,"


class ForbiddenResource(ValueError):
    """A report asked for something outside the project's own static and media files."""


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def resolve_local(url: str) -> Path:
    """Return the file behind a /static/ or /media/ URL of the project, or raise ForbiddenResource."""
    parts = urlsplit(url)
    if parts.scheme not in {"", "report"} or parts.netloc not in {"", "local"}:
        raise ForbiddenResource(f"not a project file: {url[:200]}")
    path = unquote(parts.path)
    if path.startswith(settings.STATIC_URL):
        relative = path[len(settings.STATIC_URL) :]
        try:
            found = finders.find(relative)  # the finders refuse paths that climb out of their folders
        except SuspiciousFileOperation:
            found = None
        candidate = Path(found) if found else Path(settings.STATIC_ROOT) / relative
        if (found or _inside(candidate, Path(settings.STATIC_ROOT))) and candidate.is_file():
            return candidate
    elif path.startswith(settings.MEDIA_URL):
        candidate = Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]
        if _inside(candidate, Path(settings.MEDIA_ROOT)) and candidate.is_file():
            return candidate
    raise ForbiddenResource(f"not a project file: {url[:200]}")


def _media_name(url: str) -> str | None:
    """Return the storage name behind a /media/ URL of the project, or None for any other URL."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.scheme in {"", "report"} and parts.netloc in {"", "local"} and path.startswith(settings.MEDIA_URL):
        return path[len(settings.MEDIA_URL) :]
    return None


def read_stored_media(url: str) -> bytes:
    """Return the content of a /media/ URL's file from the default storage, or raise ForbiddenResource."""
    name = _media_name(url)
    if not name or name.startswith("/") or "\\" in name or ".." in name.split("/"):
        raise ForbiddenResource(f"not a project file: {url[:200]}")
    try:
        if default_storage.exists(name):
            with default_storage.open(name) as file:
                return file.read()
    except SuspiciousOperation:
        pass
    raise ForbiddenResource(f"not a project file: {url[:200]}")


def report_url_fetcher(url: str, *args, **kwargs) -> dict:
    """WeasyPrint URL fetcher serving only the project's static and media files, and SVG images in data URLs."""
    if url.startswith(SVG_DATA_PREFIX):
        return {"string": base64.b64decode(url.removeprefix(SVG_DATA_PREFIX)), "mime_type": "image/svg+xml"}
    name = _media_name(url)
    if name is not None and not isinstance(default_storage, FileSystemStorage):
        filename = PurePosixPath(name).name
        mime_type, _encoding = mimetypes.guess_type(filename)
        return {"string": read_stored_media(url), "mime_type": mime_type, "filename": filename}
    path = resolve_local(url)
    mime_type, _encoding = mimetypes.guess_type(path.name)
    return {"string": path.read_bytes(), "mime_type": mime_type, "filename": path.name}
