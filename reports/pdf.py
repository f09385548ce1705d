"""HTML to PDF with WeasyPrint: tagged for accessibility, fonts shipped with the project, no outside fetch."""

from dataclasses import dataclass

from .fetcher import report_url_fetcher

# The base URL under which templates address static files (/static/…) and media (/media/…); it never leaves the
# process: the fetcher maps it to files on disk.
BASE_URL = "report://local/"


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
    content = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    if on_progress:
        on_progress(95)
    return Pdf(content=content, pages=len(document.pages))
