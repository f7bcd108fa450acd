"""Helpers shared by the build tests and the browser fixtures."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]

def run_build(config_dir: Path, dest: Path, *, site_url: str | None = None, strict: bool = True):
    """Build a site with the mkdocs command, as an editor would; return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    cmd = [*MKDOCS, "build", "--site-dir", str(dest), "--config-file", str(config_dir / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=config_dir, env=env, capture_output=True, text=True, timeout=300)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(SimpleHTTPRequestHandler):
    def __init__(self, request, client_address, server):
        # The server's current folder, so a test can publish a new build on the same address.
        super().__init__(request, client_address, server, directory=str(server.directory))

    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path, port: int) -> ThreadingHTTPServer:
    """Serve a folder on loopback; set `server.directory` to serve another one from then on."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _QuietHandler)
    server.directory = directory
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
