"""Printable PDFs of a built site: per module a handout, the facilitator guide and the answer key
(«Fasit»), and the whole course for learners (a cover, the contents with page numbers, and «Side n
av N» on every page; no answers).

Uses the same Chromium as the tests (Debian's package, through Playwright),
so what is printed is what a learner's browser prints. It reads only the built site and the
course's own files, so it serves both engines' builds alike.
"""

from __future__ import annotations

import functools
import io
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape

from ..core.errors import CourseError, Problem
from ..core.say import say
from ..core.settings import Settings, current
from ..core.strings import table
from ..course.facilitator import guide_pdf_name, key_pdf_name
from ..course.handout import pdf_name
from ..course.modules import course_modules
from ..course.versions import long_date

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
    "/gruppe/",
    "fremdrift.html",
    "kursbevis.html",
    "workshopleder.html",
    "/gruppe.html",
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


def module_pages(site: Path, modules_in_site: str = "moduler", name: str = "utdelingsark") -> list[tuple[str, Path]]:
    """(module folder, page file) of each module's page `name`, for directory URLs (…/name/index.html)
    or flat files (…/name.html)."""
    pages = [(p.parent.parent.name, p) for p in (site / modules_in_site).glob(f"*/{name}/index.html")]
    pages += [(p.parent.name, p) for p in (site / modules_in_site).glob(f"*/{name}.html")]
    return sorted(pages)


def handout_pages(site: Path, modules_in_site: str = "moduler") -> list[tuple[str, Path]]:
    return module_pages(site, modules_in_site, "utdelingsark")


# Chromium's header and footer are drawn in the page margin, at a size of their own.
_FOOTER = (
    "<div style=\"width:100%;margin:0 1.6cm;font:8pt 'Liberation Sans',Arial,sans-serif;color:#333;"
    'display:flex;justify-content:space-between;gap:1em"><span>{left}</span><span>{right}</span></div>'
)
_PAGE_STYLE = (
    "@page{size:A4;margin:0}body{margin:0;font-family:'Liberation Sans',Arial,sans-serif;color:#000}"
    ".kk-pdf-sheet{height:297mm;position:relative;break-after:page;overflow:hidden}"
)


def page_footer(words: dict[str, str], left: str) -> str:
    """A footer template: `left`, and «Side n av N» filled in by Chromium page by page."""
    number = (
        escape(words["pdf_page"])
        .replace("{n}", Markup('<span class="pageNumber"></span>'))
        .replace("{total}", Markup('<span class="totalPages"></span>'))
    )
    return _FOOTER.format(left=escape(left), right=number)


def numbers_overlay(words: dict[str, str], total: int) -> str:
    """A document of `total` empty A4 sheets with «Side n av N» at the foot of each: laid over the
    whole course, joined from one PDF per page, whose own numbers would each count from 1."""
    sheets = []
    for n in range(1, total + 1):
        text = words["pdf_page"].format(n=n, total=total)
        sheets.append(
            '<div class="kk-pdf-sheet"><p style="position:absolute;bottom:0.7cm;right:1.6cm;margin:0;'
            f'font-size:8pt;color:#333">{escape(text)}</p></div>'
        )
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{_PAGE_STYLE}</style></head><body>{''.join(sheets)}</body></html>"


def cover_html(settings: Settings, words: dict[str, str]) -> str:
    """The whole course's first page: title, publisher, and which edition (each module's version)."""
    modules = [m for m in course_modules(settings) if not m.meta.draft]
    newest = max((m.meta.updated for m in modules), default=None)
    rows = "".join(
        f"<li>{escape(m.meta.number)}. {escape(m.meta.title)}: "
        f"{escape(words['module_version'].format(version=m.meta.version))}, "
        f"{escape(words['module_updated'].format(date=long_date(m.meta.updated, settings.language)))}</li>"
        for m in sorted(modules, key=lambda m: m.meta.number)
    )
    edition = (
        f"<p style='font-size:14pt'>{escape(words['pdf_edition'].format(date=long_date(newest, settings.language)))}</p>"
        if newest
        else ""
    )
    return (
        f"<!doctype html><html lang='{escape(settings.language)}'><head><meta charset='utf-8'>"
        "<style>@page{size:A4;margin:2.5cm 2cm}body{font-family:'Liberation Sans',Arial,sans-serif;color:#000}"
        "h1{font-size:30pt;margin:5cm 0 0.4em}li{margin:0.3em 0}</style></head><body>"
        f"<h1>{escape(settings.title)}</h1>"
        f"<p style='font-size:16pt'>{escape(words['pdf_publisher'].format(publisher=settings.publisher))}</p>"
        f"{edition}<p style='margin-top:3cm'><strong>{escape(words['pdf_modules'])}</strong></p><ul>{rows}</ul>"
        "</body></html>"
    )


def contents_html(settings: Settings, words: dict[str, str], entries: list[tuple[str, int, int]]) -> str:
    """The printed table of contents: (title, level, page number) per printed page."""
    rows = "".join(
        f"<li class='l{level}'><span>{escape(title)}</span><span class='n'>{number}</span></li>"
        for title, level, number in entries
    )
    return (
        f"<!doctype html><html lang='{escape(settings.language)}'><head><meta charset='utf-8'>"
        "<style>@page{size:A4;margin:2cm 2cm 2.2cm}body{font-family:'Liberation Sans',Arial,sans-serif;"
        "font-size:10.5pt;color:#000}ol{list-style:none;padding:0}li{display:flex;gap:0.5em;margin:0.15em 0}"
        "li span:first-child{flex:1;border-bottom:1px dotted #999}li.l0{font-weight:700;margin-top:0.7em}"
        "li.l1{padding-left:1.5em}.n{min-width:2em;text-align:right}</style></head><body>"
        f"<h1>{escape(words['pdf_contents'])}</h1><ol>{rows}</ol></body></html>"
    )


def _level(url: str, base: str, modules_in_site: str) -> int:
    """0 for a course page or a module's first page, 1 for a page inside a module."""
    parts = [p for p in url[len(base) :].split("/") if p]
    if parts and parts[-1] in ("index.html",):
        parts = parts[:-1]
    return 1 if len(parts) >= 3 and parts[0] == modules_in_site else 0


class Printer:
    """One Chromium tab, in print media, that turns a page of the site (or a document) into PDF bytes."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        page.emulate_media(media="print")

    def url(self, site: Path, html: Path) -> str:
        return urljoin(self.base, html.relative_to(site).as_posix())

    def pdf(self, url: str | None = None, *, html: str | None = None, footer: str | None = None) -> bytes:
        if html is not None:
            self.page.set_content(html, wait_until="load")
        else:
            self.page.goto(str(url), wait_until="load")
        options: dict = {"format": "A4", "print_background": True, "outline": True, "tagged": True}
        if footer is not None:
            options.update(display_header_footer=True, header_template="<span></span>", footer_template=footer)
        return self.page.pdf(**options)


def print_handouts(printer: Printer, site: Path, settings: Settings, words: dict[str, str]) -> list[Path]:
    written = []
    for module, html in handout_pages(site, settings.modules_in_site):
        # In the module's folder, beside the handout's source, where the handout block links to it.
        target = site / settings.modules_in_site / module / pdf_name(module)
        footer = page_footer(words, words["pdf_help_short"])
        target.write_bytes(printer.pdf(printer.url(site, html), footer=footer))
        written.append(target)
    return written


def print_facilitator_bundles(printer: Printer, site: Path, settings: Settings, words: dict[str, str]) -> list[Path]:
    """Per module the guide as it reads in the site, and the answer key, both beside the handout."""
    from ..quiz.key import answer_key_html

    modules = {m.folder: m for m in course_modules(settings)}
    written = []
    for module, html in module_pages(site, settings.modules_in_site, "workshopleder"):
        if module not in modules:
            continue
        meta = modules[module].meta
        footer = page_footer(words, f"{meta.title} · " + words["module_version"].format(version=meta.version))
        folder = site / settings.modules_in_site / module
        (folder / guide_pdf_name(module)).write_bytes(printer.pdf(printer.url(site, html), footer=footer))
        key = answer_key_html(settings, modules[module])
        (folder / key_pdf_name(module)).write_bytes(printer.pdf(html=key, footer=footer))
        written += [folder / guide_pdf_name(module), folder / key_pdf_name(module)]
    return written


def print_course(printer: Printer, site: Path, settings: Settings, words: dict[str, str]) -> Path:
    """The whole course for learners: a cover, the contents, then every page along the «next»
    links but the facilitators' and the interactive ones, numbered «Side n av N» throughout."""
    from pypdf import PdfReader, PdfWriter

    parts: list[tuple[str, int, PdfReader]] = []
    url: str | None = urljoin(printer.base, "index.html")
    seen: set[str] = set()
    while url and url not in seen:
        seen.add(url)
        if not url.endswith(NOT_IN_COURSE_PDF):
            printed = PdfReader(io.BytesIO(printer.pdf(url)))
            heading = printer.page.locator(".md-content h1").first
            title = heading.inner_text().strip() if heading.count() else printer.page.title()
            parts.append((title, _level(url, printer.base, settings.modules_in_site), printed))
        else:
            printer.page.goto(url)
        nxt = printer.page.locator("a.md-footer__link--next")
        url = urljoin(url, nxt.get_attribute("href")) if nxt.count() else None
    cover = PdfReader(io.BytesIO(printer.pdf(html=cover_html(settings, words))))
    # The contents' own length moves every number after it: count until it stays the same.
    contents_pages = 1
    for _ in range(4):
        number, entries = len(cover.pages) + contents_pages + 1, []
        for title, level, reader in parts:
            entries.append((title, level, number))
            number += len(reader.pages)
        contents = PdfReader(io.BytesIO(printer.pdf(html=contents_html(settings, words, entries))))
        if len(contents.pages) == contents_pages:
            break
        contents_pages = len(contents.pages)
    writer = PdfWriter()
    for reader in (cover, contents, *(reader for _, _, reader in parts)):
        writer.append(reader)
    overlay = PdfReader(io.BytesIO(printer.pdf(html=numbers_overlay(words, len(writer.pages)))))
    for sheet, numbers in zip(writer.pages, overlay.pages, strict=True):
        sheet.merge_page(numbers)
    target = site / COURSE_PDF
    with target.open("wb") as out:
        writer.write(out)
    return target


def make_pdfs(site: Path, chromium: str | None = None, settings: Settings | None = None) -> list[Path]:
    """Write the PDFs into the built site; return their paths."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    settings = settings or current()
    words = table(settings.language)
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
            printer = Printer(browser.new_page(), base)
            written = print_handouts(printer, site, settings, words)
            written += print_facilitator_bundles(printer, site, settings, words)
            written.append(print_course(printer, site, settings, words))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written
