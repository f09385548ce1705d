"""`manage.py backup`: one dated archive of the database and the media files, in BACKUP_DIR."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Write a dated archive (letsfood-<date>.tar.gz) of the database and the media files into BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="Folder of the archives. Default: BACKUP_DIR.")
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="Keep only this many newest archives in the folder (0: all). Default: BACKUP_KEEP.",
        )
        parser.add_argument("--database", default="default", help="The database alias. Default: default.")

    def handle(self, *args, dir, keep, database, **options):
        folder = Path(dir or settings.BACKUP_DIR)
        keep = settings.BACKUP_KEEP if keep is None else keep
        if keep < 0:
            raise CommandError("--keep must be 0 or more.")
        if getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
            self.stderr.write("Files are in the S3 bucket: back it up with the bucket's own versioning or copies.")
        try:
            archive = backup_create(folder=folder, keep=keep, alias=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = archive.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"{archive} ({size / 1_000_000:.1f} MB)"))
