"""Background work of the open data: the package is rebuilt by the worker, never during a request."""

from celery import shared_task
from django.core.cache import cache

from . import services

# Set while a build is queued and not yet started (opendata.signals): edits meanwhile queue nothing more.
REBUILD_QUEUED_KEY = "opendata:rebuild-queued"


@shared_task
def package_rebuild() -> None:
    """Build the package from the published data; safe to run twice (each run records its own release)."""
    # Edits made from now on queue the next build: they may not be in this one.
    cache.delete(REBUILD_QUEUED_KEY)
    services.release_build()
