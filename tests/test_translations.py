"""The compiled translations (.mo files, committed so that no machine needs gettext) match their .po catalogues."""

import gettext
import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(
    [
        *Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"),
        *Path(settings.BASE_DIR).glob("*/locale/*/LC_MESSAGES/*.po"),  # an app's own catalogue
    ]
)
# Only the messages: msgfmt and polib write the header entry differently (POT-Creation-Date).
HEADER = ""


def messages(compiled: bytes) -> tuple[dict, str]:
    """Return the messages of a compiled catalogue, as gettext reads them, and its plural rule."""
    translations = gettext.GNUTranslations(io.BytesIO(compiled))
    catalogue = {key: text for key, text in translations._catalog.items() if key != HEADER}
    return catalogue, translations.info().get("plural-forms", "")


def test_there_are_catalogues_to_check():
    assert [path.relative_to(settings.BASE_DIR).as_posix() for path in CATALOGUES] == [
        "locale/fr/LC_MESSAGES/django.po",
        "opendata/locale/fr/LC_MESSAGES/django.po",
    ]


@pytest.mark.parametrize(
    "po_path", CATALOGUES, ids=lambda path: path.relative_to(settings.BASE_DIR).parts[0] + "-" + path.parent.parent.name
)
def test_each_compiled_catalogue_has_the_messages_of_its_po_file(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path.name} is missing: run make compilemessages and commit it"

    expected = messages(polib.pofile(str(po_path)).to_binary())
    assert messages(mo_path.read_bytes()) == expected, (
        f"{mo_path} is stale against its .po file: run make compilemessages and commit it"
    )


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


@pytest.mark.parametrize(
    "po_path", CATALOGUES, ids=lambda path: path.relative_to(settings.BASE_DIR).parts[0] + "-" + path.parent.parent.name
)
def test_translations_keep_the_placeholders_of_their_message(po_path):
    """What msgfmt --check-format checked: a translation that uses an unknown placeholder breaks the page.

    A singular translation has the placeholders of its message; a plural form may leave out the number, as "Notez la
    proposition" does, but never uses a name the message does not give.
    """
    wrong = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        if not {"python-format", "python-brace-format"} & set(entry.flags):
            continue
        if entry.msgid_plural:
            given = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            wrong += [entry.msgid for text in entry.msgstr_plural.values() if not placeholders(text) <= given]
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(entry.msgid)

    assert not wrong, f"translations whose placeholders differ from their message: {wrong}"


def placeholders(text: str) -> set[str]:
    return {"".join(groups) for groups in PLACEHOLDER.findall(text)}
