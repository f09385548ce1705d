"""`manage.py backup` writes one dated archive of the database and the files; `manage.py restore` brings it back
into an empty database (PostgreSQL with the real services, SQLite always), table for table and byte for byte."""

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.factories import (
    AssessmentFactory,
    CategoryAssessmentFactory,
    DuoFactory,
    InitiativeFactory,
    ReportFactory,
    UserFactory,
)

BASE_DIR = Path(__file__).resolve().parents[2]


SQLITE_ONLY = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="a SQLite backup: the PostgreSQL one is its own test (services)"
)


def manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with only these variables (plus PATH): another database, other folders."""
    env = {"PATH": os.environ.get("PATH", ""), **variables}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )


def fill(settings) -> dict[str, bytes]:
    """Create programme data and files (a photo, a public and a private report); return the files by path."""
    duo = DuoFactory(french_city__name_en="Lyon", partner_city__name_en="Sfax")
    UserFactory(username="lyon", role="partner", city=duo.french_city)
    assessment = AssessmentFactory(city=duo.partner_city, year=2024)
    CategoryAssessmentFactory(assessment=assessment, rating=7)
    InitiativeFactory(assessment=assessment)
    duo.french_city.photo.save("lyon.jpg", ContentFile(b"\xff\xd8\xff photo of Lyon"))
    public = ReportFactory(kind="city", subject="lyon", language="en", data_hash="a" * 64, status="done")
    public.file.save("city-lyon-en-1.pdf", ContentFile(b"%PDF-1.7 public"))
    private = ReportFactory(kind="duo", subject=duo.slug, language="fr", data_hash="b" * 64, status="done")
    private.file.save("duo-lyon-sfax-fr-2.pdf", ContentFile(b"%PDF-1.7 private"))
    return files_of(settings)


def files_of(settings) -> dict[str, bytes]:
    roots = {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}
    return {
        f"{name}/{path.relative_to(root)}": path.read_bytes()
        for name, root in roots.items()
        for path in root.rglob("*")
        if path.is_file()
    }


def row_counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (table names from the database itself)
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.BACKUP_DIR = tmp_path / "backups"
    return tmp_path


def backup(settings) -> Path:
    out = io.StringIO()
    call_command("backup", stdout=out)
    [archive] = Path(settings.BACKUP_DIR).glob("letsfood-*.tar.gz")
    assert str(archive) in out.getvalue()
    return archive


@pytest.mark.django_db(transaction=True)
@SQLITE_ONLY
def test_a_backup_is_one_dated_archive_with_the_database_and_the_files(settings, folders):
    files = fill(settings)

    archive = backup(settings)

    stamp = archive.name.removeprefix("letsfood-").removesuffix(".tar.gz")
    assert abs(datetime.strptime(stamp, "%Y-%m-%dT%H%M%S%z") - datetime.now(UTC)).total_seconds() < 60
    with tarfile.open(archive) as content:
        names = set(content.getnames())
        manifest = json.load(content.extractfile("manifest.json"))
    assert {"manifest.json", "database.sqlite3", *files} <= names
    assert manifest["database"] == "sqlite"
    assert manifest["files"] == {"media": 2, "private": 1}


@pytest.mark.django_db(transaction=True)
@SQLITE_ONLY
def test_a_sqlite_backup_restores_every_table_and_file_into_an_empty_database(settings, folders):
    files = fill(settings)
    archive = backup(settings)
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        expected = row_counts(cursor, tables)
    restored = folders / "restored"
    target = {
        "DATABASE_URL": f"sqlite:///{restored / 'db.sqlite3'}",
        "MEDIA_ROOT": str(restored / "media"),
        "PRIVATE_MEDIA_ROOT": str(restored / "private"),
    }
    restored.mkdir()

    result = manage("restore", str(archive), **target)

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(restored / "db.sqlite3") as copy:
        assert row_counts(copy.cursor(), tables) == expected
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = restored / "media", restored / "private"
    assert files_of(settings) == files
    assert expected["cities_duo"] == 1 and expected["reports_report"] == 2  # the data is really there


@pytest.mark.django_db(transaction=True)
@SQLITE_ONLY
def test_restore_refuses_a_database_that_is_not_empty_unless_forced(settings, folders):
    fill(settings)
    archive = backup(settings)
    target = {"DATABASE_URL": f"sqlite:///{folders / 'other.sqlite3'}", "MEDIA_ROOT": str(folders / "other-media")}
    assert manage("migrate", "--noinput", **target).returncode == 0

    refused = manage("restore", str(archive), **target)
    forced = manage("restore", str(archive), "--force", **target)

    assert refused.returncode == 1
    assert "The database is not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert forced.returncode == 0, forced.stderr
    with sqlite3.connect(folders / "other.sqlite3") as copy:
        assert copy.execute("SELECT slug FROM cities_duo").fetchall() == [("lyon-sfax",)]


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path):
    bogus = tmp_path / "letsfood-2026-12-07T030000Z.tar.gz"
    bogus.write_text("not an archive")

    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(bogus))


@pytest.mark.django_db(transaction=True)
def test_only_the_newest_archives_are_kept(settings, folders):
    old = Path(settings.BACKUP_DIR)
    old.mkdir()
    for day in range(1, 5):
        (old / f"letsfood-2026-11-0{day}T030000Z.tar.gz").write_bytes(b"old")

    call_command("backup", "--keep", "3", stdout=io.StringIO())

    kept = sorted(path.name for path in old.glob("letsfood-*.tar.gz"))
    assert kept[:2] == ["letsfood-2026-11-03T030000Z.tar.gz", "letsfood-2026-11-04T030000Z.tar.gz"]
    assert len(kept) == 3


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_postgresql_backup_restores_every_table_and_file_into_a_fresh_database(settings, folders):
    assert connection.vendor == "postgresql"
    files = fill(settings)
    archive = backup(settings)
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        expected = row_counts(cursor, tables)
    source = connection.settings_dict
    fresh = f"letsfood_prod_restore_{uuid.uuid4().hex[:8]}"
    server = {"host": source["HOST"], "port": source["PORT"] or 5432, "user": source["USER"]}
    server["password"] = source["PASSWORD"] or None
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{fresh}"')
    restored = folders / "restored"
    password = f":{source['PASSWORD']}" if source["PASSWORD"] else ""
    target = {
        "DATABASE_URL": f"postgres://{source['USER']}{password}@{source['HOST']}:{server['port']}/{fresh}",
        "MEDIA_ROOT": str(restored / "media"),
        "PRIVATE_MEDIA_ROOT": str(restored / "private"),
    }
    try:
        result = manage("restore", str(archive), **target)
        again = manage("restore", str(archive), **target)
        forced = manage("restore", str(archive), "--force", **target)

        assert result.returncode == 0, result.stderr
        assert again.returncode == 1 and "The database is not empty" in again.stderr
        assert forced.returncode == 0, forced.stderr  # the tables are replaced, not added to
        with psycopg2.connect(dbname=fresh, **server) as copy:
            assert row_counts(copy.cursor(), tables) == expected
        copy.close()
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
        admin.close()
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = restored / "media", restored / "private"
    assert files_of(settings) == files
    assert expected["cities_duo"] == 1 and expected["reports_report"] == 2
