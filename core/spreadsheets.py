"""Spreadsheet exports without formula injection: a text that a spreadsheet would run as a formula is written as text.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice
(and, in an XLSX file written by openpyxl, a text starting with `=` is stored as a live formula). Such a text gets a
leading apostrophe, which spreadsheets read as "this is text" (OWASP's advice). Numbers stay numbers: only strings are
touched, and a string that is just a number ("-3.5", "57,3 %") is left as it is.

django-import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is not used: it only strips one leading `=` and
turns every cell into a string (numbers and empty cells included), so the admin's formats below escape with this
helper instead (see escaping_formulas).
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,\u202f\u00a0]\d+)*(?:[eE][+-]?\d+)?(?:\s?%)?")


def escape_formula(value):
    """Return the value, with a leading apostrophe if it is a text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def escape_row(row) -> list:
    """Return a row of cells, each escaped with escape_formula."""
    return [escape_formula(value) for value in row]


def escaped_dataset(dataset):
    """Return a copy of a tablib dataset whose text cells are escaped."""
    copy = dataset.__class__(headers=escape_row(dataset.headers or []) or None, title=dataset.title)
    for row in dataset:
        copy.append(escape_row(row))
    return copy


def escaping_formulas(format_class):
    """Return an import-export format class whose exports escape formulas (its imports are unchanged)."""

    class EscapingFormulas(format_class):
        def export_data(self, dataset, **kwargs):
            return super().export_data(escaped_dataset(dataset), **kwargs)

    EscapingFormulas.__name__ = EscapingFormulas.__qualname__ = format_class.__name__
    return EscapingFormulas
