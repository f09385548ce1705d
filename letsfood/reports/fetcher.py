"""The only URL fetcher WeasyPrint gets: the project's own static and media files, nothing else.

Text typed by users ends up in reports; whatever URL it smuggles in (http, file, data…), WeasyPrint can read only
files below STATIC_ROOT/the static directories and MEDIA_ROOT, addressed by their /static/ or /media/ URL.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation


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


def report_url_fetcher(url: str, *args, **kwargs) -> dict:
    """WeasyPrint URL fetcher serving only the project's static and media files."""
    path = resolve_local(url)
    mime_type, _encoding = mimetypes.guess_type(path.name)
    return {"string": path.read_bytes(), "mime_type": mime_type, "filename": path.name}
