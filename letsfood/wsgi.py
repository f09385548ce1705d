"""WSGI entry point (gunicorn letsfood.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "letsfood.settings")
application = get_wsgi_application()
