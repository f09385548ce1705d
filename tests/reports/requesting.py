"""What the report tests share besides fixtures: a look at the PDF files in storage."""

from pathlib import Path


def pdf_files(media: Path) -> list[Path]:
    """Return every PDF file in the media directory, wherever the storage put it."""
    return sorted(media.rglob("*.pdf")) if media.exists() else []
