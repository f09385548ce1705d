from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = "Duo dashboards"

    def ready(self):
        from .cache import connect_signals

        connect_signals()
