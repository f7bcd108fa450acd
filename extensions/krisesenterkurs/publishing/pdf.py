"""Printable PDFs of a built site: one handout per module and the whole course.

Uses the same Chromium as the tests (Debian's package, through Playwright),
so what is printed is what a learner's browser prints.
"""

from __future__ import annotations

import functools
import io
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

from ..core.errors import CourseError, Problem
from ..core.say import say
from ..core.settings import Settings, current
from ..course.handout import pdf_name

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]
COURSE_PDF = "krisesentertilbudet-i-kommunene.pdf"
# Interactive pages and the facilitators' own guides are left out of the learners' print version.
NOT_IN_COURSE_PDF = (
    "fremdrift/",
    "kursbevis/",
    "workshopleder/",
    "fremdrift.html",
    "kursbevis.html",
    "workshopleder.html",
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_folder(site: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on a free loopback port, in a background thread: (server, base URL)."""
    # Bound once, on port 0, and kept: choosing a number, closing it and binding again lets
    # another process take the port in between.
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}/"


def handout_pages(site: Path, modules_in_site: str = "moduler") -> list[tuple[str, Path]]:
    """(module folder, handout page file), for directory URLs (…/utdelingsark/index.html) or flat files."""
    pages = [(p.parent.parent.name, p) for p in (site / modules_in_site).glob("*/utdelingsark/index.html")]
    pages += [(p.parent.name, p) for p in (site / modules_in_site).glob("*/utdelingsark.html")]
    return sorted(pages)


def make_pdfs(site: Path, chromium: str | None = None, settings: Settings | None = None) -> list[Path]:
    """Write the PDFs into the built site; return their paths."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    settings = settings or current()
    site = Path(site)
    if not (site / "index.html").exists():
        raise CourseError(
            Problem(
                str(site),
                None,
                say("pdf_no_site"),
            )
        )
    server, base = serve_folder(site)
    written = []
    try:
        with sync_playwright() as p:
            executable = chromium or os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
            try:
                browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            except PlaywrightError as e:
                # Playwright's message runs to many lines of call log; the editor needs the first.
                first = next((line.strip() for line in str(e).splitlines() if line.strip()), say("no_reason"))
                raise CourseError(
                    Problem(
                        executable,
                        None,
                        say("chromium_failed", reason=first),
                    )
                ) from None
            page = browser.new_page()
            page.emulate_media(media="print")

            def pdf(url: str) -> bytes:
                page.goto(url, wait_until="load")
                return page.pdf(format="A4", print_background=True, outline=True, tagged=True)

            for module, html in handout_pages(site, settings.modules_in_site):
                # In the module's folder, beside the handout's source, where the handout block links to it.
                target = site / settings.modules_in_site / module / pdf_name(module)
                target.write_bytes(pdf(urljoin(base, html.relative_to(site).as_posix())))
                written.append(target)

            writer = PdfWriter()
            url: str | None = urljoin(base, "index.html")
            seen: set[str] = set()
            while url and url not in seen:
                seen.add(url)
                if not url.endswith(NOT_IN_COURSE_PDF):
                    writer.append(PdfReader(io.BytesIO(pdf(url))))
                else:
                    page.goto(url)
                nxt = page.locator("a.md-footer__link--next")
                url = urljoin(url, nxt.get_attribute("href")) if nxt.count() else None
            target = site / COURSE_PDF
            with target.open("wb") as out:
                writer.write(out)
            written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written
