"""HTML finished for its reader's language: content shown in another language marked, digits written as the locale
writes them.

Every HTML the platform hands a reader goes through html_for_reader(): pages (ReaderHtmlMiddleware, and the public
page cache before it stores a page, since what it serves is compressed), HTML emails and PDF reports.

Digits: Persian is written with its own digits (۰۱۲۳۴۵۶۷۸۹), and Django's number and date formats only give Latin
ones. They are rewritten in the text of the page only: tags and their attributes (links, form values, data for the
scripts), scripts, styles, preformatted text and form fields keep Latin digits, and so do addresses and links written
out in the text, which a reader may copy. Arabic keeps Latin digits: it is the way Morocco and Tunisia (Fez, Sfax)
write them.
"""

import re

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language

from .fallbacks import START, mark_untranslated

# A tag (comments included), or the content of an element whose text is not prose, whole.
_NOT_TEXT = re.compile(
    r"<(script|style|textarea|pre|code|kbd|samp)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
# In the text: what keeps its Latin digits (an entity, a link or an address written out), or a digit.
_KEPT_OR_DIGIT = re.compile(r"(&#?\w+;|\bhttps?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+)|[0-9]")


def digits_for(language: str | None) -> str | None:
    """Return the ten digits the language writes numbers with, or None for Latin digits."""
    return settings.LANGUAGE_DIGITS.get((language or "").split("-")[0])


# The CSS counter style (WeasyPrint's user-agent sheet names them) that numbers pages and headings with these digits.
COUNTER_STYLES = {"۰۱۲۳۴۵۶۷۸۹": "persian", "٠١٢٣٤٥٦٧٨٩": "arabic-indic"}


def counter_style_for(language: str | None) -> str:
    """Return the CSS counter style of the language's digits: what numbers a PDF's pages and headings."""
    return COUNTER_STYLES.get(digits_for(language) or "", "decimal")


def _text_with_digits(text: str, digits: str) -> str:
    return _KEPT_OR_DIGIT.sub(lambda match: match.group(1) or digits[ord(match.group(0)) - 48], text)


def html_with_digits(html: str, digits: str) -> str:
    """Return the HTML with the digits of its text written with `digits` (tags, scripts and links unchanged)."""
    parts, end = [], 0
    for match in _NOT_TEXT.finditer(html):
        parts.append(_text_with_digits(html[end : match.start()], digits))
        parts.append(match.group(0))
        end = match.end()
    parts.append(_text_with_digits(html[end:], digits))
    return "".join(parts)


def html_for_reader(html: str, language: str | None = None) -> str:
    """Return the HTML finished for a reader of `language` (the active one by default)."""
    html = mark_untranslated(html)
    digits = digits_for(language or get_language())
    return html_with_digits(html, digits) if digits else html


def response_for_reader(response: HttpResponse) -> HttpResponse:
    """Finish an HTML response for the active language, once; other responses are returned as they are."""
    content_type = response.get("Content-Type", "")
    if (
        getattr(response, "for_reader", False)
        or response.streaming
        or response.has_header("Content-Encoding")
        or not content_type.startswith("text/html")
    ):
        return response
    response.for_reader = True
    if START.encode() not in response.content and not digits_for(get_language()):
        return response
    charset = response.charset or "utf-8"
    response.content = html_for_reader(response.content.decode(charset)).encode(charset)
    return response


class ReaderHtmlMiddleware:
    """Finish the HTML pages for the reader's language (after LocaleMiddleware chose it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return response_for_reader(self.get_response(request))
