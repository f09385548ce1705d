"""HTML to PDF with WeasyPrint: tagged for accessibility, fonts shipped with the project, no outside fetch."""

import base64
import html
import re
from dataclasses import dataclass

import pydyf
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from core.reader_html import digits_for, html_with_digits

from .fetcher import SVG_DATA_PREFIX, report_url_fetcher

# The base URL under which templates address static files (/static/…) and media (/media/…); it never leaves the
# process: the fetcher maps it to files on disk.
BASE_URL = "report://local/"
# A table header's HTML scope as the /Scope attribute of its PDF structure element.
PDF_SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}


@dataclass(frozen=True)
class Pdf:
    content: bytes
    pages: int


def html_to_pdf(html: str, *, on_progress=None) -> Pdf:
    """Lay out and write the HTML as a tagged PDF; call on_progress(percent) after layout and at the end."""
    from weasyprint import HTML  # imported here: loading Pango costs time that pages never need

    document = HTML(string=html, base_url=BASE_URL, url_fetcher=report_url_fetcher).render(pdf_tags=True)
    if on_progress:
        on_progress(80)
    content = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, finisher=finish_structure)
    if on_progress:
        on_progress(95)
    return Pdf(content=content, pages=len(document.pages))


def svg_figure(svg: str) -> SafeString:
    """Return an SVG chart or map as an image whose alternative text is the SVG's own title and description.

    WeasyPrint tags an <img> with its alt as a Figure with /Alt; inline SVG would become an untitled NonStruct.
    """
    if not svg:
        return SafeString("")
    if digits := digits_for(get_language()):  # the chart's labels, and so its alternative text, as the reader writes
        svg = html_with_digits(svg, digits)
    words = [
        " ".join(html.unescape(match[1]).split()).rstrip(".")
        for name in ("title", "desc")
        if (match := re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", svg, re.DOTALL))  # the first: the SVG's own
    ]
    source = SVG_DATA_PREFIX + base64.b64encode(svg.encode()).decode("ascii")
    return format_html('<img src="{}" alt="{}">', source, ". ".join(word for word in words if word) + ".")


def finish_structure(document, pdf: pydyf.PDF) -> None:
    """Tidy WeasyPrint's tag tree before it is written: no grouping NonStruct, table headers with their scope."""
    elements = {
        obj.reference: obj
        for obj in pdf.objects
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"
    }
    for element in elements.values():
        if element["S"] == "/Document":
            _splice_non_struct(element, elements)
    scopes = {
        id(box): PDF_SCOPES.get(box.element.get("scope", ""), "/Column")
        for page in document.pages
        for box in page._page_box.descendants()
        if getattr(box, "element_tag", None) == "th" and box.element is not None
    }
    for element in elements.values():
        # WeasyPrint names each header cell by the id() of its box (weasyprint/pdf/tags.py, version 66).
        if element["S"] == "/TH" and (scope := scopes.get(element["ID"].string)):
            element["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})


def _splice_non_struct(element: pydyf.Dictionary, elements: dict) -> None:
    """Replace the NonStruct groupings below an element by their children, which join the grouping's parent.

    Anonymous boxes, <strong>, <br>, numbering ::before boxes and <figure> only group content for layout. A grouping
    that holds a figure (its image and caption) becomes a Div instead; one that marks content itself is kept.
    """
    kids = []
    for reference in element["K"]:
        child = elements.get(reference) if isinstance(reference, bytes) else None
        if child is None:
            kids.append(reference)
            continue
        _splice_non_struct(child, elements)
        grandchildren = [elements.get(kid) if isinstance(kid, bytes) else None for kid in child["K"]]
        if child["S"] != "/NonStruct" or None in grandchildren:
            kids.append(reference)
        elif any(grandchild["S"] == "/Figure" for grandchild in grandchildren):
            child["S"] = "/Div"
            kids.append(reference)
        else:
            for grandchild in grandchildren:
                grandchild["P"] = element.reference
                kids.append(grandchild.reference)
    element["K"] = pydyf.Array(kids)
