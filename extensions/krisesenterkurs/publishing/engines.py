"""Building the course with either engine: MkDocs (the default) or Zensical, Material's successor.

Both read the same mkdocs.yml and render with the same Markdown extensions; the
differences this module absorbs (see README, «Two engines»):

- Zensical runs no plugins: the course is checked first (`build_problems`), so
  an editor's mistake is one line per problem, not a Python traceback, and the
  post-build step runs here;
- Zensical has no `--site-dir` and writes only inside the project: it builds
  into `.build/zensical`, named by a configuration that inherits mkdocs.yml
  (`zensical_config`, which also tells it which course files to watch), and the
  result is moved (or, for a cached build, copied) where it was asked for.
  Zensical notices a changed course file by its whole-second mtime: a file
  saved twice within one second, before and after a build, is not seen.
  Since that folder and configuration are shared, one Zensical build of a
  project runs at a time (`_one_at_a_time`): a second waits for the first.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ..core.errors import CourseError, Problem
from ..core.say import say
from ..core.settings import Settings

ENGINES = ("mkdocs", "zensical")


def _env(site_url: str | None, directory_urls: bool | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    if directory_urls is not None:
        env["DIRECTORY_URLS"] = "true" if directory_urls else "false"
    return env


def command(
    settings: Settings, engine: str, site: Path, *, strict: bool = True, clean: bool = True, config: Path | None = None
) -> list[str]:
    """The engine's build command for this course (Zensical's site folder is named by `config`)."""
    config_file = str(config or settings.config_file)
    if engine == "mkdocs":
        return [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "--config-file",
            config_file,
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
            config_file,
            *(["--strict"] if strict else []),
            *(["--clean"] if clean else []),
        ]
    raise CourseError(
        Problem("build", None, say("engine_unknown", engine=engine, engines=f" {say('or')} ".join(ENGINES)))
    )


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

    with contextlib.chdir(settings.root):  # messages name files from the project, as MkDocs' do
        problems = build_problems(settings)
    if problems:
        return subprocess.CompletedProcess(["zensical"], 1, "", str(CourseError(problems)) + "\n")
    # The same folder every time: Zensical counts its output folder as part of the configuration,
    # and reuses its cache of unchanged pages only while the configuration is the same.
    inside = settings.root / ".build" / "zensical"
    with _one_at_a_time(settings.config_file):
        return _zensical(settings, site, inside, env, strict=strict, clean=clean)


@contextlib.contextmanager
def _one_at_a_time(config_file: Path):
    """Two builds at once (a second terminal, parallel tests) would share one output folder. The lock
    is taken on mkdocs.yml itself, which every build has and none writes, so no lock file is left."""
    with open(config_file, "rb") as handle:
        try:
            import fcntl
        except ImportError:  # not on Windows: there, builds are not serialised
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _zensical(
    settings: Settings, site: Path, inside: Path, env: dict[str, str], *, strict: bool, clean: bool
) -> subprocess.CompletedProcess:
    config = zensical_config(settings, site_dir=inside)
    try:
        result = subprocess.run(
            command(settings, "zensical", site, strict=strict, clean=clean, config=config),
            cwd=settings.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            result.stderr = _course_errors(result.stderr)
            return result
        from .postbuild import postbuild

        if site.exists():
            shutil.rmtree(site)
        site.parent.mkdir(parents=True, exist_ok=True)
        # A cached build renders only what changed into the folder it built before, so that folder is
        # kept; a clean build has nothing to keep.
        if clean:
            shutil.move(str(inside), str(site))
        else:
            shutil.copytree(inside, site)
        postbuild(site)
        return result
    finally:
        config.unlink(missing_ok=True)


def zensical_config(settings: Settings, site_dir: Path | None = None, name: str = ".zensical-build.yml") -> Path:
    """A configuration for Zensical beside mkdocs.yml (so that its folders mean the same) that inherits it.

    It adds what Zensical cannot take from the plugin: the course's files outside docs_dir to watch
    (from the settings, so that an edited bank re-renders the pages) and, for a build, the output
    folder (Zensical has no --site-dir and writes only inside the project).
    """
    watch = [p for p in (settings.quizzes, settings.glossary, settings.scenarios) if p.exists()]
    lines = [f"INHERIT: {settings.config_file.name}", "watch:"]
    lines += [f"  - {json.dumps(p.relative_to(settings.root).as_posix())}" for p in watch] or ["  []"]
    if site_dir is not None:
        lines.append(f"site_dir: {json.dumps(Path(site_dir).relative_to(settings.root).as_posix())}")
    config = settings.root / name
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


_ZENSICAL_ERROR = re.compile(
    r"^RuntimeError: Python error: CourseError: (.*?)(?=^Traceback |^\S*Error: |\Z)", re.M | re.S
)


def _course_errors(stderr: str) -> str:
    """Zensical prints an extension's error inside a Python traceback: keep only the course's own lines."""
    found = [m.group(1).strip() for m in _ZENSICAL_ERROR.finditer(stderr)]
    return "\n".join(dict.fromkeys(found)) + "\n" if found else stderr


def build(settings: Settings, site: Path, **options) -> Path:
    """Build, or raise the engine's messages as the project's own error."""
    result = run(settings, site, **options)
    if result.returncode != 0:
        raise CourseError(
            Problem(
                options.get("engine", "mkdocs") + " build",
                None,
                result.stderr.strip() or say("build_failed"),
            )
        )
    return Path(site)
