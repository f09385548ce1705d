"""Backups of the platform: one dated archive with the database dump and the files, and its restoration.

An archive (letsfood-<UTC date and time>.tar.gz) holds manifest.json, the database (database.dump: PostgreSQL's
custom format, made by pg_dump; or database.sqlite3: a copy made with SQLite's online backup API), and the files of
MEDIA_ROOT under media/ and of PRIVATE_MEDIA_ROOT under private/.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.db import connections

ARCHIVE_PREFIX = "letsfood-"
ARCHIVE_SUFFIX = ".tar.gz"
FORMAT = 1
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or a restoration could not be made; the message says why."""


def file_roots() -> dict[str, Path]:
    """Return the folders whose files an archive holds, by their name in the archive."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def _connection(alias: str):
    connection = connections[alias]
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    """Return the environment that points pg_dump and pg_restore at a database (no password on a command line)."""
    environ = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            environ[variable] = str(settings_dict[key])
    if settings_dict.get("OPTIONS", {}).get("sslmode"):
        environ["PGSSLMODE"] = settings_dict["OPTIONS"]["sslmode"]
    return environ


def _run(command: list[str], environ: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=environ, check=True, capture_output=True, text=True)  # noqa: S603 (our own arguments)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).") from None
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{command[0]} failed: {exc.stderr.strip()}") from None


def _dump(connection, target: Path) -> None:
    if connection.vendor == "postgresql":
        settings_dict = connection.settings_dict
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"]
        _run([*command, settings_dict["NAME"]], _pg_environment(settings_dict))
        return
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # a consistent copy, even while others write
    finally:
        copy.close()


def backup_create(*, folder: Path, keep: int = 0, alias: str = "default", now: datetime | None = None) -> Path:
    """Write the archive of the database and the files into the folder; return its path.

    The archive appears under its name only once complete. With `keep`, only the newest `keep` archives of the
    folder are kept.
    """
    connection = _connection(alias)
    now = now or datetime.now(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{ARCHIVE_PREFIX}{now:%Y-%m-%dT%H%M%SZ}{ARCHIVE_SUFFIX}"
    if target.exists():
        raise BackupError(f"{target} already exists.")
    dump_name = DUMP_NAMES[connection.vendor]
    with tempfile.TemporaryDirectory(dir=folder, prefix=".backup-") as scratch:
        dump = Path(scratch) / dump_name
        _dump(connection, dump)
        roots = {name: root for name, root in file_roots().items() if root.is_dir()}
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "database": connection.vendor,
            "django": django.get_version(),
            "files": {name: sum(1 for path in root.rglob("*") if path.is_file()) for name, root in roots.items()},
        }
        (Path(scratch) / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = Path(scratch) / target.name
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(scratch) / "manifest.json", arcname="manifest.json")
            archive.add(dump, arcname=dump_name)
            for name, root in roots.items():
                archive.add(root, arcname=name, filter=_regular_files_only)
        os.replace(partial, target)
    if keep:
        for old in sorted(folder.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))[:-keep]:
            old.unlink()
    return target


def _regular_files_only(member: tarfile.TarInfo) -> tarfile.TarInfo | None:
    return member if member.isfile() or member.isdir() else None


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """Return the archive's members, refusing any that would land outside the restore folder."""
    members = []
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"The archive holds an unexpected entry: {member.name!r}.")
        members.append(member)
    return members


def database_is_empty(alias: str = "default") -> bool:
    """Return whether the database has no table at all."""
    return not connections[alias].introspection.table_names()


def backup_restore(*, archive_path: Path, force: bool = False, alias: str = "default") -> dict:
    """Restore an archive into the database and the file folders; return its manifest.

    The database must be empty (no tables) unless `force`, which replaces its content. Files are written over those
    of the same name.
    """
    connection = _connection(alias)
    if not tarfile.is_tarfile(archive_path):
        raise BackupError(f"{archive_path} is not a backup archive.")
    with (
        tarfile.open(archive_path) as archive,
        tempfile.TemporaryDirectory(prefix="letsfood-restore-") as scratch,
    ):
        members = _safe_members(archive)
        names = {member.name for member in members}
        if "manifest.json" not in names:
            raise BackupError(f"{archive_path} is not a backup archive: it has no manifest.json.")
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
        if manifest.get("database") != connection.vendor:
            raise BackupError(
                f"The archive holds a {manifest.get('database')} database; this one is {connection.vendor}."
            )
        tables = connection.introspection.table_names()
        if tables and not force:
            raise BackupError(
                f"The database is not empty ({len(tables)} tables): restore into an empty database, "
                "or pass --force to replace its content."
            )
        archive.extractall(scratch, members=members, filter="data")  # noqa: S202 (members checked above)
        _restore_database(connection, Path(scratch) / DUMP_NAMES[connection.vendor], tables)
        for name, root in file_roots().items():
            source = Path(scratch) / name
            if source.is_dir():
                shutil.copytree(source, root, dirs_exist_ok=True)
    return manifest


def _restore_database(connection, dump: Path, existing_tables: list[str]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in existing_tables:  # only with --force
                cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
        connection.close()
        settings_dict = connection.settings_dict
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        _run([*command, f"--dbname={settings_dict['NAME']}", str(dump)], _pg_environment(settings_dict))
        return
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)  # replaces the whole database, pages and schema
    finally:
        source.close()
    connection.close()
