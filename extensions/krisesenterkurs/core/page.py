"""The page being rendered, for error messages that name the file an editor edits.

Under Zensical the engine hands every page's Markdown instance a context
preprocessor that knows the page; under MkDocs the plugin says which page it
is about to render. Without either (plain Python-Markdown) the page is unknown.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from .settings import current
from .yamlfile import display_path

_mkdocs_page: str | None = None


def set_mkdocs_page(source_file: str | None) -> None:
    """Called by the MkDocs plugin before each page: the page's source file."""
    global _mkdocs_page
    _mkdocs_page = source_file


def _zensical_page(md):
    for processor in getattr(md, "preprocessors", ()):
        page = getattr(processor, "page", None)
        if type(processor).__name__ == "ContextPreprocessor" and isinstance(getattr(page, "path", None), str):
            return page
    return None


def href_beside_source(md, name: str) -> str:
    """A link, in raw HTML, to a file written beside the page's source (a PDF in the module's folder).

    The engines read such links differently: Zensical from the source file's folder, MkDocs from the
    page's address, which with directory URLs is one folder deeper (utdelingsark.md -> utdelingsark/).
    """
    if _zensical_page(md) is not None:
        return name
    source = Path(_mkdocs_page or "index.md").name
    return name if source == "index.md" or not current().directory_urls else "../" + name


def current_page(md) -> str:
    """The page as the editor knows it (modules/… rather than the linked docs path), or 'page'."""
    page = _zensical_page(md)
    if page is not None:
        return display_path(Path(os.path.realpath(current().docs / page.path)))
    if _mkdocs_page:
        return display_path(Path(os.path.realpath(_mkdocs_page)))
    return "page"


def docs_path(md) -> str | None:
    """The page's path relative to docs_dir ('moduler/mandat/case.md'), or None when no engine said."""
    if _zensical_page(md) is None and not _mkdocs_page:
        return None
    return _docs_path(md)


def _docs_path(md) -> str:
    page = _zensical_page(md)
    if page is not None:
        return str(page.path).replace(os.sep, "/")
    if _mkdocs_page:
        return Path(os.path.relpath(_mkdocs_page, current().docs)).as_posix()
    return "index.md"


def href_to_page(md, target: str) -> str:
    """A link, in raw HTML, from the page being rendered to another page ('moduler/x/y.md#anchor').

    MkDocs leaves links in raw HTML as written, so it gets the address from this page's address;
    Zensical rewrites them as links to source files, so it gets the path from this page's source.
    """
    file_part, hash_mark, anchor = target.partition("#")
    here = _docs_path(md)
    if _zensical_page(md) is not None:
        path = posixpath.relpath(file_part, posixpath.dirname(here))
    else:
        settings = current()
        here_url, there_url = settings.url(here), settings.url(file_part)
        base = here_url if here_url.endswith("/") or not here_url else posixpath.dirname(here_url)
        path = posixpath.relpath(there_url or ".", base.rstrip("/") or ".")
        if there_url.endswith("/") or not there_url:
            path = path.rstrip("/") + "/" if path != "." else "./"
    return path + hash_mark + anchor
