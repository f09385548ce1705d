"""Content shown in another language than the reader's carries a visible "not yet translated" mark, never silently.

django-modeltranslation returns the value of a fallback language when the reader's column is empty. Such a value is
returned here as a FallbackText: a plain string everywhere (APIs, CSV, plain-text emails), whose HTML form is wrapped
in invisible markers. mark_untranslated() then turns the markers into an element in the fallback language followed by
the mark where the text is page content, and drops them where it stands in an attribute, a title, a script or an SVG.
"""

import functools
import re

from django.template import defaultfilters
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData
from django.utils.translation import gettext
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

START, MIDDLE, END = "\ufdd0", "\ufdd1", "\ufdd2"  # Unicode non-characters: never in real text
MARKED = re.compile(f"{START}([a-z-]+){MIDDLE}(.*?){END}", re.DOTALL)
# Elements whose content is not HTML, or whose text a <span> would break.
PLAIN_TEXT_ELEMENTS = ("title", "script", "style", "textarea", "option", "svg")


# Proper names: a city or a duo without a name of its own in a language keeps the one it has (Lyon, Fez), unmarked.
PROPER_NAMES = {("cities.city", "name"), ("cities.duo", "name")}


class FallbackText(str):
    """A translated field's value taken from a fallback language, which it names."""

    language: str

    def __new__(cls, value: str, language: str):
        text = super().__new__(cls, value)
        text.language = language
        return text

    def __getnewargs__(self):
        return str(self), self.language

    def __html__(self) -> str:
        return f"{START}{self.language}{MIDDLE}{escape(str(self))}{END}"


def fallback_text(descriptor, instance, value):
    """Return value as a FallbackText when the reader's own column is empty and a fallback language gave it."""
    if not isinstance(value, str) or not value or isinstance(value, FallbackText):
        return value
    name, language = descriptor.field.name, get_language()
    # The field's model, not the instance's: values_list() hands over a bare stand-in object without _meta.
    if (descriptor.field.model._meta.label_lower, name) in PROPER_NAMES:
        return value
    if getattr(instance, build_localized_fieldname(name, language), None):
        return value
    for fallback in resolution_order(language, descriptor.fallback_languages):
        if getattr(instance, build_localized_fieldname(name, fallback), None) == value:
            return FallbackText(value, fallback)
    return value


def install() -> None:
    """Make every translated field return its fallback values as FallbackText (called once, when apps are ready)."""
    original = TranslationFieldDescriptor.__get__
    if getattr(original, "marks_fallbacks", False):
        return

    def __get__(self, instance, owner):
        value = original(self, instance, owner)
        return value if instance is None else fallback_text(self, instance, value)

    __get__.marks_fallbacks = True
    TranslationFieldDescriptor.__get__ = __get__
    # Long texts reach pages through these filters, which turn their value into a plain string first.
    for name in ("linebreaks", "linebreaksbr"):
        defaultfilters.register.filters[name] = keeping_the_fallback(defaultfilters.register.filters[name])


def keeping_the_fallback(template_filter):
    """Return the filter, its HTML result marked like the fallback text it was given."""

    @functools.wraps(template_filter)
    def wrapper(value, *args, **kwargs):
        result = template_filter(value, *args, **kwargs)
        if isinstance(value, FallbackText) and isinstance(result, SafeData) and result:
            return format_html("{}{}{}{}{}", START, value.language, MIDDLE, result, END)
        return result

    return wrapper


def mark_untranslated(html: str) -> str:
    """Return the HTML with each fallback text in its own language, followed by the "not yet translated" mark."""
    if START not in html:
        return html
    lowered = html.lower()
    mark = gettext("not yet translated")

    def replace(match: re.Match) -> str:
        start, language, text = match.start(), match.group(1), match.group(2)
        in_a_tag = html.rfind("<", 0, start) > html.rfind(">", 0, start)
        in_plain_text = any(
            lowered.rfind(f"<{element}", 0, start) > lowered.rfind(f"</{element}", 0, start)
            for element in PLAIN_TEXT_ELEMENTS
        )
        if in_a_tag or in_plain_text:
            return text
        # The text was escaped by FallbackText.__html__; the language code matched [a-z-]+.
        return (
            f'<span class="untranslated" lang="{language}">{text}</span>'
            f' <small class="untranslated-mark">({escape(mark)})</small>'
        )

    return MARKED.sub(replace, html)


def strip_untranslated(text: str) -> str:
    """Return plain text without the markers (a text that autoescapes its values still names their language)."""
    return MARKED.sub(r"\2", text) if START in text else text
