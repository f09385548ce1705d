"""Template context shared by every page."""

from django.conf import settings


def platform(request):
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_ATTRIBUTION,
    }
