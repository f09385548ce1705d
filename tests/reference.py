"""The programme's reference data for tests: loaded by its command once per test process, then copied in per test.

`load_reference` validates and writes a few thousand rows one by one (about a second). The first test that asks for
the data runs it on the empty database, copies every table it filled into a `_reference_<table>` twin and empties
them again; each test then gets the same rows with one `INSERT … SELECT` per table, inside its own transaction.
A test that already holds rows in one of those tables (a factory-made city, say) gets the command itself, which only
creates what is missing, exactly as before.
"""

import io

from django.core.management import call_command
from django.db import connection, transaction

PREFIX = "_reference_"


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _counts(tables: list[str]) -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 -- table names from introspection
            counts[table] = cursor.fetchone()[0]
        return counts


def _platform_tables() -> list[str]:
    return sorted(name for name in connection.introspection.table_names() if not name.startswith(PREFIX))


def snapshot_take() -> list[str]:
    """Run load_reference on the empty database and keep a copy of what it wrote; return the tables it filled.

    Return [] (no snapshot: each test runs the command) when a table it writes was not empty beforehand, as the copy
    would then miss the rows the command found already there.
    """
    tables = _platform_tables()
    with transaction.atomic():
        before = _counts(tables)
        call_command("load_reference", stdout=io.StringIO())
        after = _counts(tables)
        filled = [table for table in tables if after[table] != before[table]]
        if any(before[table] for table in filled):
            transaction.set_rollback(True)
            return []
        with connection.cursor() as cursor:
            for table in filled:
                copy = _quote(PREFIX + table)
                cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {_quote(table)}")  # noqa: S608
                cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608
    return filled


def snapshot_drop(tables: list[str]) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {_quote(PREFIX + table)}")


def reference_load(tables: list[str]) -> None:
    """Put the reference data in the test's database: copied from the snapshot when its tables are empty."""
    copies = {PREFIX + table for table in tables}
    # A backup test's restore may have replaced the whole database, copies included: then the command runs.
    if not tables or not copies <= set(connection.introspection.table_names()) or any(_counts(tables).values()):
        call_command("load_reference", stdout=io.StringIO())
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"INSERT INTO {_quote(table)} SELECT * FROM {_quote(PREFIX + table)}")  # noqa: S608
