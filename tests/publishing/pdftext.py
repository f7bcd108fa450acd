"""Reading printed PDFs in tests: text per page, whitespace made single spaces."""

from pypdf import PdfReader


def page_texts(path) -> list[str]:
    """Each page's text, its whitespace made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def text_of(path) -> str:
    return " ".join(page_texts(path))
