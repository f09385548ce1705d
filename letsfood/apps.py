from django.apps import AppConfig


class LetsfoodConfig(AppConfig):
    name = "letsfood"
    verbose_name = "Let's Food Cities"

    def ready(self):
        from .cache import connect_signals

        connect_signals()
