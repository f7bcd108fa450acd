"""The page being rendered, for error messages that name the file an editor edits.

Under Zensical the engine hands every page's Markdown instance a context
preprocessor that knows the page; under MkDocs the plugin says which page it
is about to render. Without either (plain Python-Markdown) the page is unknown.
"""

from __future__ import annotations

import os
from pathlib import Path

from .settings import current
from .yamlfile import display_path

_mkdocs_page: str | None = None


def set_mkdocs_page(source_file: str | None) -> None:
    """Called by the MkDocs plugin before each page: the page's source file."""
    global _mkdocs_page
    _mkdocs_page = source_file


def current_page(md) -> str:
    """The page as the editor knows it (modules/… rather than the linked docs path), or 'page'."""
    for processor in getattr(md, "preprocessors", ()):
        page = getattr(processor, "page", None)
        path = getattr(page, "path", None)
        if type(processor).__name__ == "ContextPreprocessor" and isinstance(path, str):
            settings = current()
            return display_path(Path(os.path.realpath(settings.docs / path)))
    if _mkdocs_page:
        return display_path(Path(os.path.realpath(_mkdocs_page)))
    return "page"
