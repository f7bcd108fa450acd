"""Helpers shared by the build tests and the browser fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def _course():
    from krisesenterkurs.core.settings import Settings

    return Settings.load(ROOT / "mkdocs.yml")


# The real course's settings: tests find its folders where mkdocs.yml says they are.
COURSE = _course()


def run_build(config_dir: Path, dest: Path, *, site_url: str | None = None, strict: bool = True):
    """Build a site with the mkdocs command, as an editor would; return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    cmd = [*MKDOCS, "build", "--site-dir", str(dest), "--config-file", str(config_dir / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=config_dir, env=env, capture_output=True, text=True, timeout=300)


class _QuietHandler(SimpleHTTPRequestHandler):
    def __init__(self, request, client_address, server):
        # The server's current folder, so a test can publish a new build on the same address.
        super().__init__(request, client_address, server, directory=str(server.directory))

    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        for name, value in self.server.headers.items():
            self.send_header(name, value)
        super().end_headers()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that stops reading (a page left before a file arrived) breaks the pipe: not a
        # failure, and its stack trace in the test log would only hide the real ones.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def serve(directory: Path, headers: dict[str, str] | None = None) -> ThreadingHTTPServer:
    """Serve a folder on loopback, sending `headers` with every response (the browser tests pass
    the security headers README recommends); set `server.directory` to serve another one from then on.

    The server binds port 0 and keeps that socket (choosing a free port, closing it and binding
    it again would let another process take it in between); start it before building a site
    whose `site_url` must name its address (`url(server)`): the folder may come later."""
    server = _QuietServer(("127.0.0.1", 0), _QuietHandler)
    server.directory = directory
    server.headers = headers or {}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


def course_config(
    root: Path,
    *,
    language: str = "nb",
    title: str = "Kurset",
    publisher: str = "RVTS Sør",
    docs: str = "docs",
    **course,
) -> Path:
    """A minimal mkdocs.yml for a test course in `root`; `course` are its extra.course settings."""
    import json

    lines = [
        f"site_name: {json.dumps(title)}",
        f"site_author: {json.dumps(publisher)}",
        f"docs_dir: {docs}",
        "theme:",
        "  name: material",
        f"  language: {language}",
        "extra:",
        "  course:",
    ]
    lines += [f"    {key}: {json.dumps(value)}" for key, value in course.items()] or ["    {}"]
    if not course:
        lines[-2:] = ["extra:", "  course: {}"]
    path = Path(root) / "mkdocs.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (Path(root) / docs).mkdir(exist_ok=True)
    return path


def small_course(root: Path, modules=(("forste", 1, None),), bank: str | None = None, **settings) -> Path:
    """A course of one bank (tests.banks.VALID) and modules that place it: its mkdocs.yml.

    Modules live in docs/moduler/<folder>, as in the real course; `modules` is (folder, number, changes).
    """
    from tests.banks import VALID, module_yml, write

    (root / "quizzes").mkdir(parents=True, exist_ok=True)
    write(root / "quizzes", bank or VALID)
    config = course_config(root, quizzes="quizzes", modules="docs/moduler", **settings)
    for folder, number, changes in modules:
        path = root / "docs" / "moduler" / folder
        path.mkdir(parents=True)
        version = "1.1" if changes else "1.0"
        updated = "2027-02-01" if changes else "2026-11-27"
        (path / "module.yml").write_text(
            module_yml(f"Modul {folder}", number, version=version, updated=updated, changes=changes), encoding="utf-8"
        )
        (path / "quiz.md").write_text("# Quiz\n\n/// quiz | test\n///\n", encoding="utf-8")
    return config


def build_in_process(config_dir: Path, dest: Path, *, strict: bool = True):
    """Build a site with MkDocs inside the test process (no new interpreter, about half the time);
    for tests of the HTML. What an editor reads in the terminal is tested with `run_build`."""
    import contextlib
    import io
    import logging
    from types import SimpleNamespace

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))  # as the mkdocs command prints
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    returncode = 0
    try:
        with contextlib.chdir(config_dir):
            config = load_config(str(config_dir / "mkdocs.yml"), site_dir=str(dest), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as e:
        log.write(f"{e}\n")
        returncode = 1
    finally:
        logger.removeHandler(handler)
    return SimpleNamespace(returncode=returncode, stderr=log.getvalue())
