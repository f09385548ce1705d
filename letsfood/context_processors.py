"""Template context shared by every page."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from core.reader_html import digits_for


def platform(request):
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_ATTRIBUTION,
        "language_switch": language_switch(request),
        # The digits of the language when not Latin: static/js/digits.js writes the scripts' numbers with them.
        "language_digits": digits_for(get_language()),
    }


def language_switch(request) -> list[dict]:
    """Return each language with the current page's address translated into it."""
    current, path = get_language(), request.get_full_path()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
