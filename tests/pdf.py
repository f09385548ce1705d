"""Read PDFs in tests with pypdf (pure Python): the text of their pages and what their catalogue says."""

import io

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
