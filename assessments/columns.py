"""The spreadsheets' column headers in the reader's language.

The English headers are the file format: the keys the resources read (`indicator_name`, `reference_year`…), stable
from one release to the next. A file is exported with the headers of its reader's language (`nom de l'indicateur`,
`año de referencia`…), and an import accepts the headers of any of the platform's languages, the English keys
included: they are turned back into the keys before anything reads the rows. A column in a language of the content
(`name_fr`) is its base column's header followed by the language code: `nom (fr)`.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

# Each column of the three spreadsheets (indicators, indicator values, initiatives); its msgid is its key.
LABELS = {
    "framework": pgettext_lazy("spreadsheet column", "framework"),
    "code": pgettext_lazy("spreadsheet column", "code"),
    "number": pgettext_lazy("spreadsheet column", "number"),
    "category": pgettext_lazy("spreadsheet column", "category"),
    "name": pgettext_lazy("spreadsheet column", "name"),
    "description": pgettext_lazy("spreadsheet column", "description"),
    "method": pgettext_lazy("spreadsheet column", "method"),
    "title": pgettext_lazy("spreadsheet column", "title"),
    "unit": pgettext_lazy("spreadsheet column", "unit"),
    "value_type": pgettext_lazy("spreadsheet column", "value_type"),
    "scale_min": pgettext_lazy("spreadsheet column", "scale_min"),
    "scale_max": pgettext_lazy("spreadsheet column", "scale_max"),
    "direction": pgettext_lazy("spreadsheet column", "direction"),
    "per_capita": pgettext_lazy("spreadsheet column", "per_capita"),
    "actions": pgettext_lazy("spreadsheet column", "actions"),
    "verified": pgettext_lazy("spreadsheet column", "verified"),
    "source": pgettext_lazy("spreadsheet column", "source"),
    "note": pgettext_lazy("spreadsheet column", "note"),
    "assessment": pgettext_lazy("spreadsheet column", "assessment"),
    "indicator": pgettext_lazy("spreadsheet column", "indicator"),
    "indicator_name": pgettext_lazy("spreadsheet column", "indicator_name"),
    "value": pgettext_lazy("spreadsheet column", "value"),
    "no_data": pgettext_lazy("spreadsheet column", "no_data"),
    "reference_year": pgettext_lazy("spreadsheet column", "reference_year"),
    "source_title": pgettext_lazy("spreadsheet column", "source_title"),
    "source_url": pgettext_lazy("spreadsheet column", "source_url"),
    "confidence": pgettext_lazy("spreadsheet column", "confidence"),
    "licence": pgettext_lazy("spreadsheet column", "licence"),
    "demonstration_data": pgettext_lazy("spreadsheet column", "demonstration_data"),
    "ref": pgettext_lazy("spreadsheet column", "ref"),
    "categories": pgettext_lazy("spreadsheet column", "categories"),
    "pillars": pgettext_lazy("spreadsheet column", "pillars"),
    "actor_type": pgettext_lazy("spreadsheet column", "actor_type"),
    "organisation": pgettext_lazy("spreadsheet column", "organisation"),
    "latitude": pgettext_lazy("spreadsheet column", "latitude"),
    "longitude": pgettext_lazy("spreadsheet column", "longitude"),
    "website": pgettext_lazy("spreadsheet column", "website"),
    "photo_credit": pgettext_lazy("spreadsheet column", "photo_credit"),
    "start_year": pgettext_lazy("spreadsheet column", "start_year"),
    "status": pgettext_lazy("spreadsheet column", "status"),
}
IN_A_LANGUAGE = re.compile(r"^(?P<base>[a-z_]+)_(?P<code>[a-z]{2})$")


def column_label(key: str) -> str:
    """Return the header of a column in the active language: its key in English, or when it has no translation."""
    key = str(key)
    if key in LABELS:
        return str(LABELS[key])
    match = IN_A_LANGUAGE.match(key)
    if match and match["base"] in LABELS and match["code"] in dict(settings.LANGUAGES):
        base = str(LABELS[match["base"]])
        return key if base == match["base"] else f"{base} ({match['code']})"
    return key


def _normalised(header: str) -> str:
    return " ".join(str(header).split()).casefold()


def _keys_by_header() -> dict[str, str]:
    keys = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for key in LABELS:
                keys.setdefault(_normalised(column_label(key)), key)
                for language, _language_name in settings.LANGUAGES:
                    keys.setdefault(_normalised(column_label(f"{key}_{language}")), f"{key}_{language}")
    return keys


def column_keys(headers: list) -> list:
    """Return the headers of a file with each header of any language turned into its key (others unchanged)."""
    keys = _keys_by_header()
    return [keys.get(_normalised(header), header) if isinstance(header, str) else header for header in headers]
