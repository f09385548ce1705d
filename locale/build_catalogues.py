"""Build the Spanish, Arabic, Vietnamese and Persian catalogues from the French one's messages and translations.txt.

The French catalogue is the list of messages (make messages keeps it complete); translations.txt holds, for each
message, its translation into each language. Run it after adding messages, then make compilemessages:

    .venv/bin/python locale/build_catalogues.py

translations.txt is a list of blocks separated by blank lines: the message (after a line "@context" if it has a
context), then one line per language, "es ", "ar ", "vi " or "fa " followed by the translation. A message with a plural
gives its singular and plural separated by " || ", and so does each translation; Arabic may give its six forms.
A message without a translation stays untranslated in the catalogue, and tests/test_translations.py fails on it.
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent
ROOT = LOCALE.parent
LANGUAGES = {
    "es": ("Spanish", "nplurals=2; plural=(n != 1);"),
    "ar": (
        "Arabic",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    ),
    "vi": ("Vietnamese", "nplurals=1; plural=0;"),
    "fa": ("Persian", "nplurals=2; plural=(n > 1);"),
}
# Arabic nouns are plural after 0 and 3 to 10, singular after 1, 11 to 99 and 100 or more; the dual takes the plural.
ARABIC_FORMS_FROM_TWO = (1, 0, 1, 1, 0, 0)
SEPARATOR = " || "


def read_table(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    """Return each message's translations, keyed by (context, message)."""
    table = {}
    for number, block in enumerate(path.read_text(encoding="utf-8").strip().split("\n\n"), start=1):
        head, *lines = block.strip().split("\n")
        context = ""
        if head.startswith("@"):
            context, (head, *lines) = head[1:], lines
        translations = {}
        for line in lines:
            code, _space, text = line.partition(" ")
            if code not in LANGUAGES or not text:
                sys.exit(f"{path.name}, block {number} ({head!r}): a line must start with es, ar, vi or fa: {line!r}")
            translations[code] = text
        table[(context, head)] = translations
    return table


def plural_forms(code: str, text: str) -> dict[int, str]:
    """Return the msgstr_plural of a translation given as "singular || plural" (or Arabic's six forms)."""
    forms = text.split(SEPARATOR)
    if code == "vi":
        return {0: forms[-1]}
    if code == "ar" and len(forms) == 2:
        return {index: forms[pick] for index, pick in enumerate(ARABIC_FORMS_FROM_TWO)}
    return dict(enumerate(forms))


def build(source: Path, target: Path, code: str, table: dict) -> int:
    """Write the catalogue of one language from the French one's messages; return how many are untranslated."""
    french = polib.pofile(str(source))
    name, plural_rule = LANGUAGES[code]
    catalogue = polib.POFile(wrapwidth=120)
    catalogue.metadata = {
        **french.metadata,
        "Language-Team": name,
        "Language": code,
        "Plural-Forms": plural_rule,
    }
    missing = 0
    for entry in french:
        message = entry.msgid + SEPARATOR + entry.msgid_plural if entry.msgid_plural else entry.msgid
        key = (entry.msgctxt or "", message)
        text = table.get(key, {}).get(code, "")
        missing += not text
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            occurrences=entry.occurrences,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
            comment=entry.comment,
        )
        if entry.msgid_plural:
            new.msgid_plural = entry.msgid_plural
            new.msgstr_plural = plural_forms(code, text) if text else {0: ""}
        else:
            new.msgstr = text
        catalogue.append(new)
    target.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(target))
    return missing


def main() -> None:
    table = read_table(LOCALE / "translations.txt")
    french_catalogues = [LOCALE / "fr/LC_MESSAGES/django.po", *ROOT.glob("*/locale/fr/LC_MESSAGES/django.po")]
    for source in french_catalogues:
        for code in LANGUAGES:
            target = source.parent.parent.parent / code / "LC_MESSAGES" / "django.po"
            missing = build(source, target, code, table)
            print(f"{target.relative_to(ROOT)}: {missing} untranslated")


if __name__ == "__main__":
    main()
