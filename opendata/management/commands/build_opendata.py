"""Build the open-data package now (deployments, development, or after a bulk load)."""

from django.core.management.base import BaseCommand

from opendata.services import release_build


class Command(BaseCommand):
    help = "Build the open-data package (zip, XLSX, GeoJSON) from the published data and make it the latest release."

    def handle(self, *args, **options):
        release = release_build()
        for item in release.downloads():
            self.stdout.write(f"{item['name']}  {item['size']} bytes")
        self.stdout.write(self.style.SUCCESS(f"Release {release.created_at:%Y-%m-%d %H:%M:%S} built."))
