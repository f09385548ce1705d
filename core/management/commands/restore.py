"""`manage.py restore <archive>`: the database and the media files of a backup, into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into an empty database (no tables) and the media folders. "
        "A database that is not empty is refused unless --force, which replaces its content."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The archive, e.g. backups/letsfood-2026-12-07T030000Z.tar.gz")
        parser.add_argument("--force", action="store_true", help="Replace the content of a database that is not empty.")
        parser.add_argument("--database", default="default", help="The database alias. Default: default.")

    def handle(self, *args, archive, force, database, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            manifest = backup_restore(archive_path=archive, force=force, alias=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        files = ", ".join(f"{count} {name}" for name, count in manifest.get("files", {}).items()) or "no"
        made = manifest["created"]
        self.stdout.write(self.style.SUCCESS(f"Restored {archive} (made {made}): the database and {files} files."))
