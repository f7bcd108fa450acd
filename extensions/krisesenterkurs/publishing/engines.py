"""Building the course with either engine: MkDocs (the default) or Zensical, Material's successor.

Both read the same mkdocs.yml and render with the same Markdown extensions; the
differences this module absorbs (see README, «Two engines»):

- Zensical runs no plugins: the course is checked first (`build_problems`), so
  an editor's mistake is one line per problem, not a Python traceback, and the
  post-build step runs here;
- Zensical has no `--site-dir` and writes only inside the project: it builds
  into `.build/` (site_dir is `!ENV SITE_DIR` in mkdocs.yml) and the result is
  moved where it was asked for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..core.errors import CourseError, Problem
from ..core.settings import Settings

ENGINES = ("mkdocs", "zensical")


def _env(site_url: str | None, directory_urls: bool | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    if directory_urls is not None:
        env["DIRECTORY_URLS"] = "true" if directory_urls else "false"
    return env


def command(settings: Settings, engine: str, site: Path, *, strict: bool = True, clean: bool = True) -> list[str]:
    """The engine's build command for this course (Zensical's site folder is set through SITE_DIR)."""
    config = str(settings.config_file)
    if engine == "mkdocs":
        return [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "--config-file",
            config,
            "--site-dir",
            str(site),
            *(["--strict"] if strict else []),
        ]
    if engine == "zensical":
        return [
            sys.executable,
            "-m",
            "zensical",
            "build",
            "--config-file",
            config,
            *(["--strict"] if strict else []),
            *(["--clean"] if clean else []),
        ]
    raise CourseError(Problem("build", None, f"unknown engine '{engine}'. Fix: use {' or '.join(ENGINES)}."))


def run(
    settings: Settings,
    site: Path,
    *,
    engine: str = "mkdocs",
    site_url: str | None = None,
    directory_urls: bool | None = None,
    strict: bool = True,
    clean: bool = True,
) -> subprocess.CompletedProcess:
    """Build the course into `site`; the finished process (its output holds the engine's messages)."""
    site = Path(site).resolve()
    env = _env(site_url, directory_urls)
    if engine != "zensical":
        return subprocess.run(
            command(settings, engine, site, strict=strict),
            cwd=settings.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    from ..authoring.check import build_problems

    problems = build_problems(settings)
    if problems:
        return subprocess.CompletedProcess(["zensical"], 1, "", str(CourseError(problems)) + "\n")
    work = settings.root / ".build"
    work.mkdir(exist_ok=True)
    inside = Path(tempfile.mkdtemp(prefix="zensical-", dir=work))
    try:
        env["SITE_DIR"] = str(inside.relative_to(settings.root))
        result = subprocess.run(
            command(settings, engine, site, strict=strict, clean=clean),
            cwd=settings.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            from .postbuild import postbuild

            postbuild(inside)
            if site.exists():
                shutil.rmtree(site)
            site.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(inside), str(site))
        return result
    finally:
        shutil.rmtree(inside, ignore_errors=True)


def build(settings: Settings, site: Path, **options) -> Path:
    """Build, or raise the engine's messages as the project's own error."""
    result = run(settings, site, **options)
    if result.returncode != 0:
        raise CourseError(
            Problem(
                options.get("engine", "mkdocs") + " build",
                None,
                result.stderr.strip()
                or "the build failed. Fix: run 'krisesenterkurs check' and correct what it reports.",
            )
        )
    return Path(site)
