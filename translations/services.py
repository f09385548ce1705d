"""What is translated, what is missing, and the spreadsheet round trip of the translatable content.

The translatable fields are those registered with django-modeltranslation (each app's translation.py); a language is
complete for an object when every field written in at least one language is written in that one too (a field empty
in every language asks nothing of a translator).

The spreadsheet has one row per object field and one column per language. A row is named by a stable key,
`<app>.<model>:<id>:<field>`, and carries a checksum of the source-language text as exported: an import finds the
source changed since the export as a conflict, instead of saving a translation of a text that no longer exists.
An import is all or nothing: any row error and nothing is saved. An empty cell leaves the value as it is.
"""

import hashlib
import io
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from assessments.imports import SpreadsheetError, spreadsheet_read
from core.spreadsheets import FORMULA_STARTS, escape_formula

KEY_COLUMN = "key"
CHECKSUM_COLUMN = "source_checksum"
LABEL_COLUMN = "object"
SHEET_TITLE = "translations"


def language_codes() -> list[str]:
    """Return the codes of the site's languages, in the order of settings.LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES]


def source_language() -> str:
    """Return the language translators translate from: modeltranslation's default one."""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translatable_models() -> list[tuple[type, tuple[str, ...]]]:
    """Return each translatable model (history models left out) with its translated fields, in a stable order."""
    found = []
    for model in translator.get_registered_models(abstract=False):
        if model._meta.app_label == "modeltranslation" or model.__name__.startswith("Historical"):
            continue
        found.append((model, translated_fields(model)))
    return sorted(found, key=lambda item: item[0]._meta.label_lower)


def translated_fields(model) -> tuple[str, ...]:
    """Return the translated fields of a model ((), when it has none)."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return ()
    return tuple(f.name for f in model._meta.fields if f.name in names)  # the model's order, stable


def _value(obj, name: str, language: str) -> str:
    return getattr(obj, build_localized_fieldname(name, language)) or ""


def missing_fields(obj, fields, language: str) -> list[str]:
    """Return the fields of obj written in some language but empty in this one."""
    codes = language_codes()
    return [
        name
        for name in fields
        if not _value(obj, name, language).strip() and any(_value(obj, name, code).strip() for code in codes)
    ]


def language_status(obj, fields=None) -> dict[str, bool]:
    """Return, for each language, whether obj is complete in it."""
    fields = translated_fields(type(obj)) if fields is None else fields
    return {code: not missing_fields(obj, fields, code) for code in language_codes()}


@dataclass
class MissingObject:
    """An object with fields empty in a language: what the page lists, with a link to edit it."""

    model: type
    pk: int
    label: str
    fields: list[str]

    @property
    def admin_url(self) -> str:
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.pk])


@dataclass
class MissingModel:
    model: type
    objects: list[MissingObject] = field(default_factory=list)
    total: int = 0  # objects of the model

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name_plural)


def missing_by_model(language: str) -> list[MissingModel]:
    """Return, per translatable model, the objects with fields empty in the language (one query per model)."""
    codes = language_codes()
    result = []
    for model, fields in translatable_models():
        columns = [build_localized_fieldname(name, code) for name in fields for code in codes]
        entry = MissingModel(model=model)
        for obj in model._default_manager.order_by("pk").only("pk", *columns):
            entry.total += 1
            missing = missing_fields(obj, fields, language)
            if missing:
                entry.objects.append(MissingObject(model, obj.pk, _label(obj, fields), missing))
        result.append(entry)
    return result


def _label(obj, fields) -> str:
    """Return a short name for an object, read from its own translated fields (no query, unlike str())."""
    for name in fields:
        for code in (settings.LANGUAGE_CODE, source_language(), *language_codes()):
            text = _value(obj, name, code).strip()
            if text:
                return text if len(text) <= 80 else text[:79] + "…"
    return f"#{obj.pk}"


def checksum(text: str) -> str:
    """Return a short fingerprint of a source text, to notice it changed between an export and an import."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:12]


def export_headers() -> list[str]:
    return [KEY_COLUMN, LABEL_COLUMN, CHECKSUM_COLUMN, *language_codes()]


def translations_export() -> bytes:
    """Return an XLSX workbook of every translatable field of every object, its text cells escaped."""
    import openpyxl

    codes = language_codes()
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.append(export_headers())
    for model, fields in translatable_models():
        columns = [build_localized_fieldname(name, code) for name in fields for code in codes]
        for obj in model._default_manager.order_by("pk").only("pk", *columns):
            label = _label(obj, fields)
            for name in fields:
                values = [_value(obj, name, code) for code in codes]
                if not any(value.strip() for value in values):
                    continue
                key = f"{model._meta.label_lower}:{obj.pk}:{name}"
                source = checksum(_value(obj, name, source_language()))
                sheet.append([escape_formula(cell) for cell in (key, label, source, *values)])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


class TranslationImportError(Exception):
    """A translation spreadsheet cannot be imported: the file itself, or its rows (listed in .problems)."""

    def __init__(self, message: str, problems: list[tuple[int, str, str]] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Change:
    """One value an import writes: the object, the field's language column, the old and new text."""

    row: int
    obj: object
    column: str
    old: str
    new: str


def _unescape(value) -> str:
    """Return a cell's text, without the apostrophe the export put before a text that would read as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _read_rows(content: bytes, name: str) -> list[tuple[int, dict]]:
    import openpyxl

    spreadsheet_read(name=name, content=content, file_format="xlsx")  # size and row count, before parsing it all
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
        missing = [column for column in (KEY_COLUMN, CHECKSUM_COLUMN) if column not in header]
        if missing:
            raise TranslationImportError(
                _("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        found = []
        for number, row in enumerate(rows, start=2):
            cells = dict(zip(header, row, strict=False))
            if any(cell not in (None, "") for cell in row):
                found.append((number, cells))
        return found
    finally:
        workbook.close()


def _row_key(number: int, cells: dict, user) -> tuple[tuple | None, tuple | None]:
    """Return the (model, id, field) a row's key names, or the problem that stops the row."""
    key = _unescape(cells.get(KEY_COLUMN)).strip()
    try:
        label, pk, field_name = key.split(":")
        model = apps.get_model(label)
        pk = int(pk)
    except (ValueError, LookupError):
        return None, (number, KEY_COLUMN, _("“%(key)s” is not a key of this export.") % {"key": key[:100]})
    if field_name not in translated_fields(model):
        problem = _("“%(field)s” is not a translated field of %(model)s.") % {
            "field": field_name[:100],
            "model": model._meta.verbose_name,
        }
        return None, (number, KEY_COLUMN, problem)
    if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        problem = _("You may not change %(model)s.") % {"model": model._meta.verbose_name_plural}
        return None, (number, KEY_COLUMN, problem)
    return (model, pk, field_name), None


def _row_changes(number: int, obj, field_name: str, cells: dict, codes: list[str]) -> tuple[list[Change], list]:
    """Return the changes a row makes to an object's translations, and the problems of its cells."""
    exported = _unescape(cells.get(CHECKSUM_COLUMN)).strip()
    if exported and exported != checksum(_value(obj, field_name, source_language())):
        problem = _("The source text changed since the export: export again and translate the new text.")
        return [], [(number, source_language(), problem)]
    changes, problems = [], []
    for code in codes:
        new = _unescape(cells.get(code))
        column = build_localized_fieldname(field_name, code)
        old = getattr(obj, column) or ""
        if not new.strip() or new == old:
            continue
        limit = obj._meta.get_field(column).max_length
        if limit and len(new) > limit:
            problem = _("The text has %(length)s characters; at most %(limit)s fit.") % {
                "length": len(new),
                "limit": limit,
            }
            problems.append((number, code, problem))
            continue
        changes.append(Change(number, obj, column, old, new))
    return changes, problems


def translations_import_check(*, content: bytes, name: str, user) -> list[Change]:
    """Return the changes a translation spreadsheet makes, or raise TranslationImportError with every row error."""
    try:
        rows = _read_rows(content, name)
    except SpreadsheetError as exc:
        raise TranslationImportError(str(exc)) from None
    codes = language_codes()
    problems: list[tuple[int, str, str]] = []
    parsed = []
    wanted: dict[type, set] = {}
    for number, cells in rows:
        key, problem = _row_key(number, cells, user)
        if problem:
            problems.append(problem)
            continue
        model, pk, field_name = key
        wanted.setdefault(model, set()).add(pk)
        parsed.append((number, model, pk, field_name, cells))
    objects = {model: model._default_manager.in_bulk(pks) for model, pks in wanted.items()}
    changes = []
    for number, model, pk, field_name, cells in parsed:
        obj = objects[model].get(pk)
        if obj is None:
            problem = _("There is no %(model)s with id %(id)s.") % {"model": model._meta.verbose_name, "id": pk}
            problems.append((number, KEY_COLUMN, problem))
            continue
        row_changes, row_problems = _row_changes(number, obj, field_name, cells, codes)
        changes.extend(row_changes)
        problems.extend(row_problems)
    if problems:
        problems.sort(key=lambda problem: problem[0])
        raise TranslationImportError(_("Nothing was imported: correct these rows and import the file again."), problems)
    return changes


@transaction.atomic
def translations_import(*, content: bytes, name: str, user) -> list[Change]:
    """Write every change of a translation spreadsheet, or none of them; return the changes written."""
    changes = translations_import_check(content=content, name=name, user=user)
    by_object: dict[tuple, tuple[object, list[str]]] = {}
    for change in changes:
        setattr(change.obj, change.column, change.new)
        key = (type(change.obj), change.obj.pk)
        by_object.setdefault(key, (change.obj, []))[1].append(change.column)
    for obj, columns in by_object.values():
        obj.save(update_fields=columns)
    return changes
