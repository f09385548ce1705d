"""Read PDFs in tests: the text of their pages and what their catalogue says (pypdf), their structure tree (pikepdf)."""

import base64
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader


def pdf_pages(content: bytes) -> list[str]:
    """Return the text of each page of a PDF, in the order of its content stream."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def pdf_text(content: bytes) -> str:
    """Return the text of every page of a PDF, one page after the other."""
    return "\n".join(pdf_pages(content))


def pdf_info(content: bytes) -> dict:
    """Return what the document says of itself: its title, language, whether it is tagged, its number of pages."""
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo", {})
    return {
        "title": reader.metadata.title if reader.metadata else None,
        "language": str(root.get("/Lang", "")),
        "tagged": bool(mark_info.get("/Marked", False)) and "/StructTreeRoot" in root,
        "pages": len(reader.pages),
    }


def figure_svg(image: str) -> str:
    """Return the SVG drawn by a report's <img> figure (its source is a base64 data URL)."""
    source = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', image)[1]
    return base64.b64decode(source).decode()


@dataclass
class Tag:
    """An element of a PDF's structure tree: its type (H1, Figure, TH…), alternative text, header scope, children."""

    name: str
    alt: str | None
    scope: str | None
    children: list["Tag"] = field(default_factory=list)

    def walk(self) -> Iterator["Tag"]:
        """Yield this element and every element below it, depth first: the order a screen reader reads them in."""
        yield self
        for child in self.children:
            yield from child.walk()


def structure_tree(content: bytes) -> Tag:
    """Return the structure tree of a tagged PDF from its root (the Document element)."""

    def read(node: pikepdf.Dictionary) -> Tag:
        attributes = node.get("/A")
        scope = attributes.get("/Scope") if isinstance(attributes, pikepdf.Dictionary) else None
        tag = Tag(str(node.S)[1:], str(node.Alt) if "/Alt" in node else None, str(scope)[1:] if scope else None)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                tag.children.append(read(kid))
        return tag

    with pikepdf.open(io.BytesIO(content)) as pdf:
        (document,) = pdf.Root.StructTreeRoot.K
        return read(document)
