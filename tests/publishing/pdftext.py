"""Reading printed PDFs in tests: text per page, whitespace made single spaces."""

from functools import cache
from pathlib import Path

from pypdf import PdfReader


@cache
def _read(path: Path, mtime_ns: int) -> tuple[str, ...]:
    # pypdf takes seconds over the whole course's PDF, which several tests read: once per printed file.
    return tuple(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def page_texts(path) -> list[str]:
    """Each page's text, its whitespace made single spaces."""
    path = Path(path)
    return list(_read(path, path.stat().st_mtime_ns))


def text_of(path) -> str:
    return " ".join(page_texts(path))
