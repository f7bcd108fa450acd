"""Shared fixtures: build the course once, serve it on loopback, drive Debian's Chromium.

KK_ENGINE=zensical builds the course with Zensical instead of MkDocs (scripts/test.sh runs the
browser tests once per engine); tests marked `mkdocs_only` concern the MkDocs build itself.
"""

from __future__ import annotations

import os

import pytest

# Editor messages are bokmål unless asked for otherwise; a developer's own setting must not change what tests see.
os.environ.pop("KRISESENTERKURS_LANG", None)

from tests.support import COURSE, serve, url

ENGINE = os.environ.get("KK_ENGINE", "mkdocs")


def pytest_addoption(parser):
    parser.addoption("--bench", action="store_true", help="also run the benchmark end to end (kept out of CI)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "bench" in item.keywords and not config.getoption("--bench"):
            item.add_marker(pytest.mark.skip(reason="runs the benchmark: pass --bench (kept out of CI)"))
        for engine in ("mkdocs", "zensical"):
            if f"{engine}_only" in item.keywords and engine != ENGINE:
                item.add_marker(pytest.mark.skip(reason=f"concerns the {engine} build; this run builds with {ENGINE}"))


@pytest.fixture(scope="session")
def engine():
    return ENGINE


@pytest.fixture(scope="session")
def served_course(tmp_path_factory):
    """The real course, built once with site_url set to the loopback address it is served from,
    and served with the security headers README recommends (a strict Content-Security-Policy):
    every browser test runs under them."""
    from krisesenterkurs.publishing.engines import run
    from krisesenterkurs.publishing.hosting import SECURITY_HEADERS

    dest = tmp_path_factory.mktemp("course-site") / "site"
    server = serve(dest, SECURITY_HEADERS)
    try:
        result = run(COURSE, dest, engine=ENGINE, site_url=url(server))
        assert result.returncode == 0, result.stderr
        yield {"url": url(server), "dir": dest, "log": result.stderr, "engine": ENGINE}
    finally:
        server.shutdown()
        server.server_close()


# --- Playwright (pytest-playwright) with Debian's Chromium ---------------------------------

from krisesenterkurs.publishing.pdf import CHROMIUM_ARGS  # noqa: E402 - the flags PLATFORM.md names, in one place


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(served_course):
    return served_course["url"]


@pytest.fixture(autouse=True)
def _fresh_course_state():
    """Settings and loaded files of one test's course never leak into the next."""
    from krisesenterkurs.core import cache, page, settings

    yield
    settings.reset()
    cache.reset()
    page.set_mkdocs_page(None)


@pytest.fixture(scope="session")
def scorm_package(tmp_path_factory):
    """The course as `krisesenterkurs scorm` packs it (with its PDFs), unpacked: the LMS tests run it,
    the PDF tests read its printed files. Built once a session; always with MkDocs, the default engine."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    from tests.support import ROOT

    root = tmp_path_factory.mktemp("scorm")
    # The installed command in its own process, as an editor runs it: it prints PDFs with
    # Playwright, whose sync API cannot start a second time inside the test session's browser.
    command = Path(sys.executable).with_name("krisesenterkurs")
    result = subprocess.run(
        [str(command), "--project", str(ROOT), "scorm", "--out", str(root / "kurs.zip")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(root / "kurs.zip") as zf:
        zf.extractall(root / "course")
        names = zf.namelist()
    return {"root": root, "course": root / "course", "names": names}
