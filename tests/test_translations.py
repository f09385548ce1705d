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


# English is the language the messages are written in: every other language of the site has a catalogue.
TRANSLATED_LANGUAGES = sorted(code for code, _name in settings.LANGUAGES if code != "en")
CATALOGUE_IDS = {"ids": lambda path: path.relative_to(settings.BASE_DIR).parts[0] + "-" + path.parent.parent.name}


def test_there_are_catalogues_to_check():
    assert TRANSLATED_LANGUAGES == ["ar", "es", "fa", "fr", "vi"]
    assert [path.relative_to(settings.BASE_DIR).as_posix() for path in CATALOGUES] == [
        *[f"locale/{code}/LC_MESSAGES/django.po" for code in TRANSLATED_LANGUAGES],
        *[f"opendata/locale/{code}/LC_MESSAGES/django.po" for code in TRANSLATED_LANGUAGES],
    ]


@pytest.mark.parametrize("po_path", CATALOGUES, **CATALOGUE_IDS)
def test_every_message_is_translated_and_none_is_fuzzy(po_path):
    catalogue = polib.pofile(str(po_path))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert not untranslated, f"{len(untranslated)} untranslated messages in {po_path.name}: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy messages in {po_path.name}: {fuzzy[:20]}"


@pytest.mark.parametrize("po_path", [path for path in CATALOGUES if path.parent.parent.name != "fr"], **CATALOGUE_IDS)
def test_each_catalogue_has_the_messages_of_the_french_one(po_path):
    """The French catalogue is the one make messages extracts into; the others are built from it."""
    french = po_path.parent.parent.parent / "fr" / "LC_MESSAGES" / "django.po"

    def keys(path):
        return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in polib.pofile(str(path))}

    missing, extra = keys(french) - keys(po_path), keys(po_path) - keys(french)
    assert not missing and not extra, (
        f"{po_path} lacks {sorted(missing)[:10]} and has {sorted(extra)[:10]}: run locale/build_catalogues.py"
    )


@pytest.mark.parametrize("po_path", CATALOGUES, **CATALOGUE_IDS)
def test_plural_messages_have_as_many_forms_as_the_language_has(po_path):
    catalogue = polib.pofile(str(po_path))
    forms = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"]).group(1))

    wrong = [entry.msgid for entry in catalogue if entry.msgid_plural and len(entry.msgstr_plural) != forms]

    assert not wrong, f"plural messages without {forms} forms: {wrong}"


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
    """What msgfmt --check-format checks, for every message: a translation with a wrong placeholder breaks the page.

    A singular translation has the placeholders of its message; a plural form may leave out the number, as "Notez la
    proposition" does, but never uses a name the message does not give.
    """
    wrong = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        if entry.msgid_plural:
            given = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            wrong += [entry.msgid for text in entry.msgstr_plural.values() if not placeholders(text) <= given]
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(entry.msgid)

    assert not wrong, f"translations whose placeholders differ from their message: {wrong}"


def placeholders(text: str) -> set[str]:
    return {"".join(groups) for groups in PLACEHOLDER.findall(text)}


TAG = re.compile(r"</?\w+[^>]*>")


@pytest.mark.parametrize("po_path", CATALOGUES, **CATALOGUE_IDS)
def test_translations_keep_the_markup_of_their_message(po_path):
    """A link or emphasis written into a message stays, with its attributes, in every translation."""
    wrong = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        wrong += [entry.msgid for text in texts if sorted(TAG.findall(text)) != sorted(TAG.findall(entry.msgid))]

    assert not wrong, f"translations whose markup differs from their message: {wrong}"
