"""Shared fixtures: build the course once, serve it on loopback, drive Debian's Chromium."""

from __future__ import annotations

import os

import pytest

from tests.support import ROOT, free_port, run_build, serve


@pytest.fixture(scope="session")
def served_course(tmp_path_factory):
    """The real course, built once with site_url set to the loopback address it is served from."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    dest = tmp_path_factory.mktemp("course-site")
    result = run_build(ROOT, dest, site_url=url)
    assert result.returncode == 0, result.stderr
    server = serve(dest, port)
    yield {"url": url, "dir": dest, "log": result.stderr}
    server.shutdown()
    server.server_close()

# --- Playwright (pytest-playwright) with Debian's Chromium ---------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
]


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
