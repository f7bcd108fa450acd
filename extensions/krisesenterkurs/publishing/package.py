"""`krisesenterkurs package`: the course as a zip that runs from a folder or any static web server."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from ..core.settings import Settings
from .engines import build


def zip_folder(folder: Path, target: Path, extra: dict[str, bytes] | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return target


def build_flat(settings: Settings, site: Path, pdfs: bool, engine: str = "mkdocs") -> None:
    """A site that works from a folder or inside an LMS, with its PDFs unless told otherwise."""
    build(settings, site, engine=engine, directory_urls=False, site_url="")
    if pdfs:
        from .pdf import make_pdfs

        make_pdfs(site)


def package(settings: Settings, target: Path, pdfs: bool = True, engine: str = "mkdocs") -> Path:
    """The built site as a zip that runs from a folder (index.html) or any static web server."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_flat(settings, site, pdfs, engine)
        return zip_folder(site, target)
