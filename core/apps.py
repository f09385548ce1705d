"""Shared helpers; at start-up, translated fields learn to mark the values they take from a fallback language."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from . import fallbacks

        fallbacks.install()
