"""The PDF printer's own mistakes: the project's error and one line, never a traceback."""

import socket
import subprocess
import sys
import urllib.request

import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.pdf import make_pdfs, serve_folder
from tests.support import ROOT


def test_a_folder_without_a_built_site_raises_the_projects_error(tmp_path):
    with pytest.raises(CourseError) as e:
        make_pdfs(tmp_path, settings=Settings.load(ROOT / "mkdocs.yml"))
    assert str(tmp_path) in str(e.value) and "index.html" in str(e.value)


def test_a_chromium_that_does_not_start_gives_one_line(tmp_path):
    # In its own process, as an editor runs it: Playwright's sync API cannot start inside the
    # browser tests' event loop.
    (tmp_path / "index.html").write_text("<p>kurs</p>", encoding="utf-8")
    command = [sys.executable, "-m", "krisesenterkurs.cli", "handouts", "--site", str(tmp_path)]
    result = subprocess.run(
        [*command, "--chromium", str(tmp_path / "no-such-chromium")], capture_output=True, text=True
    )
    err = result.stderr
    assert result.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "no-such-chromium" in lines[0]
    assert "Traceback" not in err and 'File "' not in err


def test_the_server_keeps_the_socket_it_bound(tmp_path, monkeypatch):
    # Binding port 0, closing it and binding that number again leaves a window in which another
    # process can take the port: the server must be bound once, on port 0.
    binds = []
    real_bind = socket.socket.bind

    def bind(self, address):
        binds.append(address)
        return real_bind(self, address)

    monkeypatch.setattr(socket.socket, "bind", bind)
    (tmp_path / "index.html").write_text("<p>kurs</p>", encoding="utf-8")
    server, base = serve_folder(tmp_path)
    try:
        assert binds == [("127.0.0.1", 0)]
        with urllib.request.urlopen(base + "index.html", timeout=5) as r:
            assert b"kurs" in r.read()
    finally:
        server.shutdown()
        server.server_close()
