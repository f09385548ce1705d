"""Spreadsheet uploads, checked before they are parsed, and the imports too long for a request, run by a worker.

An upload is refused with a message naming the limit when it is larger than IMPORT_MAX_UPLOAD_MB or has more than
IMPORT_MAX_ROWS rows; a CSV file is decoded whatever its usual encoding (UTF-8 with or without a byte-order mark,
UTF-16, Windows-1252/Latin-1) and handed on in UTF-8; a CSV row with more cells than the header has is kept, to be
refused with its own row error, instead of making the whole file unreadable.

A file of more than IMPORT_PREVIEW_MAX_ROWS rows skips the preview: a worker imports it (all or nothing, as the
preview's confirmation would) and its progress and outcome are kept in the cache for the status page.
"""

import codecs
import csv
import io
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX

from .columns import column_label
from .resource_base import EXTRA_CELLS_COLUMN
from .resources import IndicatorResource, IndicatorValueResource, InitiativeResource

logger = logging.getLogger(__name__)

# The resources a background import may run, by a name stored with the job (never a class path from a request).
RESOURCES = {
    "indicators": IndicatorResource,
    "indicator-values": IndicatorValueResource,
    "initiatives": InitiativeResource,
}
FORMATS = {"csv": CSV, "xlsx": XLSX}
JOB_TIMEOUT = 7 * 24 * 3600  # the status page of an import stays readable for a week
JOB_PROBLEMS_SHOWN = 500  # problems kept for the status page; the count says how many there were
PROGRESS_EVERY = 100  # rows between two progress updates
MEGABYTE = 1024 * 1024


class SpreadsheetError(Exception):
    """An uploaded spreadsheet cannot be imported as it is (too large, too long, unreadable)."""


@dataclass
class Spreadsheet:
    """An upload that passed the checks: its content ready for django-import-export, and its number of rows."""

    name: str
    content: bytes
    format: str  # "csv" or "xlsx"
    rows: int
    encoding: str = ""  # the encoding a CSV file was read in


def spreadsheet_check_size(size: int) -> None:
    """Refuse a file larger than IMPORT_MAX_UPLOAD_MB, before anything reads it."""
    limit = settings.IMPORT_MAX_UPLOAD_MB
    if size > limit * MEGABYTE:
        raise SpreadsheetError(
            _("The file is %(size).1f MB; files of at most %(limit)s MB can be imported. Split it into smaller files.")
            % {"size": size / MEGABYTE, "limit": limit}
        )


def spreadsheet_read(*, name: str, content: bytes, file_format: str) -> Spreadsheet:
    """Return the checked spreadsheet, or raise SpreadsheetError saying what is wrong with it."""
    spreadsheet_check_size(len(content))
    if file_format == "csv":
        return _csv_read(name, content)
    if file_format == "xlsx":
        return Spreadsheet(name=name, content=content, format="xlsx", rows=_xlsx_row_count(content))
    raise SpreadsheetError(_("Only CSV and XLSX files can be imported."))


def _check_row_count(rows: int) -> None:
    limit = settings.IMPORT_MAX_ROWS
    if rows > limit:
        raise SpreadsheetError(
            _(
                "The file has %(rows)s rows; at most %(limit)s rows can be imported at once. "
                "Split it into smaller files."
            )
            % {"rows": rows, "limit": limit}
        )


def csv_decode(content: bytes) -> tuple[str, str]:
    """Return the text of a CSV file and the name of its encoding, from its byte-order mark or by trying the usual ones.

    UTF-8 is tried first: a file that decodes as UTF-8 almost never is anything else. Windows-1252 (a superset of
    the printable Latin-1) is what spreadsheets on Windows save as "CSV" in Western languages; Latin-1 itself takes
    the few bytes Windows-1252 leaves undefined.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            try:
                return content.decode(encoding), "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
            except UnicodeDecodeError:
                raise SpreadsheetError(
                    _("The file starts as %(encoding)s but is not valid %(encoding)s text.")
                    % {"encoding": "UTF-8" if encoding == "utf-8-sig" else "UTF-16"}
                ) from None
    if b"\x00" in content[:4096]:
        # UTF-16 without a byte-order mark: every other byte of Latin text is zero.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = content.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, "UTF-16"
        raise SpreadsheetError(
            _("The file is not text in UTF-8, UTF-16, Windows-1252 or Latin-1. Save it as “CSV UTF-8” and try again.")
        )
    for encoding, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            return content.decode(encoding), label
        except UnicodeDecodeError:
            continue
    raise AssertionError("Latin-1 decodes any bytes")  # pragma: no cover


def _csv_read(name: str, content: bytes) -> Spreadsheet:
    text, encoding = csv_decode(content)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise SpreadsheetError(_("The file is not a readable CSV file: %(reason)s.") % {"reason": exc}) from None
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # blank lines at the end
    if not rows:
        raise SpreadsheetError(_("The file is empty."))
    _check_row_count(len(rows) - 1)
    header, data = rows[0], rows[1:]
    width = len(header)
    extra_found = False
    shaped = []
    for row in data:
        extra = [cell for cell in row[width:] if cell.strip()]
        row = row[:width] + [""] * (width - len(row))  # a short row: its missing cells at the end are empty
        if extra:
            extra_found = True
            row.append(
                _(
                    "This row has %(cells)s cells but the header has %(columns)s columns (extra: %(extra)s). "
                    "A decimal comma in a value that is not in quotes splits it in two: quote it or use a point."
                )
                % {"cells": width + len(extra), "columns": width, "extra": ", ".join(extra)[:200]}
            )
        shaped.append(row)
    if extra_found:
        header = [*header, EXTRA_CELLS_COLUMN]
        shaped = [row if len(row) > width else [*row, ""] for row in shaped]
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(shaped)
    return Spreadsheet(
        name=name, content=output.getvalue().encode("utf-8"), format="csv", rows=len(data), encoding=encoding
    )


def _xlsx_row_count(content: bytes) -> int:
    """Return the number of data rows of the first sheet, from the size the file declares when it declares one."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zipfile, KeyError, XML errors) on a file that is not XLSX
        raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.max_row if sheet.max_row is not None else sum(1 for _ in sheet.iter_rows(values_only=True))
        rows = max(rows - 1, 0)  # the header
        _check_row_count(rows)
        return rows
    finally:
        workbook.close()


# --- Imports run by a worker


def _job_key(job_id: str) -> str:
    return f"assessments:import:{job_id}"


def import_job_get(job_id: str) -> dict | None:
    """Return the state of a background import, or None when there is no such import (or it is too old)."""
    return cache.get(_job_key(job_id))


def import_job_save(job_id: str, job: dict) -> None:
    """Store the state of a background import (kept for JOB_TIMEOUT)."""
    cache.set(_job_key(job_id), job, JOB_TIMEOUT)


def import_job_run(*, job_id: str) -> None:
    """Import the stored spreadsheet of a background import, all or nothing, recording progress and outcome."""
    job = import_job_get(job_id)
    if job is None or job["state"] in {"done", "failed"}:
        return  # unknown, expired, or already run (a task delivered twice)
    job.update(state="running", done=0)
    import_job_save(job_id, job)

    def progress(row_number: int) -> None:
        if row_number % PROGRESS_EVERY == 0:
            job["done"] = row_number
            import_job_save(job_id, job)

    user = get_user_model().objects.filter(pk=job["user_id"]).first()
    # The problems are written in the language of whoever imported, with the column headers of their language.
    language = translation.override(user.email_language if user is not None else settings.LANGUAGE_CODE)
    try:
        with default_storage.open(job["path"], "rb") as stored:
            content = stored.read()
        file_format = FORMATS[job["format"]](encoding="utf-8") if job["format"] == "csv" else FORMATS["xlsx"]()
        dataset = file_format.create_dataset(content)
        if user is None:
            raise get_user_model().DoesNotExist(f"user {job['user_id']} of the import")
        resource = RESOURCES[job["resource"]]()
        resource.progress = progress
        with language:
            result = resource.import_data(dataset, dry_run=False, raise_errors=False, user=user)
    except Exception:
        logger.exception("Background import %s failed.", job_id)
        job.update(state="failed", error=_("The import failed unexpectedly; nothing was saved. Try again later."))
        import_job_save(job_id, job)
        raise
    finally:
        default_storage.delete(job["path"])
    with language:
        problems = import_problems(result)
    job.update(
        state="done",
        done=job["total"],
        saved=not problems,
        totals=dict(result.totals) if not problems else {},
        problems=problems[:JOB_PROBLEMS_SHOWN],
        problem_count=len(problems),
    )
    import_job_save(job_id, job)


def import_problems(result) -> list[tuple[int, str, str]]:
    """Return the problems of an import as (spreadsheet row, column or '', message); the header is row 1."""
    problems = [
        (row.number + 1, "" if column == "__all__" else column_label(column), str(message))
        for row in result.invalid_rows
        for column, messages in row.error_dict.items()
        for message in messages
    ]
    problems += [(number + 1, "", str(error.error)) for number, errors in result.row_errors() for error in errors]
    problems += [(0, "", str(error.error)) for error in result.base_errors]
    return sorted(problems, key=lambda problem: problem[0])
