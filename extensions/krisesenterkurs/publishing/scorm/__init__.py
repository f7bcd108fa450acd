"""`krisesenterkurs scorm`: the course as one SCORM 1.2 SCO for an LMS such as Moodle (KS Læring)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from ...core.settings import Settings
from ..package import build_flat, zip_folder
from .manifest import imsmanifest, scorm_course


def scorm(settings: Settings, target: Path, pdfs: bool = True, engine: str = "mkdocs") -> Path:
    """The course as one SCORM 1.2 SCO: the launch page scorm.html, the site, and imsmanifest.xml."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    here = Path(__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_flat(settings, site, pdfs, engine)
        title = settings.title or "Kurs"
        env = Environment(loader=FileSystemLoader(here), autoescape=select_autoescape(default=True))
        launch = env.get_template("launch.html").render(
            title=title,
            lang=settings.language,
            course_json=json.dumps(scorm_course(settings), ensure_ascii=False).replace("<", "\\u003c"),
        )
        # The launch page's own files (what to report when, the SCORM calls, its stylesheet) go
        # beside the theme's assets; it loads the learner-record format, record.js, from there too.
        assets = site / "assets" / "krisesenterkurs" / "scorm"
        assets.mkdir(parents=True, exist_ok=True)
        for name in ("report.js", "launch.js", "launch.css"):
            shutil.copyfile(here / name, assets / name)
        (site / "scorm.html").write_text(launch, encoding="utf-8")
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        return zip_folder(site, target, {"imsmanifest.xml": imsmanifest(title, files)})
