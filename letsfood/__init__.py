"""The Let's Food Cities platform: the project package, the one place that knows every app."""

from .celery import app as celery_app

__all__ = ("celery_app",)
