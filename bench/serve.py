"""A loopback web server that compresses text as web hosts do (gzip), for Lighthouse.

Python's http.server sends every file uncompressed; measured that way, a page
looks several times heavier than it is from any real host, so the performance
audit would measure the test server rather than the course.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

from krisesenterkurs.publishing.pdf import QuietHandler, serve_folder

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
_TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class GzipHandler(QuietHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not (os.path.isfile(path) and ctype.startswith(_TEXT) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def serve_gzip(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    return serve_folder(directory, GzipHandler)


@contextmanager
def chromium_on(directory: Path) -> Iterator[tuple[object, str]]:
    """Debian's Chromium (or CHROMIUM_PATH) and the address of `directory`, served with gzip."""
    from playwright.sync_api import sync_playwright

    from krisesenterkurs.publishing.pdf import CHROMIUM_ARGS

    server, base = serve_gzip(directory)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser, base
            finally:
                browser.close()
    finally:
        server.shutdown()
