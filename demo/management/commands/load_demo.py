"""Load demonstration accounts (and content) for a local run. Refuses to run outside demo mode."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import demo_load


class Command(BaseCommand):
    help = "Create the local demo accounts (password 'letsfood-demo'). Only in DEMO_MODE, never in production."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is only loaded when DEMO_MODE is true (never in production).")
        summary = demo_load()
        self.stdout.write(f"Demo data ready: {summary}")
